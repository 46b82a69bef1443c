import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, SCREENSHOTS, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** JSON through the page's session (same origin, so the CSRF check passes). */
const call = (page: Page, path: string, method = 'GET', body?: unknown) =>
  page.evaluate(
    async ([p, m, b]) => {
      const res = await fetch(`/api${p}`, {
        method: m,
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    },
    [path, method, body] as const,
  );

/** YYYY-MM-DD `days` from today in Tokyo. */
const tokyoDate = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

describe('offboarding checklist', () => {
  it('HR edits the templates; the leaver completes their tasks; HR sees overdue tasks and the answers', async () => {
    const hr = await newPage(browser, 'en');
    await signInAs(hr, 'hr@kizuna.example', 'en');
    const person = await newPage(browser, 'en');
    // The demo employee plays the person leaving; the case is cancelled at the end (role restored).
    await signInAs(person, 'employee@kizuna.example', 'en');
    const me = (await call(person, '/me')).body as { id: string };
    const consentsBefore = (await call(person, '/me/consents')).body as {
      textVersion: string;
      purposes: { purpose: string; granted: boolean }[];
    };

    // 1. Templates: the six defaults, add one, then remove it.
    await hr.goto('/admin/offboarding-templates');
    await hr.getByRole('heading', { level: 1, name: 'Offboarding checklist templates' }).waitFor();
    await hr.getByText('Hand over work').waitFor();
    await hr.getByLabel('Title (Japanese)').fill('入館証の返却');
    await hr.getByLabel('Title (English)').fill('Return the building pass');
    await hr.getByLabel('Due (days from the last day)').fill('');
    await hr.getByRole('button', { name: 'Add a template' }).click();
    await hr.getByText('Some fields need your attention.').waitFor();
    await hr.getByLabel('Due (days from the last day)').fill('-2');
    await hr.getByRole('button', { name: 'Add a template' }).click();
    await hr.getByText('Saved.').waitFor();
    await hr.getByText('Return the building pass').waitFor();
    await screenshot(hr, 'offboarding-templates-en');

    let caseId: string | null = null;
    try {
      // 2. HR opens a case with the last day three days away: the handover (−7) is already overdue.
      const opened = await call(hr, '/exit-cases', 'POST', {
        userId: me.id,
        lastDay: tokyoDate(3),
        timeZone: 'Asia/Tokyo',
        reasonCategory: 'career_change',
        managerId: null,
      });
      expect(opened.status).toBe(201);
      caseId = (opened.body as { id: string }).id;

      // 3. The person leaving completes their four tasks on their own page.
      await person.goto('/me/exit');
      const checklist = person.getByRole('region', { name: 'Offboarding checklist' });
      await checklist.waitFor();
      await checklist.getByText('0 of 7 done').waitFor();

      const emailTask = checklist.getByRole('listitem', { name: 'Personal email for the alumni account' });
      await emailTask.getByLabel('Personal email address').fill('employee@kizuna.example');
      await emailTask.getByRole('button', { name: 'Save the address' }).click();
      await emailTask.getByText('Enter a private address, not one on a company domain.').waitFor();
      await emailTask.getByLabel('Personal email address').fill('kenji.private@mail.example');
      await emailTask.getByRole('button', { name: 'Save the address' }).click();
      await emailTask.getByText('Done', { exact: true }).waitFor();

      const confidentiality = checklist.getByRole('listitem', { name: 'Confidentiality reminder' });
      await confidentiality.getByText(/keep confidential everything you learned/).waitFor();
      await screenshot(person, 'offboarding-checklist-leaver-en');
      await checklist.screenshot({ path: join(SCREENSHOTS, 'offboarding-checklist-section-leaver-en.png') });
      await confidentiality.getByLabel('I have read this and will comply.').check();
      await confidentiality.getByRole('button', { name: 'Confirm' }).click();
      await confidentiality.getByText('Done', { exact: true }).waitFor();

      const consents = checklist.getByRole('listitem', { name: 'Joining the alumni network and consents' });
      await consents.getByLabel('Yes, I would like to join').check();
      await consents.getByRole('switch', { name: 'List me in the member directory' }).click();
      await consents.getByLabel('I am open to returning to the company one day').check();
      await consents.getByRole('button', { name: 'Save my decision' }).click();
      await consents.getByText('Done', { exact: true }).waitFor();

      const farewell = checklist.getByRole('listitem', { name: 'Farewell message' });
      await farewell.getByLabel('Your farewell message').fill('Thank you all for five wonderful years.');
      await farewell.getByRole('button', { name: 'Save the message' }).click();
      await farewell.getByText('Done', { exact: true }).waitFor();
      await checklist.getByText('4 of 7 done').waitFor();
      await checklist.getByText('kenji.private@mail.example').waitFor();

      // 4. HR sees the case: the overdue handover highlighted, the answers, and can complete it.
      await hr.goto(`/exits/${caseId}`);
      const hrChecklist = hr.getByRole('region', { name: 'Offboarding checklist' });
      await hrChecklist.waitFor();
      const handover = hrChecklist.getByRole('listitem', { name: 'Hand over work' });
      await handover.getByText('Overdue', { exact: true }).waitFor();
      expect(await handover.getAttribute('data-overdue')).toBe('true');
      await hrChecklist.getByText('Thank you all for five wonderful years.').waitFor();
      await hrChecklist.getByText('Joins the network').waitFor();
      await hrChecklist
        .getByRole('listitem', { name: 'Confidentiality reminder' })
        .getByText('Done', { exact: true })
        .waitFor();
      await hrChecklist.scrollIntoViewIfNeeded();
      await screenshot(hr, 'offboarding-checklist-hr-en');
      await handover.getByLabel('Note (optional)').fill('Handed over to the sales team.');
      await handover.getByRole('button', { name: 'Mark as done' }).click();
      await handover.getByText('Done', { exact: true }).waitFor();
      await handover.getByText('Handed over to the sales team.').waitFor();
      await expect.poll(() => handover.getAttribute('data-overdue')).toBeNull();

      // 5. The same pages in Japanese.
      await hr.getByRole('button', { name: '日本語' }).click();
      await hr
        .getByRole('region', { name: '退職手続きチェックリスト' })
        .getByText('これまでの回答')
        .waitFor();
      await screenshot(hr, 'offboarding-checklist-hr-ja');
      await hr
        .getByRole('region', { name: '退職手続きチェックリスト' })
        .screenshot({ path: join(SCREENSHOTS, 'offboarding-checklist-section-hr-ja.png') });
      // Reload first (the page still shows the checklist as it was), then switch the language.
      await person.reload();
      await person.getByRole('button', { name: '日本語' }).click();
      await person
        .getByRole('region', { name: '退職手続きチェックリスト' })
        .getByText('5件完了', { exact: false })
        .waitFor();
      await screenshot(person, 'offboarding-checklist-leaver-ja');
      await person
        .getByRole('region', { name: '退職手続きチェックリスト' })
        .screenshot({ path: join(SCREENSHOTS, 'offboarding-checklist-section-leaver-ja.png') });
      await hr.goto('/admin/offboarding-templates');
      await hr.getByRole('heading', { level: 1, name: '退職手続きチェックリストのテンプレート' }).waitFor();
      await screenshot(hr, 'offboarding-templates-ja');
    } finally {
      if (caseId) await call(hr, `/exit-cases/${caseId}/cancel`, 'POST', {});
      // Leave the demo employee's consents as other journeys expect them.
      await call(person, '/me/consents', 'PUT', {
        textVersion: consentsBefore.textVersion,
        consents: Object.fromEntries(consentsBefore.purposes.map((p) => [p.purpose, p.granted])),
      });
      const templates = (await call(hr, '/offboarding/templates')).body as {
        items: { id: string; titleEn: string }[];
      };
      for (const t of templates.items.filter((x) => x.titleEn === 'Return the building pass')) {
        await call(hr, `/offboarding/templates/${t.id}`, 'DELETE');
      }
    }
  });
});
