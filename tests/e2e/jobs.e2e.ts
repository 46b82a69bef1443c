import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, newPage, openAdmin, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const LABELS = {
  ja: {
    adminJobs: '求人',
    newJob: '求人を作成',
    titleJa: '職種名（日本語）',
    descriptionJa: '仕事内容（日本語）',
    titleEn: '職種名（英語）',
    descriptionEn: '仕事内容（英語）',
    department: '部署',
    location: '勤務地',
    skills: 'スキル',
    closesOn: '締切日',
    alumniOnly: /アルムナイだけが見られます/,
    publish: '公開する',
    published: '公開しました。',
    jobsNav: '求人',
    fitTab: 'あなたに合う求人',
    why: '合う理由',
    about: '仕事内容',
    search: '求人を検索',
    searchSubmit: '検索',
    empty: '該当する求人はありません',
    notFound: /見つかりません|ページが見つかりません/,
  },
  en: {
    adminJobs: 'Jobs',
    newJob: 'New job',
    titleJa: 'Title (Japanese)',
    descriptionJa: 'Description (Japanese)',
    titleEn: 'Title (English)',
    descriptionEn: 'Description (English)',
    department: 'Department',
    location: 'Location',
    skills: 'Skills',
    closesOn: 'Closing date',
    alumniOnly: /Only alumni see it/,
    publish: 'Publish',
    published: 'Published.',
    jobsNav: 'Jobs',
    fitTab: 'Jobs that fit me',
    why: 'Why it fits',
    about: 'About the role',
    search: 'Search jobs',
    searchSubmit: 'Search',
    empty: 'No jobs match',
    notFound: /not found/i,
  },
} as const;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** HR writes a job for alumni in both languages through the form and publishes it. */
async function postJobForAlumni(locale: 'ja' | 'en', tag: string, skill: string) {
  const l = LABELS[locale];
  const title = locale === 'ja' ? `プロダクトマネージャー ${tag}` : `Product Manager ${tag}`;
  const hr = await newPage(browser, locale);
  await signInAs(hr, 'hr@kizuna.example', locale);
  await openAdmin(hr, l.adminJobs);
  await hr.waitForURL(/\/admin\/jobs$/);
  await hr.getByRole('link', { name: l.newJob }).click();
  await hr.waitForURL(/\/admin\/jobs\/new$/);
  await hr.getByLabel(l.titleJa).fill(`プロダクトマネージャー ${tag}`);
  await hr
    .getByLabel(l.descriptionJa)
    .fill('アルムナイ向けの募集です。\n<b>太字ではありません</b>\n【歓迎】事業開発の経験');
  await hr.getByLabel(l.titleEn).fill(`Product Manager ${tag}`);
  await hr
    .getByLabel(l.descriptionEn)
    .fill('A role for alumni.\n<b>not bold</b>\nNice to have: business development');
  await hr.getByLabel(l.department, { exact: true }).fill('デジタル戦略本部');
  await hr.getByLabel(l.location, { exact: true }).fill('東京');
  const skills = hr.getByRole('textbox', { name: l.skills, exact: true });
  await skills.fill(skill);
  await skills.press('Enter');
  await skills.fill('Product Management');
  await skills.press('Enter');
  await hr.getByLabel(l.closesOn).fill(inDays(120));
  await hr.getByRole('radio', { name: l.alumniOnly }).check();
  await screenshot(hr, `jobs-form-${locale}`);
  await hr.getByRole('button', { name: l.publish, exact: true }).click();
  await hr.waitForURL(/\/admin\/jobs$/);
  await hr.getByText(l.published).waitFor();
  await hr.getByRole('link', { name: title, exact: true }).waitFor();
  await screenshot(hr, `jobs-admin-${locale}`);
  const id = await hr.evaluate(
    async (q) =>
      ((await (await fetch(`/api/admin/jobs?q=${q}`)).json()) as { items: { id: string }[] }).items[0]?.id,
    tag,
  );
  await hr.context().close();
  expect(id).toBeTruthy();
  return id as string;
}

/** Sets the member's skills as the profile editor would (their own profile, through the API). */
async function setSkills(page: Page, skills: string[]) {
  const status = await page.evaluate(async (list) => {
    const me = (await (await fetch('/api/me')).json()) as { id: string };
    const res = await fetch(`/api/members/${me.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ skills: list }),
    });
    return res.status;
  }, skills);
  expect(status).toBe(200);
}

describe('jobs for alumni', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`HR posts a job for alumni; a new alumnus finds it in "jobs that fit me"; an employee never sees it (${locale})`, async () => {
      const l = LABELS[locale];
      const tag = `E2E${locale.toUpperCase()}${Date.now().toString(36)}`;
      const skill = `Skill${tag}`;
      const jobId = await postJobForAlumni(locale, tag, skill);
      const title = locale === 'ja' ? `プロダクトマネージャー ${tag}` : `Product Manager ${tag}`;

      // A member who did not exist before: invited as alumni, with the job's skill on their profile.
      const { page } = await newMember(browser, locale, {
        role: 'alumni',
        familyName: '佐々木',
        givenName: '遥',
        tag: `jobs-${locale}`,
      });
      await setSkills(page, [skill, 'SQL']);
      await page.getByRole('banner').getByRole('link', { name: l.jobsNav, exact: true }).click();
      await page.waitForURL(/\/jobs$/);
      await page.getByTestId('careers-nav').getByRole('link', { name: l.fitTab }).click();
      await page.waitForURL(/\/jobs\/fit$/);
      // The fit list replaces the full list once its own query answers: wait for the fit card,
      // the one that says why it fits ("Why it fits": the member's skill the job asks for).
      const card = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: title }) })
        .filter({ hasText: l.why });
      await card.waitFor();
      const text = await card.innerText();
      expect(text).toContain(l.why);
      expect(text).toContain(skill);
      await screenshot(page, `jobs-fit-${locale}`);

      await card.getByRole('link', { name: title }).click();
      await page.waitForURL(new RegExp(`/jobs/${jobId}$`));
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const description = page.getByTestId('job-description');
      // Plain text with its line breaks; markup typed by HR is shown, never interpreted.
      expect(await description.innerText()).toContain(
        locale === 'ja' ? '<b>太字ではありません</b>' : '<b>not bold</b>',
      );
      expect(await description.locator('b').count()).toBe(0);
      expect(await page.getByTestId('job-closes').innerText()).toMatch(/\d/);
      await page.getByRole('heading', { name: l.about }).waitFor();
      await screenshot(page, `job-detail-${locale}`);
      await page.context().close();

      // An employee: the alumni-only job is neither found nor opened.
      const employee = await newPage(browser, locale);
      await signInAs(employee, 'employee@kizuna.example', locale);
      await employee.goto('/jobs');
      await employee.getByLabel(l.search).fill(tag);
      await employee.getByRole('button', { name: l.searchSubmit, exact: true }).click();
      await employee.waitForURL(new RegExp(`q=${tag}`));
      await employee.getByText(l.empty).waitFor();
      expect(await employee.getByRole('link', { name: title }).count()).toBe(0);
      await screenshot(employee, `jobs-employee-search-${locale}`);
      const status = await employee.evaluate(async (id) => (await fetch(`/api/jobs/${id}`)).status, jobId);
      expect(status).toBe(404);
      await employee.goto(`/jobs/${jobId}`);
      await employee.getByRole('heading', { level: 1, name: l.notFound }).waitFor();
      await employee.context().close();
    });
  }
});
