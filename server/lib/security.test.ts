import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import type { AppEnv } from './http';
import { originCheck } from './security';

/** The CSRF defence (decision 003): which state-changing requests pass the origin check. */
const ours = 'https://kizuna.example';
const app = new Hono<AppEnv>();
app.use('*', originCheck([ours]));
app.put('/upload', (c) => c.text('ok'));
app.onError((error, c) =>
  c.text(
    error instanceof AppError ? error.code : 'other',
    error instanceof AppError && error.code === 'forbidden_origin' ? 403 : 400,
  ),
);

/** A multipart upload as a browser sends it: the encoded form with its length. */
async function upload(headers: Record<string, string>) {
  const form = new FormData();
  form.append('file', new File([new Uint8Array([1, 2, 3])], 'a.png', { type: 'image/png' }));
  const encoded = new Request('https://kizuna.example/upload', { method: 'PUT', body: form });
  const body = await encoded.arrayBuffer();
  return app.request('/upload', {
    method: 'PUT',
    body,
    headers: {
      'content-type': encoded.headers.get('content-type') ?? '',
      'content-length': String(body.byteLength),
      ...headers,
    },
  });
}

describe('origin check', () => {
  it('accepts a file upload (multipart) from our own page: a trusted Origin or Sec-Fetch-Site same-origin', async () => {
    expect((await upload({ origin: ours })).status).toBe(200);
    expect((await upload({ 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('refuses multipart without proof of origin (an old browser’s cross-site form), and from another site', async () => {
    const bare = await upload({});
    expect(bare.status).toBe(400);
    expect(await bare.text()).toBe('bad_request');
    expect((await upload({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('still refuses a form-encoded or plain-text body from our own origin (JSON only for data)', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const res = await app.request('/upload', {
        method: 'PUT',
        body: 'a=1',
        headers: { origin: ours, 'content-type': type, 'content-length': '3' },
      });
      expect(res.status).toBe(400);
    }
  });
});
