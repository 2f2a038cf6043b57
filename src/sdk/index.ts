export { defineModule } from './define-module.js';
export { fromField } from './from-field.js';
export { badInput, ModuleError, type ModuleErrorCode } from './module-error.js';
export { type InputSchema, parseInput } from './parse-input.js';
export { selectsField } from './selects-field.js';
export type * from './types.js';
export { withPermission } from './with-permission.js';
