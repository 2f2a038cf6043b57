import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';

export interface FirstPartyOperation {
  /** Where it was found: `docs/admin/installing-modules.md`, `src/admin/static/js/…`. */
  file: string;
  text: string;
}

function filesUnder(dir: string, extensions: string[]): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'fixtures') continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, extensions));
    else if (extensions.some((extension) => full.endsWith(extension))) out.push(full);
  }
  return out;
}

function isOperationDocument(text: string): boolean {
  try {
    return parse(text).definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return false;
  }
}

/** `${NAME}` in a JS template, replaced by the file's own `const NAME = \`…\`` (the admin page's field lists). */
function substituteConstants(source: string, literal: string): string {
  return literal.replace(/\$\{(\w+)\}/g, (whole, name: string) => {
    const constant = new RegExp(`const ${name} = \`([^\`]*)\``).exec(source);
    return constant ? constant[1]! : whole;
  });
}

/**
 * Every GraphQL operation the project itself ships or documents: ```graphql blocks in docs/ and
 * the READMEs, and string literals that parse as operations in the admin page's scripts and in
 * the first-party modules' tests.
 */
export function firstPartyOperations(root: string): FirstPartyOperation[] {
  const found: FirstPartyOperation[] = [];
  const markdown = [
    ...filesUnder(path.join(root, 'docs'), ['.md']),
    path.join(root, 'README.md'),
    ...filesUnder(path.join(root, 'modules'), ['.md']),
  ];
  for (const file of markdown) {
    for (const match of readFileSync(file, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)) {
      if (isOperationDocument(match[1]!)) found.push({ file: path.relative(root, file), text: match[1]! });
    }
  }
  const scripts = [...filesUnder(path.join(root, 'src/admin/static/js'), ['.js']), ...filesUnder(path.join(root, 'modules'), ['.test.ts'])];
  for (const file of scripts) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(['`])((?:query|mutation|subscription|\{)[\s\S]*?)\1/g)) {
      const text = substituteConstants(source, match[2]!);
      if (!text.includes('${') && isOperationDocument(text)) found.push({ file: path.relative(root, file), text });
    }
  }
  return found;
}
