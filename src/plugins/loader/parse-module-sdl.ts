import { type DefinitionNode, type DocumentNode, GraphQLError, Kind, parse } from 'graphql';
import { platformError } from '../../errors/index.js';

/**
 * Parses a module's typeDefs once, at load (never on the request path). A syntax error throws
 * MODULE_LOAD_FAILED naming the module, the part (when several) and the line and column.
 */
export function parseModuleSdl(name: string, typeDefs: string | readonly string[]): DocumentNode {
  const parts = typeof typeDefs === 'string' ? [typeDefs] : typeDefs;
  const definitions: DefinitionNode[] = [];
  parts.forEach((source, index) => {
    try {
      definitions.push(...parse(source, { noLocation: false }).definitions);
    } catch (error) {
      const where = parts.length > 1 ? `typeDefs[${index}]` : 'typeDefs';
      const location = error instanceof GraphQLError && error.locations?.[0];
      const at = location ? ` at line ${location.line}, column ${location.column}` : '';
      const detail = error instanceof GraphQLError ? error.message.replace(/^Syntax Error: /, '') : String(error);
      throw platformError('MODULE_LOAD_FAILED', `Module ${name}: syntax error in ${where}${at}: ${detail}`, {
        details: { module: name },
      });
    }
  });
  if (definitions.length === 0) {
    throw platformError('MODULE_LOAD_FAILED', `Module ${name}: typeDefs define nothing; add at least one type or \`extend type Query\`.`, {
      details: { module: name },
    });
  }
  return { kind: Kind.DOCUMENT, definitions };
}
