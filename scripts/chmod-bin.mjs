// Makes the package's `bin` files executable after `tsc` wrote them (run by `npm run build`).
// npm sets the bit only on bin files that exist when it links them; in a fresh clone dist/ is
// built later by `prepare`, so without this `npx a64` fails with "Permission denied".
import { chmod, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { bin = {} } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
for (const file of Object.values(typeof bin === 'string' ? { a64: bin } : bin)) {
  const target = path.join(root, file);
  const { mode } = await stat(target);
  await chmod(target, mode | 0o111);
}
