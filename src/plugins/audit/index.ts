export {
  AUDIT_LOG_COLLECTION,
  type AuditChainReport,
  type AuditEntry,
  type AuditLogRepository,
  createAuditLogRepository,
  type NewAuditEntry,
} from './audit-log-repository.js';
export { canonicalJson } from './canonical-json.js';
