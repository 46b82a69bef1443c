// `npm run test:pg`: the same suite against a PostgreSQL server. Each test file creates its own
// uniquely named database on that server (tests/setup.ts) and drops it when done.
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.error(
    'test:pg needs TEST_DATABASE_URL or DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres',
  );
  process.exit(2);
}
// The property tests (tests/fuzz) send 300 requests per operation on PGlite in `npm test`; on the
// server they look for database-specific 500s with 100 each, so CI runs both suites in time
// (decision 024). FUZZ_RUNS set by the caller wins.
const env = { FUZZ_RUNS: '100', ...process.env, TEST_DATABASE_URL: url };
delete env.DATABASE_URL;
const run = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
