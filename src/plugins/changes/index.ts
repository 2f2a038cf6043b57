export { assertUpgradeAccepted, type UpgradeAcceptance } from './assert-upgrade-accepted.js';
export type { ChangePlan, PlanAction } from './change-plan.js';
export { blockReasons, checkForUpdates, type UpdateCheckDeps, type UpdateCheckResult } from './check-for-updates.js';
export { collectCoordinates, type OperationCoordinates, requestCoordinates } from './collect-coordinates.js';
export { collectionsDigest } from './collections-digest.js';
export { type ChangePlanInput, computeChangePlan, type PlanSide } from './compute-change-plan.js';
export { type ChangePlanner, createChangePlanner, type PlannedModule, type PlanSources } from './create-change-planner.js';
export { createFieldUsageRecorder, type FieldUsageRecorder, type FieldUsageRecorderOptions } from './create-field-usage-recorder.js';
export { createUpdateScheduler, type UpdateScheduler } from './create-update-scheduler.js';
export {
  createFieldUsageRepository,
  FIELD_USAGE_COLLECTION,
  type FieldUsageEntry,
  type FieldUsageRepository,
  usageDay,
} from './field-usage-repository.js';
export { moduleAloneSchema } from './module-alone-schema.js';
export { definedCoordinates } from './module-coordinates.js';
export { breakingInUse, type ChangeLevel, type SchemaChange, schemaChanges, toCoordinate } from './schema-changes.js';
export { allowedUpdate, updateAvailable } from './select-update.js';
export { type SetUpdatePolicyDeps, setUpdatePolicy } from './set-update-policy.js';
export {
  createUpdateStateRepository,
  type ModuleUpdateState,
  UPDATE_STATE_COLLECTION,
  type UpdatePolicy,
  type UpdateStateRepository,
} from './update-state-repository.js';
export { useFieldUsage } from './use-field-usage.js';
