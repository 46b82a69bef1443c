import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES } from '#common/branding';
import { referralConsentMail } from '#server/features/referrals/referral-mail';
import { mailByIds, queueMail } from '#server/lib/outbox';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
let t: TestApp;
let admin: { cookie: string };
let hr: { cookie: string };
let alumnus: { cookie: string };
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t, { role: 'admin' });
  hr = await signedIn(t, { role: 'alumni_manager' });
  alumnus = await signedIn(t, { role: 'alumni' });
});
afterAll(() => t.close());

const NAMES = { nameJa: '株式会社絆デモ', nameEn: 'Kizuna Demo Inc.' };
const putNames = (json: unknown, cookie?: string, locale = 'en') =>
  t.request('/api/branding', { method: 'PUT', json, cookie, headers: { 'accept-language': locale } });
/** As a browser sends it: the raw file with its type and length (the CSRF check reads both). */
const putLogo = (body: Uint8Array | string, type: string, cookie?: string) => {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return t.request('/api/branding/logo', {
    method: 'PUT',
    body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
    cookie,
    headers: { 'content-type': type, 'content-length': String(bytes.length), 'accept-language': 'en' },
  });
};
/** A real photo-like JPEG, larger than the stored logo, with EXIF that must not survive. */
const jpeg = () =>
  sharp({ create: { width: 1200, height: 600, channels: 3, background: '#1e3a8a' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'secret-exif-marker' } })
    .toBuffer();
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';

describe('GET /api/branding (public)', () => {
  it('answers signed out, with the product name until an admin sets one, and no logo', async () => {
    const res = await t.request('/api/branding');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ nameJa: 'Kizuna', nameEn: 'Kizuna', isCustom: false, logoUrl: null });
    expect((await t.request('/api/branding/logo.png')).status).toBe(404);
  });
});

describe('PUT /api/branding (admins)', () => {
  it('401 signed out; 404 for HR and alumni, even with a bad body (authorized before validated)', async () => {
    expect((await putNames(NAMES)).status).toBe(401);
    for (const who of [hr, alumnus]) {
      expect((await putNames(NAMES, who.cookie)).status).toBe(404);
      expect((await putNames({ nameJa: 1 }, who.cookie)).status).toBe(404);
    }
    expect((await (await t.request('/api/branding')).json()).isCustom).toBe(false);
  });

  it('400 with per-field messages: empty, too long, unknown keys', async () => {
    const res = await putNames({ nameJa: ' ', nameEn: 'x'.repeat(81) }, admin.cookie, 'ja');
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.fields.nameJa).toEqual(['必須項目です。']);
    expect(error.fields.nameEn).toEqual(['80文字以内で入力してください。']);
    const extra = await putNames({ ...NAMES, logo: 'x' }, admin.cookie);
    expect(extra.status).toBe(400);
  });

  it('saves the names (trimmed) and anyone sees them', async () => {
    const res = await putNames({ nameJa: ' 株式会社絆デモ ', nameEn: NAMES.nameEn }, admin.cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ...NAMES, isCustom: true });
    expect(await (await t.request('/api/branding')).json()).toMatchObject({ ...NAMES, isCustom: true });
  });
});

