import type { DocumentStore } from '../../store/types.js';
import type { OperationKind, OperationStatus, OperationStep } from './types.js';

/** A running or finished module operation, written before each step so a crash can be undone. */
export interface OperationRecord {
  _id: string;
  module: string;
  kind: OperationKind;
  actor: string;
  step: OperationStep;
  status: OperationStatus;
  fromVersion: string | null;
  toVersion: string | null;
  /** Staging directory to remove on recovery. */
  stagingDir: string | null;
  /** Directory the operation moved into place (removed if it rolls back). */
  targetDir: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  message: string | null;
  [field: string]: unknown;
}

export interface OperationJournal {
  begin(record: Omit<OperationRecord, 'status' | 'finishedAt' | 'message' | 'step'>): Promise<void>;
  step(id: string, step: OperationStep, fields?: Partial<Pick<OperationRecord, 'stagingDir' | 'targetDir' | 'toVersion'>>): Promise<void>;
  finish(id: string, status: Exclude<OperationStatus, 'RUNNING'>, message: string | null): Promise<void>;
  /** Operations a crash left RUNNING, oldest first. */
  unfinished(): Promise<OperationRecord[]>;
}

export function createOperationJournal(store: DocumentStore): OperationJournal {
  const operations = store.collection<OperationRecord>('module_operations');
  return {
    async begin(record) {
      await operations.insertOne({ ...record, step: 'QUEUED', status: 'RUNNING', finishedAt: null, message: null });
    },
    async step(id, step, fields = {}) {
      await operations.updateOne({ _id: id }, { $set: { step, ...fields } });
    },
    async finish(id, status, message) {
      // A failed operation keeps the step it failed at, for the record.
      const step = status === 'SUCCEEDED' ? { step: 'DONE' as const } : {};
      await operations.updateOne({ _id: id }, { $set: { status, message, finishedAt: new Date(), ...step } });
    },
    unfinished: () => operations.find({ status: 'RUNNING' }, { sort: { startedAt: 1 } }),
  };
}
