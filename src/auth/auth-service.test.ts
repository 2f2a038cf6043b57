import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../store/embedded/embedded-store.js';
import type { DocumentStore } from '../store/types.js';
import { createAccessControl } from './create-access-control.js';

let dataDir: string;
let store: DocumentStore;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'a64-auth-service-'));
  store = await openEmbeddedStore({ dataDir });
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('auth service', () => {
  it('hands out the signed-in user without the token generation or the bootstrap mark', async () => {
    const { auth } = await createAccessControl({
      store,
      tokenSecret: new Uint8Array(32).fill(7),
      tokenTtlSeconds: 3600,
      installationId: 'test-installation',
      catalog: { permissions: () => [] } as never,
      livePermissions: () => ['farm.view', 'farm.delete'],
      audit: { append: async () => {} } as never,
    });
    const stored = await auth.createUser(
      { email: 'ann@example.test', password: 'correct horse battery staple 42', role: 'USER', permissions: ['farm.view'] },
      { bootstrapPending: true },
    );
    const { token, user } = await auth.login('ann@example.test', 'correct horse battery staple 42');
    const authenticated = await auth.authenticate(token);
    for (const seen of [user, authenticated]) {
      expect(Object.keys(seen).sort()).toEqual(['createdAt', 'disabled', 'email', 'grants', 'id', 'lastLoginAt', 'permissions', 'role']);
      expect(seen).toMatchObject({ id: stored.id, email: 'ann@example.test', role: 'USER', grants: ['farm.view'], disabled: false });
      expect(seen.permissions).toEqual(['farm.view']);
      expect(seen.lastLoginAt).toBeInstanceOf(Date);
    }
  });
});
