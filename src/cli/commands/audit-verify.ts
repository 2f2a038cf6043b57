import type { CliCommand } from '../command.js';

/** `a64 audit verify`: recomputes the audit log's hash chain in the configured store. */
export const auditVerifyCommand: CliCommand = {
  name: 'audit verify',
  summary: 'Check that the audit log hash chain is intact',
  usage: 'a64 audit verify',
  options: {},
  async run(_args, io) {
    const { loadConfig } = await import('../../config/index.js');
    const { openStore } = await import('../../store/open-store.js');
    const { createAuditLogRepository } = await import('../../plugins/audit/index.js');
    const config = loadConfig(io.env);
    const store = await openStore({ dataDir: config.dataDir, mongodbUrl: config.mongodbUrl, mongodbDb: config.mongodbDb });
    try {
      const report = await createAuditLogRepository(store).verify();
      if (report.ok) {
        io.stdout(`Audit log chain intact (${report.entries} entries)\n`);
        return 0;
      }
      io.stderr(`Audit log chain BROKEN at entry ${report.brokenAt?.seq}: ${report.brokenAt?.reason}\n`);
      return 1;
    } finally {
      await store.close();
    }
  },
};
