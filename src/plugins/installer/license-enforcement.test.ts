import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../logging/index.js';
import { openStore } from '../../store/open-store.js';
import type { DocumentStore } from '../../store/types.js';
import { createAuditLogRepository } from '../audit/index.js';
import { createLicenseCipher } from '../licenses/index.js';
import { createModuleEventBus } from '../operations/module-event-bus.js';
import { createOperationJournal } from '../operations/operation-journal.js';
import { createOperationLock } from '../operations/operation-lock.js';
import { createOperationsInFlight } from '../operations/operations-in-flight.js';
import type { ModuleEvent } from '../operations/types.js';
import type { ModuleInfo, ModuleRuntime } from '../runtime/index.js';
import { createModuleInstaller } from './create-module-installer.js';
import type { InstallerDeps } from './installer-deps.js';
import { createLicenseStatuses } from './license-statuses.js';

/** A licensed registry module that is enabled, and a runtime that records its disables. */
function licensedRuntime() {
  const info = { name: 'paid', installed: true, enabled: true, source: 'REGISTRY', licenseRequired: true, version: '1.0.0' };
  const disabled: string[] = [];
  const runtime = {
    list: () => [info as unknown as ModuleInfo],
    get: (name: string) => (name === info.name ? (info as unknown as ModuleInfo) : null),
    storedLicense: () => null,
    async disable(name: string) {
      disabled.push(name);
      info.enabled = false;
      return { info: info as unknown as ModuleInfo, changed: true };
    },
  };
  return { runtime: runtime as unknown as ModuleRuntime, disabled };
}

/** Collects every event of the bus until `predicate` matches one. */
function watch(events: ReturnType<typeof createModuleEventBus>) {
  const seen: ModuleEvent[] = [];
  const iterator = events.subscribe()[Symbol.asyncIterator]();
  return {
    seen,
    async until(predicate: (event: ModuleEvent) => boolean): Promise<ModuleEvent> {
      for (;;) {
        const next = await iterator.next();
        seen.push(next.value as ModuleEvent);
        if (predicate(next.value as ModuleEvent)) return next.value as ModuleEvent;
      }
    },
    close: () => iterator.return?.(),
  };
}

/** Real store, lock, journal, events and audit; no registry; no stored license (so: MISSING). */
function installerDeps(store: DocumentStore, dir: string, runtime: ModuleRuntime) {
  return {
    config: { licensePublicKey: undefined, licenseServerUrl: undefined, limits: {} as InstallerDeps['config']['limits'] },
    store,
    logger: createLogger({ level: 'silent' }),
    runtime,
    registry: { current: () => null },
    licenseStatuses: createLicenseStatuses(),
    lock: createOperationLock(store),
    journal: createOperationJournal(store),
    events: createModuleEventBus(),
    audit: createAuditLogRepository(store),
    cipher: createLicenseCipher(randomBytes(32)),
    installationId: 'test',
    platformVersion: '1.0.0',
    stagingRoot: path.join(dir, 'staging'),
    installedDir: path.join(dir, 'modules'),
    saveLicense: async () => {},
    storedLicense: async () => null,
    inFlight: createOperationsInFlight(),
  } satisfies InstallerDeps;
}

describe('license-driven disable: an operation in the one frame', () => {
  let dir: string;
  let store: DocumentStore;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'a64-enforce-'));
    store = await openStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('waits for the running operation on the module, then disables it as system: in moduleEvents, the journal and the audit log', async () => {
    const { runtime, disabled } = licensedRuntime();
    const deps = installerDeps(store, dir, runtime);
    const { lock, events } = deps;
    const installer = createModuleInstaller(deps);
    const watcher = watch(events);
    // An upgrade of the same module is running (it holds the module's lock).
    const upgrade = await lock.acquire('paid', 'running-upgrade', 'UPGRADE');

    const enforcing = installer.licenses.enforce();
    const waiting = await watcher.until((event) => event.kind === 'DISABLE' && event.status === 'RUNNING');
    expect(waiting).toMatchObject({ module: 'paid', step: 'QUEUED' });
    expect(waiting.message).toMatch(/Waiting for the running operation.*upgrade/);
    expect(disabled).toEqual([]);

    // A graceful stop would wait for it: it runs outside any request, but in the frame.
    expect(deps.inFlight.count()).toBe(1);
    expect(await deps.inFlight.settled(1)).toBe(false);

    await upgrade.release();
    await enforcing;
    expect(await deps.inFlight.settled(60_000)).toBe(true);
    await watcher.until((event) => event.kind === 'DISABLE' && event.step === 'DONE');
    watcher.close();
    expect(disabled).toEqual(['paid']);
    const disableEvents = watcher.seen.filter((event) => event.kind === 'DISABLE').map((event) => `${event.step}:${event.status}`);
    expect(disableEvents).toEqual(['QUEUED:RUNNING', 'QUEUED:RUNNING', 'ACTIVATE:RUNNING', 'DONE:SUCCEEDED']);

    const audit = await store.collection('audit_log').find({ action: 'module.disable' });
    expect(audit).toMatchObject([{ actor: 'system', module: 'paid', outcome: 'SUCCEEDED', details: { license: 'MISSING' } }]);
    const journal = await store.collection('module_operations').find({ module: 'paid' });
    expect(journal).toMatchObject([{ kind: 'DISABLE', actor: 'system', status: 'SUCCEEDED', step: 'DONE' }]);
    expect(await store.collection('module_locks').countDocuments({})).toBe(0);
  });

  it('checks again once it holds the lock: NO_OP (audited) when the operation it waited for disabled the module', async () => {
    const { runtime, disabled } = licensedRuntime();
    const deps = installerDeps(store, dir, runtime);
    const { lock } = deps;
    const installer = createModuleInstaller(deps);
    const watcher = watch(deps.events);
    const held = await lock.acquire('paid', 'running-disable', 'DISABLE');
    const enforcing = installer.licenses.enforce();
    await watcher.until((event) => event.kind === 'DISABLE' && event.step === 'QUEUED');
    watcher.close();
    // The operation it waits for disables the module meanwhile.
    await runtime.disable('paid');
    await held.release();
    await enforcing;
    expect(disabled).toEqual(['paid']);
    const audit = await store.collection('audit_log').find({ action: 'module.disable' });
    expect(audit).toMatchObject([{ actor: 'system', outcome: 'NO_OP' }]);
  });
});
