import type { Plugin } from 'graphql-yoga';
import type { SchemaHolder } from '../plugins/composer/schema-holder.js';

/**
 * Serves whatever schema is live in `schemaHolder`: read once per request, when its GraphQL
 * pipeline is set up (envelop's `onEnveloped`), so a request runs to its end on the schema it
 * started with. Yoga's own `schema: () => …` option reads it in `onRequestParse` instead, which
 * the plain-JSON path (fast-path/) does not run.
 */
export function useLiveSchema(schemaHolder: SchemaHolder): Plugin {
  return {
    onEnveloped({ setSchema }) {
      setSchema(schemaHolder.current().schema);
    },
  };
}
