// Gzip size of the JavaScript each page needs on a cold load: the entry chunk, the page's lazy
// chunk, and every chunk they import statically. Run after `npm run build`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = new URL('../dist/web/assets/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
const code = Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const gz = Object.fromEntries(files.map((f) => [f, gzipSync(code[f]).length]));
const staticImports = (f) =>
  [...code[f].matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)].map(
    (m) => m[1],
  );
const closure = (roots) => {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f) || !code[f]) return;
    seen.add(f);
    for (const g of staticImports(f)) visit(g);
  };
  for (const r of roots) visit(r);
  return seen;
};
const entry = files.find((f) => f.startsWith('index-'));
const pages = files.filter((f) => f.includes('-page-'));
const rows = [
  ['(entry only)', closure([entry])],
  ...pages.map((p) => [p.replace(/-[\w-]{8}\.js$/, ''), closure([entry, p])]),
];
console.log('| page | JS gzip (kB) |\n| --- | ---: |');
for (const [name, set] of rows) {
  const total = [...set].reduce((n, f) => n + gz[f], 0);
  console.log(`| ${name} | ${(total / 1000).toFixed(1)} |`);
}
