import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';

describe('createLogger', () => {
  it('never writes passwords, tokens, license keys or authorization headers', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ level: 'info', destination });
    logger.info({ password: 'hunter2-secret', token: 'tok-secret', licenseKey: 'lic-secret' }, 'top level');
    logger.info({ input: { licenseKey: 'lic-secret-2' }, variables: { password: 'pw-secret-2' } }, 'nested');
    logger.info({ req: { headers: { authorization: 'Bearer bearer-secret', cookie: 'c-secret' } } }, 'request');
    logger.info({ user: { email: 'ann@example.test', password: 'pw-secret-3' } }, 'kept email');
    const text = lines.join('');
    for (const secret of ['hunter2-secret', 'tok-secret', 'lic-secret', 'pw-secret-2', 'bearer-secret', 'c-secret', 'pw-secret-3']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
    expect(text).toContain('ann@example.test');
  });
});
