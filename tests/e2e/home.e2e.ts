import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const PHONE = { width: 390, height: 844 };

const LABELS = {
  ja: {
    checklist: 'はじめにやること',
    progress: '5件中3件完了',
    groupItem: 'はじめてのグループに参加する',
    profileItem: 'プロフィールを充実させる（自己紹介・スキル・現在の仕事）',
    dismiss: 'このリストを閉じる',
    jobsFit: 'あなたに合う求人',
    figures: '対応が必要なこと',
    joinRequests: /参加申請（承認待ち）/,
    reports: /確認待ちの通報/,
    activity: '最近の動き',
    jobsNav: '求人',
    careersTab: 'キャリアの行き先',
    careersTitle: 'この道の先',
    employer: '株式会社ミライテック',
    count: /^\d+人$/,
    people: '話を聞ける人',
    story: 'エンジニアからプロダクトマネージャーへ',
    notFound: /見つかりません/,
  },
  en: {
    checklist: 'Getting started',
    progress: '3 of 5 done',
    groupItem: 'Join your first group',
    profileItem: 'Complete your profile (bio, skills, current position)',
    dismiss: 'Hide this list',
    jobsFit: 'Jobs that fit you',
    figures: 'Needs your attention',
    joinRequests: /Join requests waiting/,
    reports: /Reports to review/,
    activity: 'Latest activity',
    jobsNav: 'Jobs',
    careersTab: 'Career paths',
    careersTitle: 'Where the road leads',
    employer: '株式会社ミライテック',
    count: /^\d+ people$/,
    people: 'People you can reach',
    story: 'From platform team to SRE at a global cloud company',
    notFound: /not found/i,
  },
} as const;

describe('the home page, alive, and where the road leads', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`an alumnus sees the checklist, HR the figures, an employee /careers/paths (${locale})`, async () => {
      const l = LABELS[locale];

      // An alumnus on a phone: the getting-started checklist, ticked from her real data.
      const alumna = await newPage(browser, locale, PHONE);
      await signInAs(alumna, 'alumni@kizuna.example', locale);
      const checklist = alumna.getByRole('region', { name: l.checklist });
      await checklist.waitFor();
      await expect.poll(() => checklist.getByText(l.progress).count()).toBe(1);
      // Done items are struck through text; open ones are links to where they are done.
      expect(await checklist.getByRole('link', { name: l.groupItem }).count()).toBe(1);
      expect(await checklist.getByRole('link', { name: l.profileItem }).count()).toBe(0);
      await alumna.getByRole('heading', { name: l.jobsFit }).waitFor();
      await screenshot(alumna, `home-alumni-phone-${locale}`);
      // Closing the list is remembered; reopened afterwards for the next run.
      await checklist.getByRole('button', { name: l.dismiss }).click();
      await expect.poll(() => alumna.getByRole('region', { name: l.checklist }).count()).toBe(0);
      await alumna.reload();
      await alumna.getByRole('heading', { name: l.jobsFit }).waitFor();
      expect(await alumna.getByRole('region', { name: l.checklist }).count()).toBe(0);
      const reopened = await alumna.evaluate(async () => {
        const res = await fetch('/api/home/checklist', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ dismissed: false }),
        });
        return res.status;
      });
      expect(reopened).toBe(200);
      // The road is for people still inside: an alumnus finds no such page.
      await alumna.goto('/careers/paths');
      await alumna.getByText(l.notFound).first().waitFor();
      await alumna.context().close();

      // HR: the figures that need action, each a link to its page, and the latest activity.
      const hr = await newPage(browser, locale);
      await signInAs(hr, 'hr@kizuna.example', locale);
      await hr.getByRole('heading', { name: l.figures }).waitFor();
      await hr.getByRole('heading', { name: l.activity }).waitFor();
      expect(await hr.getByRole('link', { name: l.reports }).count()).toBe(1);
      await screenshot(hr, `home-hr-${locale}`);
      await hr.getByRole('link', { name: l.joinRequests }).click();
      await hr.waitForURL(/\/admin\/join-requests$/);
      await hr.context().close();

      // An employee follows the jobs area to "where the road leads" for their own department.
      const employee = await newPage(browser, locale, PHONE);
      await signInAs(employee, 'employee@kizuna.example', locale);
      await employee.goto('/jobs');
      await employee.getByRole('link', { name: l.careersTab }).click();
      await employee.waitForURL(/\/careers\/paths/);
      await employee.getByRole('heading', { name: l.careersTitle, level: 1 }).waitFor();
      const employers = employee.locator('#paths-employers');
      await employers.getByText(l.employer).waitFor();
      // Counts of at least 3 only (random demo alumni may add to the four seeded ones).
      const counts = await employers.getByText(l.count).allTextContents();
      expect(counts.length).toBeGreaterThan(0);
      for (const c of counts) expect(Number(c.replace(/\D/g, ''))).toBeGreaterThanOrEqual(3);
      await employee.getByRole('heading', { name: l.people }).waitFor();
      await employee.getByRole('heading', { name: l.story }).waitFor();
      await screenshot(employee, `careers-paths-phone-${locale}`);
      await employee.setViewportSize({ width: 1280, height: 860 });
      await screenshot(employee, `careers-paths-${locale}`);
      await employee.context().close();
    });
  }
});
