import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenService } from './token-service.js';

const secret = new Uint8Array(32).fill(7);

describe('token service', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('still refuses a token once it expired, after it was verified (and remembered) before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const tokens = createTokenService(secret, 60, 'installation-1');
    const { token } = await tokens.issue('user-1');
    await expect(tokens.verify(token)).resolves.toEqual({ userId: 'user-1', generation: 0 });
    await expect(tokens.verify(token)).resolves.toEqual({ userId: 'user-1', generation: 0 });
    vi.setSystemTime(Date.now() + 61_000);
    await expect(tokens.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a tampered token even when the genuine one was verified before', async () => {
    const tokens = createTokenService(secret, 60, 'installation-1');
    const { token } = await tokens.issue('user-1');
    await tokens.verify(token);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: 'admin' })).toString(
      'base64url',
    );
    await expect(tokens.verify(`${header}.${forged}.${signature}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token with padding or any other byte appended, even after the genuine one was verified', async () => {
    const tokens = createTokenService(secret, 60, 'installation-1');
    const { token } = await tokens.issue('user-1', 3);
    await expect(tokens.verify(token)).resolves.toEqual({ userId: 'user-1', generation: 3 });
    for (const altered of [`${token}=`, `${token}==`, ` ${token}`, `${token}.`, `${token}%3D`]) {
      await expect(tokens.verify(altered)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('refuses a token of another installation', async () => {
    const { token } = await createTokenService(secret, 60, 'installation-1').issue('user-1');
    await expect(createTokenService(secret, 60, 'installation-2').verify(token)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