describe('PUT /api/branding/logo (admins)', () => {
  it('401 signed out; 404 for HR', async () => {
    const image = await jpeg();
    expect((await putLogo(image, 'image/jpeg')).status).toBe(401);
    expect((await putLogo(image, 'image/jpeg', hr.cookie)).status).toBe(404);
  });

  it('400 for something that is not an image, an SVG, a GIF, a broken PNG and a file over 1 MB', async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .gif()
      .toBuffer();
    const broken = (
      await sharp({ create: { width: 40, height: 40, channels: 3, background: '#fff' } })
        .png()
        .toBuffer()
    ).subarray(0, 60);
    const cases: [Uint8Array | string, string, string][] = [
      ['hello, not an image', 'image/png', 'Choose a PNG, JPEG or WebP image (SVG is not accepted).'],
      [SVG, 'image/png', 'Choose a PNG, JPEG or WebP image (SVG is not accepted).'],
      [SVG, 'image/jpeg', 'Choose a PNG, JPEG or WebP image (SVG is not accepted).'],
      [gif, 'image/png', 'Choose a PNG, JPEG or WebP image (SVG is not accepted).'],
      [broken, 'image/png', 'This image could not be read. Please choose another file.'],
      [new Uint8Array(LOGO_MAX_BYTES + 1), 'image/png', 'The image must be at most 1 MB.'],
    ];
    for (const [body, type, message] of cases) {
      const res = await putLogo(body, type, admin.cookie);
      expect(res.status, type).toBe(400);
      expect((await res.json()).error.fields.logo).toEqual([message]);
    }
    // Declared as SVG or GIF — or as a type a cross-site form can send (CSRF: a real PNG as
    // text/plain or multipart) — the body is refused before anything reads it.
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    for (const [body, type] of [
      [SVG, 'image/svg+xml'],
      [gif, 'image/gif'],
      [png, 'text/plain'],
      [png, 'multipart/form-data; boundary=x'],
    ] as const) {
      expect((await putLogo(body, type, admin.cookie)).status, type).toBe(400);
    }
    expect((await (await t.request('/api/branding')).json()).logoUrl).toBeNull();
  });

  it('stores a bounded PNG without metadata and serves it signed out with an ETag', async () => {
    const res = await putLogo(await jpeg(), 'image/jpeg', admin.cookie);
    expect(res.status).toBe(200);
    const { logoUrl } = await res.json();
    expect(logoUrl).toMatch(/^\/api\/branding\/logo\.png\?v=[\w-]+$/);

    const served = await t.request(logoUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toContain('immutable');
    const bytes = Buffer.from(await served.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 512, height: 256 });
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes('secret-exif-marker')).toBe(false);

    const bare = await t.request('/api/branding/logo.png');
    expect(bare.headers.get('cache-control')).toBe('public, no-cache');
    const etag = bare.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await t.request('/api/branding/logo.png', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('removes the logo (admins only)', async () => {
    expect((await t.request('/api/branding/logo', { method: 'DELETE', cookie: hr.cookie })).status).toBe(404);
    const res = await t.request('/api/branding/logo', { method: 'DELETE', cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).logoUrl).toBeNull();
    expect((await t.request('/api/branding/logo.png')).status).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('documents the branding endpoints, the logo as an image body', async () => {
    const doc = await (await t.request('/api/openapi.json', { cookie: admin.cookie })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/branding', '/api/branding/logo', '/api/branding/logo.png']),
    );
    expect(Object.keys(doc.paths['/api/branding/logo'].put.requestBody.content)).toEqual([
      'image/png',
      'image/jpeg',
      'image/webp',
    ]);
  });
});

describe('mail names the organisation in the recipient language', () => {
  const consent = (locale: 'ja' | 'en') =>
    referralConsentMail({
      to: `cand-${locale}@example.com`,
      locale,
      candidateName: locale === 'ja' ? '山田 花子' : 'Hanako Yamada',
      referrerName: '佐藤 健太',
      job: { titleJa: 'データアナリスト', titleEn: 'Data analyst' },
      reason: '一緒に働いていました',
      url: 'http://localhost:3000/referral-consent#token',
      expiresAt: new Date('2026-12-08T03:00:00Z'),
      referralId: `ref-${locale}`,
    });

  it('the referral consent email carries the company name in the subject and the signature', async () => {
    await putNames(NAMES, admin.cookie);
    const [ja, en] = await mailByIds(t.db, await queueMail(t.db, [consent('ja'), consent('en')]));
    const byLocale = {
      ja: [ja, en].find((m) => m?.locale === 'ja'),
      en: [ja, en].find((m) => m?.locale === 'en'),
    };
    expect(byLocale.ja?.subject).toMatch(/^【株式会社絆デモ】佐藤 健太さんからのご紹介について/);
    expect(byLocale.ja?.text).toMatch(/\n--\n株式会社絆デモ\nアルムナイネットワーク「Kizuna」\n$/);
    expect(byLocale.ja?.text).not.toContain('Kizuna Demo Inc.');
    expect(byLocale.en?.subject).toMatch(/^\[Kizuna Demo Inc\.\] /);
    expect(byLocale.en?.text).toMatch(/\n--\nKizuna Demo Inc\.\nKizuna, our alumni network\n$/);
  });

  it('an invitation sent by HR carries it too, as delivered', async () => {
    await putNames(NAMES, admin.cookie);
    const res = await t.request('/api/invitations', {
      method: 'POST',
      cookie: hr.cookie,
      json: {
        email: 'brand-invitee@example.com',
        role: 'alumni',
        familyName: '佐藤',
        givenName: '健太',
        familyNameKana: 'さとう',
        givenNameKana: 'けんた',
        locale: 'ja',
      },
    });
    expect(res.status).toBe(201);
    await t.queue.drain();
    const mail = t.mailer.sent.find((m) => m.to === 'brand-invitee@example.com');
    expect(mail?.subject).toBe('【株式会社絆デモ】Kizuna アルムナイネットワークへのご招待');
    expect(mail?.text).toContain('\n--\n株式会社絆デモ\n');
  });
});
