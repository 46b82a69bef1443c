import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { DEMO_BRANDING, seedDemoBranding } from './branding';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('the demo organisation is named and has a logo, served signed out', async () => {
  await seedDemoBranding(t.db);
  const branding = await (await t.request('/api/branding')).json();
  expect(branding).toMatchObject({ ...DEMO_BRANDING, isCustom: true });
  const logo = await t.request(branding.logoUrl);
  expect(logo.status).toBe(200);
  expect(await sharp(Buffer.from(await logo.arrayBuffer())).metadata()).toMatchObject({
    format: 'png',
    width: 256,
  });
});
