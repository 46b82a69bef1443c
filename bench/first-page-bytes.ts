/**
 * Bytes on the wire for the first page (decision 026): index.html, the JS and CSS it loads (its
 * script, modulepreloads and stylesheet, and every chunk they import statically), the Japanese
 * catalogue chunk and the sign-in page's chunk (where a signed-out visitor lands), requested from
 * the real server (`createApp` with the build as its web root) once per Accept-Encoding:
 * none — what every client got before decision 026 (assets were served identity whatever the
 * client accepted) —, gzip, and brotli. Counts response bodies (headers excluded). Run after
 * `npm run build`:
 *
 *   npx tsx bench/first-page-bytes.ts [--no-write]
 *
 * Writes its table into bench/RESULTS.md between the `bench:first-page` markers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createTestApp } from '#tests/setup';
import { closure, readChunks, webRoot } from './assets.mjs';
import { benchMain, revision, writeResultsBlock } from './harness';

const ENCODINGS = [
  ['none (before)', undefined],
  ['gzip', 'gzip, deflate'],
  ['br', 'gzip, deflate, br, zstd'],
] as const;

async function main() {
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error('No build: run `npm run build` first.');
  const t = await createTestApp({ webRoot });
  try {
    const index = readFileSync(join(webRoot, 'index.html'), 'utf8');
    const chunks = readChunks();
    const linked = [...index.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1] as string);
    const js = closure(
      chunks,
      linked.filter((f) => f.endsWith('.js')),
    );
    const css = linked.filter((f) => f.endsWith('.css'));
    const chunkNamed = (prefix: string) => {
      const name = Object.keys(chunks).find((f) => f.startsWith(prefix));
      if (!name) throw new Error(`No ${prefix}*.js chunk in the build`);
      return name;
    };
    const catalogue = chunkNamed('ja-');
    const login = closure(chunks, [chunkNamed('login-page-')]);
    const rows: { what: string; path: string; group: 'first' | 'login' }[] = [
      { what: 'index.html', path: '/', group: 'first' },
      ...[...js].map((f) => ({ what: f, path: `/assets/${f}`, group: 'first' as const })),
      ...css.map((f) => ({ what: f, path: `/assets/${f}`, group: 'first' as const })),
      { what: `${catalogue} (ja catalogue)`, path: `/assets/${catalogue}`, group: 'first' },
      ...[...login]
        .filter((f) => !js.has(f))
        .map((f) => ({ what: `${f} (sign-in page)`, path: `/assets/${f}`, group: 'login' as const })),
    ];
    const sizes: number[][] = [];
    for (const row of rows) {
      const line: number[] = [];
      for (const [, accept] of ENCODINGS) {
        const res = await t.app.request(`http://localhost:3000${row.path}`, {
          headers: accept ? { 'accept-encoding': accept } : {},
        });
        if (res.status !== 200) throw new Error(`${row.path}: ${res.status}`);
        line.push((await res.arrayBuffer()).byteLength);
      }
      sizes.push(line);
    }
    const kb = (n: number) => (n / 1000).toFixed(1);
    const total = (group?: 'first') =>
      ENCODINGS.map((_, i) =>
        rows.reduce((n, row, r) => n + (group && row.group !== group ? 0 : (sizes[r]?.[i] ?? 0)), 0),
      );
    const first = total('first');
    const all = total();
    const pct = (n: number, of: number) => `${Math.round((100 * n) / of)} %`;
    const machine = `${cpus().length}× ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const lines = [
      `Run: ${new Date().toISOString().slice(0, 10)} · code ${revision()} · ${machine} · response bodies in kB (1 kB = 1,000 bytes), headers excluded.`,
      '',
      `| file | ${ENCODINGS.map(([name]) => name).join(' | ')} |`,
      `| --- | ${ENCODINGS.map(() => '---:').join(' | ')} |`,
      ...rows.map((row, r) => `| ${row.what} | ${(sizes[r] ?? []).map(kb).join(' | ')} |`),
      `| **first page** (index.html + its JS/CSS + ja catalogue) | ${first.map((n, i) => `**${kb(n)}**${i ? ` (${pct(n, first[0] ?? 1)})` : ''}`).join(' | ')} |`,
      `| **with the sign-in page** | ${all.map((n, i) => `**${kb(n)}**${i ? ` (${pct(n, all[0] ?? 1)})` : ''}`).join(' | ')} |`,
    ];
    const markdown = lines.join('\n');
    process.stdout.write(`${markdown}\n`);
    if (!process.argv.includes('--no-write')) {
      writeResultsBlock({
        marker: 'bench:first-page',
        heading: '## First page: bytes on the wire',
        markdown,
      });
    }
  } finally {
    await t.close();
  }
}

benchMain(main);
