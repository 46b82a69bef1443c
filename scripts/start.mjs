// `npm start`: build the web UI when it is missing or older than its sources, then run the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist/web/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = Math.max(newestMtime(join(root, 'web')), newestMtime(join(root, 'common')));
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the web UI…');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Run the server in this process (no wrapper), so Ctrl-C / SIGTERM reach its shutdown handler,
// which closes PGlite cleanly.
const { register } = await import('tsx/esm/api');
register();
await import(join(root, 'server/index.ts'));
