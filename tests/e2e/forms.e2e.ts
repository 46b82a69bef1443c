import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInAs } from './browser';

/**
 * Required fields are marked and checked in the browser with the server's own zod schema: an
 * empty form is rejected with per-field messages in the user's language and no request is sent.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** Every write request the page sends to `path` (method other than GET). */
function recordWrites(page: Page, path: RegExp) {
  const writes: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && path.test(new URL(request.url()).pathname)) writes.push(request.url());
  });
  return writes;
}

const TEXT = {
  ja: {
    required: '必須項目です。',
    legend: '* 印の項目は必須です。',
    join: { submit: '申請する', familyName: '姓', email: '現在のメールアドレス' },
    invite: { submit: '招待する', role: '区分', admin: '管理' },
    exit: {
      submit: 'ケースを作成',
      pickPerson: '退職するメンバーを選んでください。',
      staffHint: '人事担当者・管理者の退職は管理者が扱うため、ここには表示されません。',
    },
  },
  en: {
    required: 'Required.',
    legend: '* marks a required field.',
    join: { submit: 'Send request', familyName: 'Family name', email: 'Your email address now' },
    invite: { submit: 'Invite', role: 'Role', admin: 'Admin' },
    exit: {
      submit: 'Open the case',
      pickPerson: 'Choose the person who is leaving.',
      staffHint:
        'The exits of HR managers and administrators are handled by an administrator, so they are not listed here.',
    },
  },
} as const;

describe.each(['ja', 'en'] as const)('required fields (%s)', (locale) => {
  const text = TEXT[locale];

  it('/join: the required fields are marked, and an empty form is rejected without a request', async () => {
    const page = await newPage(browser, locale);
    const writes = recordWrites(page, /^\/api\/join-requests$/);
    await page.goto('/join');
    await page.getByText(text.legend).waitFor();
    const familyName = page.getByLabel(text.join.familyName, { exact: true });
    expect(await familyName.getAttribute('aria-required')).toBe('true');
    expect(await familyName.evaluate((el) => (el as HTMLInputElement).required)).toBe(true);
    // The visible marker sits in the label, hidden from screen readers (they hear "required").
    const label = page.locator(`label[for="${await familyName.getAttribute('id')}"]`);
    const mark = label.locator('xpath=following-sibling::*[@data-required-mark]');
    expect(await mark.getAttribute('aria-hidden')).toBe('true');
    expect(await mark.isVisible()).toBe(true);

    await page.getByRole('button', { name: text.join.submit }).click();
    await expect.poll(() => page.getByText(text.required).count()).toBeGreaterThanOrEqual(2);
    expect(await familyName.getAttribute('aria-invalid')).toBe('true');
    const email = page.getByLabel(text.join.email, { exact: true });
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(writes).toEqual([]);
    await screenshot(page, `forms-join-required-${locale}`);
    await page.context().close();
  });

  it('HR invite form: only member roles are offered, and an empty form is rejected without a request', async () => {
    const page = await newPage(browser, locale);
    await signInAs(page, 'hr@kizuna.example', locale);
    const writes = recordWrites(page, /^\/api\/invitations$/);
    await page.goto('/admin/members');
    const role = page.getByLabel(text.invite.role, { exact: true });
    await role.waitFor();
    const offered = await role
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(['alumni', 'employee', 'leaver']);
    await page.getByRole('button', { name: text.invite.submit, exact: true }).click();
    await expect.poll(() => page.getByText(text.required).count()).toBeGreaterThanOrEqual(2);
    expect(writes).toEqual([]);
    await page.context().close();
  });

  it('HR exit-case form: says who handles staff exits, and an empty form is rejected without a request', async () => {
    const page = await newPage(browser, locale);
    await signInAs(page, 'hr@kizuna.example', locale);
    const writes = recordWrites(page, /^\/api\/exit-cases$/);
    await page.goto('/admin/exits');
    await page.getByText(text.exit.staffHint).waitFor();
    await page.getByRole('button', { name: text.exit.submit, exact: true }).click();
    await page.getByText(text.exit.pickPerson).waitFor();
    // The person, the last day and the reason are required by the schema: said without a round trip.
    await expect.poll(() => page.locator('form [aria-invalid="true"]').count()).toBe(3);
    expect(writes).toEqual([]);
    await screenshot(page, `forms-exit-case-required-${locale}`);
    await page.context().close();
  });
});

describe('an administrator', () => {
  it('is offered every role in the invite form', async () => {
    const page = await newPage(browser, 'en');
    await signInAs(page, 'admin@kizuna.example', 'en');
    await page.goto('/admin/members');
    const role = page.getByLabel('Role', { exact: true });
    await role.waitFor();
    const offered = await role
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(['alumni', 'employee', 'leaver', 'alumni_manager', 'admin']);
    await page.context().close();
  });
});
