import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMember, signedIn } from '#tests/factories';
import { createTestApp, type TestApp } from '#tests/setup';
import { chooseEncoding, precompressDirectory } from './transfer';

// A stand-in for dist/web: an index page and a hashed chunk, precompressed as the build does.
const webRoot = mkdtempSync(join(tmpdir(), 'kizuna-web-'));
const CHUNK = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `word-${i}`))};\n`;
const CHUNK_PATH = '/assets/index-Ab12Cd34.js';
mkdirSync(join(webRoot, 'assets'));
writeFileSync(
  join(webRoot, 'index.html'),
  `<!doctype html><html><body>${'<p>ようこそ</p>'.repeat(200)}</body></html>`,
);
writeFileSync(join(webRoot, CHUNK_PATH), CHUNK);
precompressDirectory(webRoot);

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp({ webRoot });
  ({ cookie } = await signedIn(t, { role: 'admin' }));
  // Enough listed members for a directory page well over the compression threshold.
  for (let i = 0; i < 8; i++) await createTestMember(t, { canSignIn: false });
});
afterAll(async () => {
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('security headers', () => {
  it('sends the CSP with base-uri and form-action, and a Permissions-Policy, on pages and API answers', async () => {
    for (const path of ['/', '/directory', '/api/health', '/api/me']) {
      const res = await t.request(path, { cookie });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("base-uri 'none'");
      expect(csp, path).toContain("form-action 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      const permissions = res.headers.get('permissions-policy') ?? '';
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) {
        expect(permissions, path).toContain(feature);
      }
    }
  });

  it("allows the camera to the check-in page's document only, of this origin", async () => {
    const checkIn = await t.request('/events/abc/check-in', { cookie });
    const policy = checkIn.headers.get('permissions-policy') ?? '';
    expect(policy).toContain('camera=(self)');
    expect(policy).toContain('microphone=()');
    for (const path of ['/events/abc', '/events/abc/check-in/x', '/api/events/abc/check-in']) {
      expect((await t.request(path, { cookie })).headers.get('permissions-policy'), path).toContain('camera=()');
    }
  });

  it('marks API answers holding personal data no-store, errors too, and the page no-cache', async () => {
    expect((await t.request('/api/me', { cookie })).headers.get('cache-control')).toBe('no-store');
    expect((await t.request('/api/directory', { cookie })).headers.get('cache-control')).toBe('no-store');
    expect((await t.request('/api/me')).headers.get('cache-control')).toBe('no-store');
    const docsAsset = await t.request('/api/docs/assets/swagger-ui.css', { cookie });
    expect(docsAsset.headers.get('cache-control')).toBe('max-age=86400');
    expect((await t.request('/members/x')).headers.get('cache-control')).toBe('no-cache');
  });
});

describe('precompressed assets', () => {
  it('sends a hashed asset brotli-encoded when accepted, decoding to the original, cached immutable', async () => {
    const res = await t.request(CHUNK_PATH, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toContain('text/javascript');
    const body = await bytes(res);
    expect(body.length).toBeLessThan(CHUNK.length / 3);
    expect(brotliDecompressSync(body).toString()).toBe(CHUNK);
  });

  it('sends gzip to a client without brotli, identity to one that accepts neither', async () => {
    const gz = await t.request(CHUNK_PATH, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(CHUNK);
    const refused = await t.request(CHUNK_PATH, { headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect(await refused.text()).toBe(CHUNK);
    const plain = await t.request(CHUNK_PATH);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(CHUNK);
  });

  it('compresses the page itself, and still answers 404 for a missing hashed asset', async () => {
    const page = await t.request('/', { headers: { 'accept-encoding': 'br' } });
    expect(page.headers.get('content-encoding')).toBe('br');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(brotliDecompressSync(await bytes(page)).toString()).toContain('ようこそ');
    expect((await t.request('/assets/index-Zz99Zz99.js')).status).toBe(404);
    expect((await t.request(`${CHUNK_PATH}.br`)).status).toBe(404);
  });
});

describe('JSON compression', () => {
  it('compresses a large JSON answer for a client that accepts it, not a small one', async () => {
    const plain = await t.request('/api/directory', { cookie });
    const original = await plain.text();
    expect(original.length).toBeGreaterThan(1024);
    const br = await t.request('/api/directory', { cookie, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('no-store');
    expect(br.headers.get('content-type')).toBe(plain.headers.get('content-type'));
    expect(brotliDecompressSync(await bytes(br)).toString()).toBe(original);
    const gz = await t.request('/api/directory', { cookie, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(original);
    const small = await t.request('/api/health', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ status: 'ok' });
  });
});

describe('chooseEncoding', () => {
  it('prefers brotli, honours q-values and the wildcard', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip;q=1, br;q=0.5')).toBe('gzip');
    expect(chooseEncoding('br;q=0, *')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('BR')).toBe('br');
  });
});
