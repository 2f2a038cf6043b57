export type OperationKind = 'INSTALL' | 'UPGRADE' | 'UNINSTALL' | 'ENABLE' | 'DISABLE' | 'LICENSE';
export type OperationStep = 'QUEUED' | 'LICENSE' | 'DOWNLOAD' | 'VERIFY' | 'EXTRACT' | 'RESOLVE' | 'LOAD' | 'ACTIVATE' | 'CLEANUP' | 'DONE';
export type OperationStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** `Subscription.moduleEvents` payload (`ModuleEvent` of schema/modules.graphql). */
export interface ModuleEvent {
  operationId: string;
  module: string;
  kind: OperationKind;
  step: OperationStep;
  status: OperationStatus;
  message: string | null;
  /** On FAILED: the error code (`LICENSE_REQUIRED`, …; `INTERNAL` for a masked fault). */
  code: string | null;
  bytes: number | null;
  totalBytes: number | null;
  at: Date;
}
