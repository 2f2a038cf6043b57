import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// schema/ sits two levels above both src/server and dist/server.
const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

/** The core SDL files (`schema/*.graphql`), read once, in name order. */
export function readCoreTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(SCHEMA_DIR + file, 'utf8'));
}
