import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './http';

/** How the bytes of an answer travel (decision 026). Only the two every browser speaks. */
export type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** Below this, compressing costs more (CPU, framing) than it saves. */
export const COMPRESS_MIN_BYTES = 1024;

const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.txt',
  '.map',
  '.webmanifest',
]);
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/**
 * The best encoding among `available` that an `Accept-Encoding` header allows: brotli before gzip
 * at equal weight, `;q=0` refuses, `*` stands for any encoding not named. Null means identity.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[] = ['br', 'gzip'],
): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (name) weights.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) ? weight : 0);
  }
  let best: Encoding | null = null;
  let bestWeight = 0;
  for (const encoding of available) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

/** Brotli at its densest and gzip at level 9: built once, served for a year. */
export function compressForBuild(data: Buffer): Record<Encoding, Buffer> {
  return {
    br: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gzip: gzipSync(data, { level: 9 }),
  };
}

/**
 * Writes `file.br` and `file.gz` beside every compressible file of at least COMPRESS_MIN_BYTES
 * under `dir` (the Vite build output); a variant that is not smaller is not written.
 * Returns the files it compressed.
 */
export function precompressDirectory(dir: string): string[] {
  const done: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry);
    if (!COMPRESSIBLE.has(extname(path)) || !statSync(path).isFile()) continue;
    const data = readFileSync(path);
    if (data.length < COMPRESS_MIN_BYTES) continue;
    const variants = compressForBuild(data);
    for (const encoding of Object.keys(variants) as Encoding[]) {
      if (variants[encoding].length < data.length) writeFileSync(path + SUFFIX[encoding], variants[encoding]);
    }
    done.push(entry);
  }
  return done;
}

/** One file of the build with its precompressed variants, held in memory. */
export interface StaticFile {
  type: string;
  identity: Buffer;
  variants: Partial<Record<Encoding, Buffer>>;
}

/** Reads a built file and the `.br` / `.gz` written beside it by precompressDirectory. */
export function loadStaticFile(path: string): StaticFile {
  const variants: Partial<Record<Encoding, Buffer>> = {};
  for (const encoding of Object.keys(SUFFIX) as Encoding[]) {
    try {
      variants[encoding] = readFileSync(path + SUFFIX[encoding]);
    } catch {
      // Not precompressed (small, or not compressible): served as it is.
    }
  }
  return { type: TYPES[extname(path)] ?? 'application/octet-stream', identity: readFileSync(path), variants };
}

/** Loads every file of a build folder (not the variants themselves), keyed by relative path. */
export function loadStaticFolder(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry);
    if (entry.endsWith('.br') || entry.endsWith('.gz') || !statSync(path).isFile()) continue;
    files.set(entry.split('\\').join('/'), loadStaticFile(path));
  }
  return files;
}

/** Answers with the variant the client accepts; `Vary` on every compressible answer. */
export function sendStaticFile(c: Context<AppEnv>, file: StaticFile, cacheControl: string) {
  const available = (Object.keys(file.variants) as Encoding[]).filter((e) => file.variants[e]);
  const encoding = chooseEncoding(c.req.header('accept-encoding'), available);
  const headers: Record<string, string> = { 'content-type': file.type, 'cache-control': cacheControl };
  if (available.length > 0) headers.vary = 'Accept-Encoding';
  if (encoding) headers['content-encoding'] = encoding;
  const body = encoding ? (file.variants[encoding] as Buffer) : file.identity;
  headers['content-length'] = String(body.length);
  return c.body(new Uint8Array(body), 200, headers);
}

/**
 * Compresses JSON answers of at least COMPRESS_MIN_BYTES when the client accepts it: brotli at a
 * quality fast enough for every request (5), else gzip. Streams and other types pass untouched.
 */
export const compressJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const type = c.res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json') || c.res.headers.has('content-encoding') || !c.res.body) return;
  c.res.headers.append('vary', 'Accept-Encoding');
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  if (!encoding) return;
  const data = Buffer.from(await c.res.clone().arrayBuffer());
  if (data.length < COMPRESS_MIN_BYTES) return;
  const body =
    encoding === 'br'
      ? brotliCompressSync(data, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
        })
      : gzipSync(data, { level: 6 });
  // Hono copies the old answer's headers onto the new one, except its content type: drop the old
  // length first, carry the type over.
  c.res.headers.delete('content-length');
  c.res = new Response(new Uint8Array(body), {
    status: c.res.status,
    headers: { 'content-type': type, 'content-encoding': encoding, 'content-length': String(body.length) },
  });
};

/**
 * Personal data must not stay in a browser's or a proxy's cache: every API answer is `no-store`
 * unless its handler chose a policy itself (the public API docs assets do).
 */
export const noStoreByDefault: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
};
