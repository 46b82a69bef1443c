#!/usr/bin/env node
// The layering rules of docs/architecture.md, checked over the import graph (part of `npm run lint`).
//
// Fails on:
//   - web → server, common → server or web, server/lib → server/features, server/db → server/features,
//     and server/db, server/lib or server/features → server/demo (demo data is the top layer);
//   - anything outside tests/ → tests/ (bench/ and the test files themselves may use the factories);
//   - a cycle between feature folders (server/features/<a> → … → server/features/<a>, same for web).
//
// `node scripts/check-imports.mjs --stats` prints the counts without failing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const roots = ['common', 'server', 'web', 'tests', 'bench', 'scripts'];
const sourceExt = /\.(ts|tsx|mts|mjs|js)$/;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const aliases = Object.entries(pkg.imports ?? {}).map(([from, to]) => [
  from.replace(/\*$/, ''),
  String(to).replace(/^\.\//, '').replace(/\*$/, ''),
]);

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(join(root, dir))) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) walk(path);
    else if (sourceExt.test(name)) files.push(path);
  }
};
for (const dir of roots) walk(dir);
const known = new Set(files);

const candidates = (base) => {
  const bare = base.replace(/\.(js|mjs|ts|tsx)$/, '');
  return [base, `${bare}.ts`, `${bare}.tsx`, `${bare}.mjs`, `${bare}/index.ts`, `${bare}/index.tsx`];
};
const resolveSpecifier = (from, spec) => {
  let base;
  if (spec.startsWith('.')) base = join(dirname(from), spec);
  else {
    const alias = aliases.find(([prefix]) => spec.startsWith(prefix));
    if (!alias) return undefined; // a package
    base = alias[1] + spec.slice(alias[0].length);
  }
  return candidates(base).find((candidate) => known.has(candidate));
};

const importPattern =
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
const edges = [];
for (const file of files) {
  const text = readFileSync(join(root, file), 'utf8');
  for (const match of text.matchAll(importPattern)) {
    const spec = match[1] ?? match[2] ?? match[3];
    const target = resolveSpecifier(file, spec);
    if (target) edges.push([file, target]);
  }
}

const isTestFile = (f) => /\.(test|e2e)\.tsx?$/.test(f) || f.startsWith('tests/');
const layer = (f) => {
  if (f.startsWith('server/features/')) return 'server/features';
  if (f.startsWith('server/lib/')) return 'server/lib';
  if (f.startsWith('server/db/')) return 'server/db';
  if (f.startsWith('server/demo/')) return 'server/demo';
  return f.split('/')[0];
};
const rules = [
  ['web → server', (a, b) => layer(a) === 'web' && b.startsWith('server/')],
  ['common → server or web', (a, b) => layer(a) === 'common' && !isTestFile(a) && /^(server|web)\//.test(b)],
  [
    'server/lib → server/features',
    (a, b) => layer(a) === 'server/lib' && !isTestFile(a) && layer(b) === 'server/features',
  ],
  [
    'server/db → server/features',
    (a, b) => layer(a) === 'server/db' && !isTestFile(a) && layer(b) === 'server/features',
  ],
  [
    'server/db → server/demo',
    (a, b) => layer(a) === 'server/db' && !isTestFile(a) && layer(b) === 'server/demo',
  ],
  ['product code → tests', (a, b) => !isTestFile(a) && !a.startsWith('bench/') && b.startsWith('tests/')],
];
const forbidden = [];
for (const [a, b] of edges) {
  for (const [name, broken] of rules) if (broken(a, b)) forbidden.push(`${name}: ${a} → ${b}`);
}

// Cycles between feature folders: strongly connected components of the folder graph.
const featureOf = (f) => f.match(/^((?:server|web)\/features\/[^/]+)\//)?.[1];
const folderEdges = new Map();
for (const [a, b] of edges) {
  if (isTestFile(a)) continue;
  const from = featureOf(a);
  const to = featureOf(b);
  if (!from || !to || from === to) continue;
  if (!folderEdges.has(from)) folderEdges.set(from, new Map());
  const examples = folderEdges.get(from);
  if (!examples.has(to)) examples.set(to, `${a} → ${b}`);
}
const components = [];
{
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const strongConnect = (v) => {
    indices.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of folderEdges.get(v)?.keys() ?? []) {
      if (!indices.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
    }
    if (low.get(v) === indices.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of folderEdges.keys()) if (!indices.has(v)) strongConnect(v);
}
const cycles = components.map((component) => {
  const inside = new Set(component);
  const arrows = component.flatMap((from) =>
    [...(folderEdges.get(from) ?? new Map())].filter(([to]) => inside.has(to)).map(([, example]) => example),
  );
  return `cycle between ${component.join(', ')}:\n      ${arrows.join('\n      ')}`;
});

const stats = process.argv.includes('--stats');
console.log(
  `import graph: ${files.length} files, ${edges.length} imports, ${forbidden.length} forbidden arrows, ${components.length} cycles between feature folders`,
);
for (const line of [...forbidden, ...cycles]) console.log(`  ${line}`);
if (!stats && (forbidden.length > 0 || components.length > 0)) {
  console.error('The layering rules are in docs/architecture.md.');
  process.exit(1);
}
