export { type ComposeSchemaInput, composeSchema, type SchemaContribution } from './compose-schema.js';
export { createModuleContextFactory, type ModuleContextFactory } from './create-module-context-factory.js';
export { findSchemaConflicts, type SdlPart } from './find-schema-conflicts.js';
export { type ModuleResolverObserver, observeModuleResolvers } from './module-resolver-observers.js';
export { createSchemaHolder, type LiveSchema, type SchemaHolder } from './schema-holder.js';
export { type ResolverMap, wrapModuleResolvers } from './wrap-module-resolvers.js';
