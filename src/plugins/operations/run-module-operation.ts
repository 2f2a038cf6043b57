import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { isPlatformError } from '../../errors/index.js';
import type { Logger } from '../../logging/index.js';
import type { AuditLogRepository } from '../audit/index.js';
import type { ModuleEventBus } from './module-event-bus.js';
import type { OperationJournal } from './operation-journal.js';
import type { LockLease, OperationLock } from './operation-lock.js';
import type { OperationsInFlight } from './operations-in-flight.js';
import type { OperationKind, OperationStep } from './types.js';

/** What the frame works with; one set per platform, shared by every operation. */
export interface OperationFrameDeps {
  lock: OperationLock;
  journal: OperationJournal;
  events: ModuleEventBus;
  audit: AuditLogRepository;
  logger: Logger;
  /** `$DATA_DIR/staging`: one directory per running operation, removed when it ends. */
  stagingRoot: string;
  /** TEST_PAUSE_AT_STEP (tests only): the operation stops for good once it has done this step. */
  pauseAtStep?: string | undefined;
  /** Where running operations are counted, so a graceful stop waits for them. */
  inFlight?: OperationsInFlight;
}

export interface OperationContext {
  operationId: string;
  /** Private to this operation, inside `$DATA_DIR/staging`; removed when it ends. */
  stagingDir: string;
  /** Journals the step (so a crash can be undone) and publishes it to `moduleEvents`. */
  step(step: OperationStep, message: string, journal?: { targetDir?: string; toVersion?: string }): Promise<void>;
  bytes(bytes: number, total: number): void;
}

export interface OperationRequest {
  module: string;
  kind: OperationKind;
  /** The user's email, or `system` for the platform's own operations (license enforcement). */
  actor: string;
  fromVersion: string | null;
  /** Wait for a running operation on the module instead of refusing with OPERATION_IN_PROGRESS (system operations). */
  waitForLock?: boolean;
}

export interface OperationOutcome<T> {
  result: T;
  /** Audit details (versions, licensee); never secrets. */
  details?: Record<string, unknown>;
  /** `NO_OP` when nothing had to change (enabling an enabled module); default `SUCCEEDED`. */
  outcome?: 'SUCCEEDED' | 'NO_OP';
}

/** The audit action of an operation kind: `module.install`, `module.enable`, `module.license`, … */
export const auditAction = (kind: OperationKind) => `module.${kind.toLowerCase()}`;

/** TEST_PAUSE_AT_STEP: once the named step's work is done, the operation stops here for good (tests kill the process). */
async function pausePoint(deps: OperationFrameDeps, module: string, done: OperationStep): Promise<void> {
  if (deps.pauseAtStep !== done) return;
  deps.logger.warn({ module, step: done }, `${module}: paused at ${done} (TEST_PAUSE_AT_STEP)`);
  await new Promise<never>(() => {});
}

/**
 * The one frame around every module operation (install, upgrade, uninstall, enable, disable,
 * license change, license-driven disable): the cross-instance module lock (refused with
 * OPERATION_IN_PROGRESS before anything happens, or waited for), the journal, progress events,
 * the audit entry (success, no-op or failure, with duration) and the removal of the staging
 * directory in `finally`. See docs/architecture.md, "Module operations".
 */
export function runModuleOperation<T>(
  deps: OperationFrameDeps,
  request: OperationRequest,
  body: (operation: OperationContext) => Promise<OperationOutcome<T>>,
): Promise<T> {
  const running = runFramed(deps, request, body);
  return deps.inFlight ? deps.inFlight.track(running) : running;
}

async function runFramed<T>(
  deps: OperationFrameDeps,
  request: OperationRequest,
  body: (operation: OperationContext) => Promise<OperationOutcome<T>>,
): Promise<T> {
  const operationId = randomUUID();
  const startedAt = new Date();
  const action = auditAction(request.kind);
  const audit = (outcome: string, details: Record<string, unknown>) =>
    deps.audit
      .append({ actor: request.actor, action, module: request.module, outcome, details })
      .catch((error: unknown) => deps.logger.error({ err: error, module: request.module }, 'could not write the audit log'));
  const publish = (step: OperationStep, status: 'RUNNING' | 'SUCCEEDED' | 'FAILED', message: string | null, extra = {}) =>
    deps.events.publish({ operationId, module: request.module, kind: request.kind, step, status, message, ...extra });
  let lease: LockLease;
  try {
    lease = await deps.lock.acquire(request.module, operationId, request.kind, {
      wait: request.waitForLock ?? false,
      onWait: (reason) => publish('QUEUED', 'RUNNING', `Waiting for the running operation to finish: ${reason}`),
    });
  } catch (error) {
    // Refused before it began (another operation holds the module): audited all the same.
    await audit(`FAILED:${isPlatformError(error) ? error.code : 'INTERNAL'}`, {
      fromVersion: request.fromVersion,
      operationId,
      message: (error as Error).message,
      durationMs: 0,
    });
    throw error;
  }
  const stagingDir = path.join(deps.stagingRoot, operationId);
  let lastStep: OperationStep = 'QUEUED';
  // Versions go into every audit entry, failures included (the target is known once a release is chosen).
  const versions = { fromVersion: request.fromVersion, toVersion: null as string | null };
  try {
    await deps.journal.begin({
      _id: operationId,
      module: request.module,
      kind: request.kind,
      actor: request.actor,
      fromVersion: request.fromVersion,
      toVersion: null,
      stagingDir,
      targetDir: null,
      startedAt,
    });
    await mkdir(stagingDir, { recursive: true, mode: 0o700 });
    publish('QUEUED', 'RUNNING', `${request.kind.toLowerCase()} ${request.module}`);
    const operation: OperationContext = {
      operationId,
      stagingDir,
      async step(step, message, journal) {
        await pausePoint(deps, request.module, lastStep);
        lastStep = step;
        if (journal?.toVersion) versions.toVersion = journal.toVersion;
        await deps.journal.step(operationId, step, journal);
        publish(step, 'RUNNING', message);
      },
      bytes(bytes, totalBytes) {
        publish('DOWNLOAD', 'RUNNING', null, { bytes, totalBytes });
      },
    };
    const { result, details = {}, outcome = 'SUCCEEDED' } = await body(operation);
    await pausePoint(deps, request.module, lastStep);
    const durationMs = Date.now() - startedAt.getTime();
    await deps.journal.finish(operationId, 'SUCCEEDED', null);
    await audit(outcome, { ...versions, ...details, operationId, durationMs });
    const done = outcome === 'NO_OP' ? 'had nothing to change' : 'succeeded';
    publish('DONE', 'SUCCEEDED', `${request.kind.toLowerCase()} of ${request.module} ${done} in ${durationMs} ms`);
    return result;
  } catch (error) {
    const code = isPlatformError(error) ? error.code : 'INTERNAL';
    const message = isPlatformError(error) ? error.message : 'An internal error stopped the operation; the platform is unchanged.';
    if (!isPlatformError(error)) deps.logger.error({ err: error, module: request.module, operationId }, 'module operation failed');
    await deps.journal.finish(operationId, 'FAILED', message).catch(() => {});
    await audit(`FAILED:${code}`, { ...versions, operationId, step: lastStep, message, durationMs: Date.now() - startedAt.getTime() });
    publish(lastStep, 'FAILED', message, { code });
    throw error;
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
    await lease.release();
  }
}
