// Gzip size of the JavaScript each page needs on a cold load: the entry chunk, the page's lazy
// chunk, and every chunk they import statically. Run after `npm run build`.
// Bytes on the wire for the first page, as the server sends them: bench/first-page-bytes.ts.
import { gzipSync } from 'node:zlib';
import { closure, readChunks } from './assets.mjs';

const code = readChunks();
const files = Object.keys(code);
const gz = Object.fromEntries(files.map((f) => [f, gzipSync(code[f]).length]));
const entry = files.find((f) => f.startsWith('index-'));
const pages = files.filter((f) => f.includes('-page-'));
const rows = [
  ['(entry only)', closure(code, [entry])],
  ...pages.map((p) => [p.replace(/-[\w-]{8}\.js$/, ''), closure(code, [entry, p])]),
];
console.log('| page | JS gzip (kB) |\n| --- | ---: |');
for (const [name, set] of rows) {
  const total = [...set].reduce((n, f) => n + gz[f], 0);
  console.log(`| ${name} | ${(total / 1000).toFixed(1)} |`);
}
