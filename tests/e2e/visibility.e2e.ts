import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('a field marked employees-only', () => {
  it('is shown to HR but never to an alumnus', async () => {
    const note = `Employees-only note ${Date.now()}`;
    const employee = await newPage(browser, 'en');
    await signInAs(employee, 'employee@kizuna.example', 'en');
    const me = await employee.evaluate(async () => (await fetch('/api/me')).json());
    await employee.goto(`/members/${me.id}/edit`);
    await employee.getByLabel('About', { exact: true }).fill(note);
    await employee.getByLabel('Visibility: About').selectOption('employees');
    await employee.getByRole('button', { name: 'Save' }).click();
    await employee.waitForURL(/\/members\/[^/]+$/);
    await expect.poll(() => employee.locator('main').innerText()).toContain(note);
    await employee.context().close();

    const alumni = await newPage(browser, 'en');
    await signInAs(alumni, 'alumni@kizuna.example', 'en');
    await alumni.goto(`/members/${me.id}`);
    await expect
      .poll(() => alumni.getByRole('heading', { level: 1 }).innerText())
      .toContain(me.displayName.split(' ')[0]);
    expect(await alumni.locator('main').innerText()).not.toContain(note);
    const asJson = await alumni.evaluate(async (id) => (await fetch(`/api/members/${id}`)).json(), me.id);
    expect(asJson).not.toHaveProperty('bio');
    await screenshot(alumni, 'profile-as-alumni-en');
    await alumni.context().close();

    const hr = await newPage(browser, 'ja');
    await signInAs(hr, 'hr@kizuna.example', 'ja');
    await hr.goto(`/members/${me.id}`);
    await expect.poll(() => hr.locator('main').innerText()).toContain(note);
    await screenshot(hr, 'profile-as-hr-ja');
    await hr.context().close();
  });
});
