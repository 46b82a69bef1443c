import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, newPage, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const PHONE = { width: 390, height: 844 };

const LABELS = {
  ja: {
    checklist: 'はじめにやること',
    progress: /^5件中(\d)件完了$/,
    groupItem: 'はじめてのグループに参加する',
    searchGroups: 'グループを検索',
    searchSubmit: '検索',
    tokyo: '東京支部',
    join: '参加する',
    member: '参加中',
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
    progress: /^(\d) of 5 done$/,
    groupItem: 'Join your first group',
    searchGroups: 'Search groups',
    searchSubmit: 'Search',
    tokyo: 'Tokyo chapter',
    join: 'Join',
    member: 'You are a member',
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

      // A newcomer on a phone: the getting-started checklist, ticked from their real data. (The demo
      // alumna has done all five things, so she no longer sees it: checked below.)
      const { page: newcomer } = await newMember(browser, locale, {
        role: 'alumni',
        familyName: '石井',
        givenName: '楓',
        tag: `home-${locale}`,
      });
      await newcomer.setViewportSize(PHONE);
      await newcomer.goto('/');
      const checklist = newcomer.getByRole('region', { name: l.checklist });
      await checklist.waitFor();
      const progress = checklist.getByText(l.progress);
      await progress.waitFor();
      const doneBefore = Number(l.progress.exec(await progress.innerText())?.[1]);
      expect(doneBefore).toBeLessThan(5);
      // Open items are links to where they are done; done ones are struck-through text.
      expect(await checklist.getByRole('link', { name: l.profileItem }).count()).toBe(1);
      await newcomer.getByRole('heading', { name: l.jobsFit }).waitFor();
      await screenshot(newcomer, `home-alumni-phone-${locale}`);
      // "Join your first group" leads to the groups; joining the Tokyo chapter ticks it.
      await checklist.getByRole('link', { name: l.groupItem }).click();
      await newcomer.waitForURL(/\/groups$/);
      await newcomer.getByRole('searchbox', { name: l.searchGroups }).fill(l.tokyo);
      await newcomer.getByRole('button', { name: l.searchSubmit }).click();
      await newcomer.getByRole('link', { name: l.tokyo, exact: true }).click();
      await newcomer.getByTestId('membership').getByRole('button', { name: l.join, exact: true }).click();
      await newcomer.getByTestId('membership').getByText(l.member).waitFor();
      await newcomer.goto('/');
      await checklist.waitFor();
      await expect
        .poll(async () => Number(l.progress.exec(await progress.innerText())?.[1]))
        .toBe(doneBefore + 1);
      expect(await checklist.getByRole('link', { name: l.groupItem }).count()).toBe(0);
      expect(await checklist.getByText(l.groupItem).count()).toBe(1);
      // Closing the list is remembered.
      await checklist.getByRole('button', { name: l.dismiss }).click();
      await expect.poll(() => newcomer.getByRole('region', { name: l.checklist }).count()).toBe(0);
      await newcomer.reload();
      await newcomer.getByRole('heading', { name: l.jobsFit }).waitFor();
      expect(await newcomer.getByRole('region', { name: l.checklist }).count()).toBe(0);
      await newcomer.context().close();

      // The demo alumna has done everything on the list: her home shows no checklist.
      const alumna = await newPage(browser, locale, PHONE);
      await signInAs(alumna, 'alumni@kizuna.example', locale);
      await alumna.getByRole('heading', { name: l.jobsFit }).waitFor();
      expect(await alumna.getByRole('region', { name: l.checklist }).count()).toBe(0);
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
