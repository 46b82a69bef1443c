// What the built UI (dist/web, `npm run build`) is made of: its JS chunks and the chunks each one
// imports statically. Shared by bundle-size.mjs and first-page-bytes.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const webRoot = new URL('../dist/web/', import.meta.url).pathname;
export const assetsDir = join(webRoot, 'assets');

/** Every built JS chunk (not its .br/.gz variants), with its code. */
export function readChunks() {
  const files = readdirSync(assetsDir).filter((f) => f.endsWith('.js'));
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(assetsDir, f), 'utf8')]));
}

const staticImports = (code) =>
  [...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)].map(
    (m) => m[1],
  );

/** The chunks `roots` need before they run: themselves and every chunk they import statically. */
export function closure(chunks, roots) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f) || !chunks[f]) return;
    seen.add(f);
    for (const g of staticImports(chunks[f])) visit(g);
  };
  for (const r of roots) visit(r);
  return seen;
}
