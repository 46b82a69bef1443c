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
const env = { ...process.env, TEST_DATABASE_URL: url };
delete env.DATABASE_URL;
const run = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
