import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('the a64 command after a build', () => {
  it('runs directly as the package bin (what `npx a64` runs in a fresh clone), not only through node', async () => {
    const { stdout } = await promisify(execFile)('./dist/cli/main.js', ['--help']);
    expect(stdout).toContain('A64 Platform command line');
  });
});
