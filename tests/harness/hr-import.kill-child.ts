/**
 * Test helper (not a test): runs one import in its own process so hr-import.kill.test.ts can
 * SIGKILL it mid-import. Usage: tsx hr-import.kill-child.ts <pglite-dir | postgres-url> <data-dir> <import-id>
 */
import { openDatabase } from '#server/db/client';
import { runImport } from '#server/features/hr-records/hr-import.job';
import { systemClock } from '#server/lib/clock';
import { testEnv } from '#server/lib/env';
import { createLogger } from '#server/lib/logger';

const [target = '', dataDir = '', importId = ''] = process.argv.slice(2);
const database = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
const deps = {
  db: database.db,
  env: testEnv({ DATA_DIR: dataDir }),
  clock: systemClock,
  logger: createLogger('silent'),
};
const outcome = await runImport(deps, {
  importId,
  batchSize: 20,
  onBatch: async ({ rowsDone }) => {
    process.stdout.write(`batch ${rowsDone}\n`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  },
});
await database.close();
process.stdout.write(`outcome ${outcome}\n`);
