import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  screenshot as capture,
  launchBrowser,
  NEW_MEMBER_PASSWORD,
  newMember,
  newPage,
  openAdmin,
  signInAs,
} from './browser';

/**
 * Issue #5's Done-when, in the browser: HR posts a job for alumni → an alumnus finds it in "jobs
 * that fit me" and raises a hand → HR moves the card to rehired → the count appears in the
 * figures for analytics; a referral with the candidate's consent flows the same way; the job
 * alert arrives in the mail catcher (the admin outbox).
 *
 * The people are invited for this journey (newMember), so the demo logins stay as other journeys
 * expect them. The job is for "alumni and employees": alumni are who it is for, and an employee
 * must see it to refer someone from its page. Everything is driven through the UI; only the
 * alumnus's profile (its own journey elsewhere) is set through the API from their signed-in page.
 * The steps share state and run in order.
 */
let browser: Browser;
const open: Page[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const page of open)
    await page
      .context()
      .close()
      .catch(() => undefined);
  await browser.close();
});

/** Full-page screenshot from the top, once nothing in the page is loading any more. */
async function screenshot(page: Page, name: string) {
  await page
    .waitForFunction(
      () => !document.querySelector('main span[role="status"], main [aria-busy="true"]'),
      undefined,
      {
        timeout: 10_000,
      },
    )
    .catch(async () => {
      const left = await page.evaluate(() =>
        [...document.querySelectorAll('main span[role="status"], main [aria-busy="true"]')].map((e) =>
          e.outerHTML.slice(0, 300),
        ),
      );
      throw new Error(`${name}: still loading: ${left.join(' | ')}`);
    });
  await page.evaluate(() => window.scrollTo(0, 0));
  await capture(page, `rehiring-${name}`);
}

/**
 * The board is wider than the page (it scrolls sideways): for the picture, a wide window and the
 * page's width cap lifted, so every column is in it.
 */
async function boardScreenshot(page: Page, name: string) {
  await page.getByTestId('rehired-this-year').waitFor();
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1900, height: 1000 });
  const wide = await page.addStyleTag({ content: 'main .max-w-7xl { max-width: none !important; }' });
  await screenshot(page, name);
  await wide.evaluate((node) => (node as HTMLStyleElement).remove());
  if (viewport) await page.setViewportSize(viewport);
}

/** A JSON API call with the page's session (same origin, so the CSRF check passes). */
async function call<T = Record<string, unknown>>(page: Page, method: string, path: string, body?: unknown) {
  const result = await page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
  return result as { status: number; json: T };
}

async function ok<T = Record<string, unknown>>(page: Page, method: string, path: string, body?: unknown) {
  const { status, json } = await call<T>(page, method, path, body);
  if (status >= 400) throw new Error(`${method} ${path} → ${status} ${JSON.stringify(json)}`);
  return json;
}

/** The first whole number in a text ("今年の再入社: 3名" → 3). */
const firstNumber = (text: string) => Number((/\d[\d,]*/.exec(text)?.[0] ?? 'NaN').replace(/,/g, ''));

/** "Rehired this year" as the board's stats header shows it. */
async function rehiredThisYear(hr: Page): Promise<number> {
  const figure = hr.getByTestId('rehired-this-year');
  await figure.waitFor();
  return firstNumber(await figure.innerText());
}

/** A calendar day in Tokyo, `days` from now. */
const tokyoDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/** A start day a week ahead, but in this (Tokyo) year: the figures count hires by start year. */
function startDayThisYear() {
  const inAWeek = tokyoDay(7);
  const today = tokyoDay(0);
  return inAWeek.slice(0, 4) === today.slice(0, 4) ? inAWeek : `${today.slice(0, 4)}-12-31`;
}

/** The outbox (HR), searched for one recipient, until a message with this subject is listed. */
async function findInOutbox(hr: Page, to: string, subject: string): Promise<Locator> {
  await openAdmin(hr, '送信メール');
  await hr.waitForURL(/\/admin\/outbox/);
  await hr.getByLabel('宛先または件名').fill(to);
  await hr.getByRole('button', { name: '検索', exact: true }).click();
  await hr.waitForURL(/[?&]q=/);
  const rows = hr.getByRole('group', { name: '送信済み・送信待ちのメール' }).getByRole('row');
  const row = rows.filter({ hasText: subject });
  // Delivery goes through the queue (match job → mail → SMTP): look again until it is there.
  await expect
    .poll(
      async () => {
        if ((await row.count()) > 0) return true;
        await hr.reload();
        await hr.getByRole('group', { name: '送信済み・送信待ちのメール' }).waitFor();
        return (await row.count()) > 0;
      },
      { timeout: 45_000, interval: 1_000 },
    )
    .toBe(true);
  await row.getByRole('button', { name: subject }).click();
  const message = hr.locator('#outbox-message');
  // Caught by the local SMTP server: sent, and the raw message as received is shown.
  await expect
    .poll(
      async () => {
        const text = await message.innerText();
        if (text.includes('送信済み') && text.includes('メールサーバーが受信した元のメッセージ')) return true;
        await hr.reload();
        await message.waitFor();
        return false;
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(true);
  await message.getByText('メールサーバーが受信した元のメッセージ', { exact: false }).click();
  expect(await message.locator('pre').innerText()).toContain(`To: ${to}`);
  return message;
}

// ---- what the steps share ----------------------------------------------------------------------
const tag = `RH${Date.now().toString(36).toUpperCase()}`;
const titleJa = `カスタマーサクセスマネージャー ${tag}`;
const titleEn = `Customer Success Manager ${tag}`;
const department = 'カスタマーサクセス部';
const skill = `オンボーディング設計${tag}`;
const keyword = `カスタマーサクセス ${tag}`;
const candidateEmail = `candidate.${Date.now()}@example.net`;
const candidateName = '藤井 美咲';

let alumnus: Page; // ja, signed in as the new alumnus for the whole journey
let alumnusEmail = '';
let alumnusName = '';
let hr: Page; // ja, hr@kizuna.example
let jobId = '';
let internalJobId = '';
let rehiredBefore = 0;
let interestCardId = '';
let employee: Page; // ja, a new employee who refers the candidate

describe('the rehiring journey', () => {
  // The steps build on each other: after a failure the rest are skipped, not failed again.
  let broken = false;
  beforeEach(({ skip, onTestFailed }) => {
    if (broken) skip();
    onTestFailed(() => {
      broken = true;
    });
  });

  it('1. a new alumnus turns on email news and creates an instant job alert', async () => {
    const member = await newMember(browser, 'ja', {
      role: 'alumni',
      familyName: '西村',
      givenName: '彩花',
      tag: 'ayaka.nishimura',
    });
    alumnus = member.page;
    alumnusEmail = member.email;
    open.push(alumnus);
    const me = await ok<{ id: string; displayName: string; role: string }>(alumnus, 'GET', '/api/me');
    expect(me.role).toBe('alumni');
    alumnusName = me.displayName;
    // The profile (edited in its own journey): skills, former department, career since leaving.
    await ok(alumnus, 'PATCH', `/api/members/${me.id}`, {
      skills: [skill, 'カスタマーサクセス', 'SaaS'],
      departments: [department],
      lastTitle: 'カスタマーサクセス リーダー',
      currentEmployer: '株式会社ミライクラウド',
      currentTitle: 'カスタマーサクセス マネージャー',
      location: '東京',
    });

    // Alerts page: email is off until "news and digests" is consented; the page says where.
    await alumnus.getByRole('banner').getByRole('link', { name: '求人', exact: true }).click();
    await alumnus.waitForURL(/\/jobs$/);
    await alumnus.getByTestId('careers-nav').getByRole('link', { name: '求人アラート' }).click();
    await alumnus.waitForURL(/\/jobs\/alerts$/);
    await alumnus.getByRole('heading', { level: 1, name: '求人アラート' }).waitFor();
    const notice = alumnus.getByTestId('job-alerts-consent');
    await notice.getByText('ニュースとダイジェストを受け取る', { exact: false }).waitFor();
    await notice.getByRole('link', { name: 'プライバシーと同意で変更する' }).click();
    await alumnus.waitForURL(/\/settings\/privacy$/);
    const newsletter = alumnus.getByRole('switch', { name: 'ニュースとダイジェストを受け取る' });
    expect(await newsletter.getAttribute('aria-checked')).toBe('false');
    await newsletter.click();
    await alumnus.getByRole('button', { name: '変更を保存' }).click();
    await alumnus.getByText('選択内容を保存しました。').waitFor();

    await alumnus.goto('/jobs/alerts');
    await alumnus.getByText('アラートメールは有効です', { exact: false }).waitFor();
    expect(await alumnus.getByTestId('job-alerts-consent').count()).toBe(0);
    const form = alumnus.locator('#new-alert');
    await form.getByLabel('キーワード', { exact: true }).fill(keyword);
    await form.getByRole('button', { name: '「キーワード」に追加', exact: true }).click();
    await form.getByRole('list', { name: '追加したキーワード' }).getByText(keyword).waitFor();
    await form.getByLabel('勤務地', { exact: true }).fill('東京');
    await form.getByRole('radio', { name: /すぐに通知/ }).check();
    await screenshot(alumnus, 'alert-form-ja');
    await form.getByRole('button', { name: 'アラートを作成' }).click();
    await alumnus.getByText('アラートを作成しました。').waitFor();
    const mine = alumnus.locator('#my-alerts');
    await mine.getByText(keyword).waitFor();
    expect(await mine.innerText()).toContain('すぐに通知');
  }, 120_000);

  it('2. HR posts and publishes the job through the form', async () => {
    hr = await newPage(browser, 'ja');
    open.push(hr);
    await signInAs(hr, 'hr@kizuna.example', 'ja');
    await openAdmin(hr, '求人');
    await hr.waitForURL(/\/admin\/jobs$/);
    await hr.getByRole('link', { name: '求人を作成' }).click();
    await hr.waitForURL(/\/admin\/jobs\/new$/);
    await hr.getByLabel('職種名（日本語）').fill(titleJa);
    await hr
      .getByLabel('仕事内容（日本語）')
      .fill(
        'アルムナイの皆さんの再入社を歓迎します。\n法人のお客さまの導入から活用定着までを支えるカスタマーサクセスチームのマネージャーです。\n【歓迎】SaaS のオンボーディング設計の経験',
      );
    await hr.getByLabel('職種名（英語）').fill(titleEn);
    await hr
      .getByLabel('仕事内容（英語）')
      .fill('Alumni welcome back. Lead the customer success team from onboarding to adoption.');
    await hr.getByLabel('部署', { exact: true }).fill(department);
    await hr.getByLabel('勤務地', { exact: true }).fill('東京');
    const skills = hr.getByRole('textbox', { name: 'スキル', exact: true });
    for (const s of [skill, 'カスタマーサクセス']) {
      await skills.fill(s);
      await skills.press('Enter');
    }
    await hr.getByLabel('締切日').fill(tokyoDay(60));
    await hr.getByRole('radio', { name: /^アルムナイと社員/ }).check();
    await screenshot(hr, 'job-form-ja');
    await hr.getByRole('button', { name: '公開する', exact: true }).click();
    await hr.waitForURL(/\/admin\/jobs$/);
    await hr.getByText('公開しました。').waitFor();
    await hr.getByRole('link', { name: titleJa, exact: true }).waitFor();
    const found = await ok<{ items: { id: string }[] }>(hr, 'GET', `/api/admin/jobs?q=${tag}`);
    expect(found.items).toHaveLength(1);
    jobId = found.items[0]?.id as string;
  }, 120_000);

  it('3. the alert reaches the mail catcher and the alumnus\'s "new jobs for you"', async () => {
    const message = await findInOutbox(hr, alumnusEmail, `新着求人のお知らせ：${titleJa}`);
    const text = await message.innerText();
    expect(text).toContain(`/jobs/${jobId}`);
    expect(text).toContain(department);
    await screenshot(hr, 'outbox-alert-ja');

    await alumnus.goto('/jobs/alerts');
    const matches = alumnus.getByRole('region', { name: 'あなたへの新着求人' });
    await matches.getByRole('link', { name: titleJa }).waitFor();
    expect(await matches.innerText()).toContain('新着');
    await screenshot(alumnus, 'alert-matches-ja');
  }, 120_000);

  it('4. the alumnus finds the job in "jobs that fit me" and says they are interested', async () => {
    await alumnus.getByTestId('careers-nav').getByRole('link', { name: 'あなたに合う求人' }).click();
    await alumnus.waitForURL(/\/jobs\/fit$/);
    const card = alumnus.getByRole('listitem').filter({ has: alumnus.getByRole('link', { name: titleJa }) });
    await card.waitFor();
    const reasons = card.getByRole('list', { name: '合う理由' });
    const why = await reasons.innerText();
    expect(why).toContain(skill);
    expect(why).toContain(`在籍していた部署: ${department}`);
    expect(why).toContain('近くの勤務地');
    await screenshot(alumnus, 'fit-ja');

    // The same page in English.
    const fitEn = await newPage(browser, 'en');
    open.push(fitEn);
    await signInAs(fitEn, alumnusEmail, 'en', NEW_MEMBER_PASSWORD);
    await fitEn.goto('/jobs/fit');
    const cardEn = fitEn.getByRole('listitem').filter({ has: fitEn.getByRole('link', { name: titleEn }) });
    await cardEn.waitFor();
    expect(await cardEn.getByRole('list', { name: 'Why it fits' }).innerText()).toContain(
      `Your former department: ${department}`,
    );
    await screenshot(fitEn, 'fit-en');
    await fitEn.context().close();

    await card.getByRole('link', { name: titleJa }).click();
    await alumnus.waitForURL(new RegExp(`/jobs/${jobId}$`));
    await alumnus.getByRole('heading', { level: 1, name: titleJa }).waitFor();
    const panel = alumnus.locator('#job-interest');
    await panel.getByRole('button', { name: '興味があります' }).click();
    await panel
      .getByLabel('人事へのメッセージ')
      .fill(
        '在籍時はカスタマーサクセス部にいました。外で身につけたオンボーディング設計の経験を生かしたいです。',
      );
    // No consent to rehiring contact yet: the panel asks for it before HR can see anything.
    await panel.getByText('再入社に関する連絡を許可するまで、人事にはこの内容が見えません').waitFor();
    const allow = panel.getByRole('switch', { name: '再入社に関する連絡を受け取る' });
    await allow.click();
    expect(await allow.getAttribute('aria-checked')).toBe('true');
    await screenshot(alumnus, 'job-interest-form-ja');
    await panel.getByRole('button', { name: '人事に送る' }).click();
    const told = panel.getByTestId('job-interest-told');
    await told.waitFor();
    expect(await told.innerText()).toContain('この求人に興味があると人事に伝えました');
    await screenshot(alumnus, 'job-interest-sent-ja');
    // Saying it twice is one interest, not two.
    const mine = await ok<{ rehiringConsent: boolean; jobs: { job: { id: string } | null }[] }>(
      alumnus,
      'GET',
      '/api/me/return-interests',
    );
    expect(mine.rehiringConsent).toBe(true);
    expect(mine.jobs.filter((j) => j.job?.id === jobId)).toHaveLength(1);
  }, 120_000);

  it('5. HR moves the card from "interested" to "rehired"; the figures count the hire', async () => {
    await openAdmin(hr, '再入社');
    await hr.waitForURL(/\/admin\/pipeline$/);
    await hr.getByRole('heading', { level: 1, name: '再入社パイプライン' }).waitFor();
    rehiredBefore = await rehiredThisYear(hr);
    const statsBefore = await ok<{ thisYear: { total: number; interest: number } }>(
      hr,
      'GET',
      '/api/pipeline/stats',
    );
    expect(statsBefore.thisYear.total).toBe(rehiredBefore);

    // Only this job's cards: the alumnus waits in "interested".
    await hr.getByLabel('求人', { exact: true }).selectOption({ label: titleJa });
    await hr.waitForURL(/jobId=/);
    const interested = hr.getByTestId('column-interested');
    const card = interested.getByRole('article', { name: alumnusName });
    await card.waitFor();
    expect(await card.innerText()).toContain('出戻り');
    await boardScreenshot(hr, 'board-interested-ja');

    // First move on the board itself.
    await card
      .getByRole('combobox', { name: `${alumnusName}さんを別のステージへ移動` })
      .selectOption('conversation');
    await hr.getByText(`${alumnusName}さんを「面談」へ移動しました。`).waitFor();
    const inConversation = hr.getByTestId('column-conversation').getByRole('article', { name: alumnusName });
    await inConversation.waitFor();

    // The card's page: history, rehire eligibility, career since leaving, the message; a note.
    await inConversation.getByRole('link', { name: alumnusName }).click();
    await hr.waitForURL(/\/admin\/pipeline\/[0-9a-f-]{36}$/);
    interestCardId = hr.url().split('/').at(-1) as string;
    await hr.getByRole('heading', { level: 1, name: alumnusName }).waitFor();
    for (const heading of ['在籍時の経歴', '再雇用の可否', '退職後のキャリア', '再入社の希望', 'メモ']) {
      await hr.getByRole('heading', { name: heading, exact: true }).waitFor();
    }
    expect(await hr.locator('#history').innerText()).toContain(department);
    expect(await hr.locator('#career').innerText()).toContain('株式会社ミライクラウド');
    expect(await hr.locator('#interest').innerText()).toContain('オンボーディング設計の経験を生かしたい');
    await hr.getByLabel('新しいメモ').fill('元上長からの評価も高い。来週カジュアル面談を設定。');
    await hr.getByRole('button', { name: 'メモを追加' }).click();
    await hr.getByText('メモを追加しました。').waitFor();
    await hr.locator('#notes').getByText('元上長からの評価も高い', { exact: false }).waitFor();

    const move = hr.locator('#move');
    for (const [stage, label] of [
      ['interview', '選考'],
      ['offer', 'オファー'],
    ] as const) {
      await move.getByLabel('移動先のステージ').selectOption(stage);
      await move.getByRole('button', { name: '移動する' }).click();
      await move.getByText(`「${label}」へ移動しました。`).waitFor();
      await move.getByText(`現在: ${label}`).waitFor();
    }
    // Rehired: the hire (start day, role) is recorded for the figures.
    const startOn = startDayThisYear();
    await move.getByLabel('移動先のステージ').selectOption('rehired');
    await move.getByLabel('入社日', { exact: true }).fill(startOn);
    await move.getByLabel('職種・役職').fill('カスタマーサクセス マネージャー');
    await move.getByLabel('部署（任意）').fill(department);
    await screenshot(hr, 'card-hire-form-ja');
    await move.getByRole('button', { name: '移動する' }).click();
    await move.getByText('「再入社」へ移動しました。').waitFor();
    const hire = hr.locator('#hire');
    await hire.waitFor();
    expect(await hire.innerText()).toContain('カスタマーサクセス マネージャー');
    const history = await hr.locator('#stage-history').innerText();
    for (const step of ['関心あり → 面談', '面談 → 選考', '選考 → オファー', 'オファー → 再入社']) {
      expect(history).toContain(step);
    }
    await screenshot(hr, 'card-rehired-ja');

    await hr.getByRole('link', { name: 'ボードに戻る' }).click();
    await hr.waitForURL(/\/admin\/pipeline(\?.*)?$/);
    await hr.getByTestId('column-rehired').getByRole('article', { name: alumnusName }).waitFor();
    await expect.poll(() => rehiredThisYear(hr)).toBe(rehiredBefore + 1);
    const statsAfter = await ok<{ thisYear: { total: number; interest: number } }>(
      hr,
      'GET',
      '/api/pipeline/stats',
    );
    expect(statsAfter.thisYear.total).toBe(rehiredBefore + 1);
    expect(statsAfter.thisYear.interest).toBe(statsBefore.thisYear.interest + 1);
    await boardScreenshot(hr, 'board-rehired-ja');

    // The board in English.
    const hrEn = await newPage(browser, 'en');
    open.push(hrEn);
    await signInAs(hrEn, 'hr@kizuna.example', 'en');
    await hrEn.goto(`/admin/pipeline?jobId=${jobId}`);
    await hrEn.getByRole('heading', { level: 1, name: 'Rehiring pipeline' }).waitFor();
    await hrEn.getByTestId('column-rehired').getByRole('article', { name: alumnusName }).waitFor();
    expect(await hrEn.getByTestId('rehired-this-year').innerText()).toBe(
      `Rehired this year: ${rehiredBefore + 1}`,
    );
    await boardScreenshot(hrEn, 'board-en');
    await hrEn.goto('/admin/pipeline');
    await hrEn.getByTestId('column-interested').getByRole('article').first().waitFor();
    await boardScreenshot(hrEn, 'board-all-en');
    await hrEn.context().close();
  }, 180_000);

  it('6. a referral: the candidate consents by the emailed link, then HR hires them too', async () => {
    const member = await newMember(browser, 'ja', {
      role: 'employee',
      familyName: '岡田',
      givenName: '健太',
      tag: 'kenta.okada',
    });
    employee = member.page;
    open.push(employee);
    const referrerName = (await ok<{ displayName: string }>(employee, 'GET', '/api/me')).displayName;

    // The employee finds the job and refers someone from its page.
    await employee.goto('/jobs');
    await employee.getByLabel('求人を検索').fill(tag);
    await employee.getByRole('button', { name: '検索', exact: true }).click();
    await employee.waitForURL(new RegExp(`q=${tag}`));
    await employee.getByRole('link', { name: titleJa }).click();
    await employee.waitForURL(new RegExp(`/jobs/${jobId}$`));
    // "I'm interested" is for alumni only.
    expect(await employee.locator('#job-interest').count()).toBe(0);
    await employee.getByRole('button', { name: 'この求人に人を紹介する' }).click();
    await employee.getByLabel('お名前').fill(candidateName);
    await employee.getByLabel('メールアドレス').fill(candidateEmail);
    await employee.getByLabel('メールの言語').selectOption('ja');
    await employee
      .getByLabel('推薦する理由')
      .fill('前職で一緒に大手顧客の導入を成功させました。顧客の声を製品に返すのが得意です。');
    await screenshot(employee, 'refer-form-ja');
    await employee.getByRole('button', { name: '同意確認のメールを送る' }).click();
    await employee.getByText('ありがとうございます。ご本人に同意確認のメールを送りました。').waitFor();
    await employee.getByRole('link', { name: '紹介した人を見る' }).click();
    await employee.waitForURL(/\/referrals$/);
    const item = employee.locator('#my-referrals li').filter({ hasText: candidateName });
    await item.getByText('本人の同意待ち').waitFor();

    // Before the candidate's consent HR sees nothing of them on the board.
    await hr.goto(`/admin/pipeline?jobId=${jobId}`);
    await hr.getByTestId('column-rehired').getByRole('article', { name: alumnusName }).waitFor();
    expect(await hr.getByRole('article', { name: candidateName }).count()).toBe(0);
    await hr.getByLabel('氏名').fill('藤井');
    await hr.getByRole('button', { name: '絞り込む' }).click();
    await hr.waitForURL(/q=/);
    await hr.getByText('条件に合うカードはありません。').waitFor();
    const board = await ok<{ total: number }>(
      hr,
      'GET',
      `/api/pipeline?jobId=${jobId}&q=${encodeURIComponent('藤井')}`,
    );
    expect(board.total).toBe(0);

    // The consent request in the mail catcher; its link opened by the candidate (no account).
    const message = await findInOutbox(
      hr,
      candidateEmail,
      `${referrerName}さんからのご紹介について（人事部への情報共有のご確認）`,
    );
    const link = message.getByRole('link', { name: /\/referral-consent#/ });
    const consentUrl = new URL((await link.getAttribute('href')) as string);
    expect(consentUrl.hash.length).toBeGreaterThan(20);
    await screenshot(hr, 'outbox-referral-ja');

    const candidate = await newPage(browser, 'ja');
    open.push(candidate);
    await candidate.goto(`${consentUrl.pathname}${consentUrl.hash}`);
    await candidate.getByRole('heading', { level: 1, name: 'あなたへのご紹介' }).waitFor();
    await candidate.getByRole('heading', { name: `${referrerName}さんがあなたを推薦しました` }).waitFor();
    expect(await candidate.locator('main').innerText()).toContain(titleJa);
    await screenshot(candidate, 'referral-consent-ja');
    await candidate.getByRole('button', { name: '同意して人事部に情報を共有する' }).click();
    await candidate
      .getByText('ありがとうございます。人事部があなたの情報を確認できるようになりました。', { exact: false })
      .waitFor();
    await screenshot(candidate, 'referral-consented-ja');
    await candidate.context().close();

    // Now the card is on the board, in "interested"; HR hires the candidate.
    await hr.goto(`/admin/pipeline?jobId=${jobId}`);
    expect(await rehiredThisYear(hr)).toBe(rehiredBefore + 1);
    const card = hr.getByTestId('column-interested').getByRole('article', { name: candidateName });
    await card.waitFor();
    expect(await card.innerText()).toContain('紹介');
    await boardScreenshot(hr, 'board-referral-ja');
    await card
      .getByRole('combobox', { name: `${candidateName}さんを別のステージへ移動` })
      .selectOption('rehired');
    // "Rehired" needs the hire: the card's page opens with the form.
    await hr.waitForURL(/\/admin\/pipeline\/[0-9a-f-]{36}\?move=rehired$/);
    expect(hr.url()).not.toContain(interestCardId);
    const referral = hr.locator('#referral');
    await referral.waitFor();
    expect(await referral.innerText()).toContain(referrerName);
    const move = hr.locator('#move');
    await move.getByLabel('入社日', { exact: true }).fill(startDayThisYear());
    await move.getByLabel('職種・役職').fill('カスタマーサクセス スペシャリスト');
    await move.getByRole('button', { name: '移動する' }).click();
    await move.getByText('紹介による採用はここでは取り消せません', { exact: false }).waitFor();
    await hr.locator('#hire').waitFor();
    await screenshot(hr, 'card-referral-rehired-ja');

    await hr.getByRole('link', { name: 'ボードに戻る' }).click();
    await hr.waitForURL(/\/admin\/pipeline(\?.*)?$/);
    await expect.poll(() => rehiredThisYear(hr)).toBe(rehiredBefore + 2);
    const stats = await ok<{ thisYear: { total: number; referral: number } }>(
      hr,
      'GET',
      '/api/pipeline/stats',
    );
    expect(stats.thisYear.total).toBe(rehiredBefore + 2);
    expect(stats.thisYear.referral).toBeGreaterThanOrEqual(1);
    await hr.goto(`/admin/pipeline?jobId=${jobId}`);
    const rehired = hr.getByTestId('column-rehired');
    await rehired.getByRole('article', { name: candidateName }).waitFor();
    await rehired.getByRole('article', { name: alumnusName }).waitFor();
    await boardScreenshot(hr, 'board-both-rehired-ja');

    // The referrer sees "hired" (and the reward, when the reward rule is on).
    await employee.reload();
    await item.getByText('入社決定').waitFor();
    const mine = await ok<{
      rewardRule: { amount: number } | null;
      items: { candidateName: string; outcome: string | null; rewardStatus: string }[];
    }>(employee, 'GET', '/api/me/referrals');
    const referred = mine.items.find((r) => r.candidateName === candidateName);
    expect(referred).toMatchObject({ outcome: 'hired' });
    // The demo organisation has the reward rule on: the referrer's reward is now due.
    if (mine.rewardRule) {
      await employee.getByRole('heading', { name: '紹介報奨金' }).waitFor();
      await item.getByText(/報奨金 .+（支払予定）/).waitFor();
      expect(referred?.rewardStatus).toBe('eligible');
    }
    await screenshot(employee, 'my-referrals-ja');
  }, 240_000);

  it('7. visibility: the board is HR-only; alumni never see internal jobs', async () => {
    // An employee: the pipeline is a page that does not exist, and so is its API.
    await employee.goto('/admin/pipeline');
    await employee.getByRole('heading', { level: 1, name: 'ページが見つかりません' }).waitFor();
    expect((await call(employee, 'GET', '/api/pipeline')).status).toBe(404);
    expect((await call(employee, 'GET', `/api/pipeline/${interestCardId}`)).status).toBe(404);
    expect((await call(employee, 'GET', '/api/pipeline/stats')).status).toBe(404);
    // The alumnus: nor for them.
    expect((await call(alumnus, 'GET', '/api/pipeline')).status).toBe(404);

    // The demo internal posting (employees only).
    const internal = await ok<{ items: { id: string; titleJa: string | null }[] }>(
      hr,
      'GET',
      `/api/admin/jobs?q=${encodeURIComponent('社内公募')}`,
    );
    internalJobId = internal.items[0]?.id as string;
    expect(internalJobId).toBeTruthy();
    const internalTitle = internal.items[0]?.titleJa as string;
    // The employee sees it (so the check below means something)…
    expect((await call(employee, 'GET', `/api/jobs/${internalJobId}`)).status).toBe(200);
    // …the alumnus neither finds nor opens it.
    await alumnus.goto(`/jobs?q=${encodeURIComponent('社内公募')}`);
    await alumnus.getByText('該当する求人はありません', { exact: false }).first().waitFor();
    expect(await alumnus.getByRole('link', { name: internalTitle }).count()).toBe(0);
    expect((await call(alumnus, 'GET', `/api/jobs/${internalJobId}`)).status).toBe(404);
    await alumnus.goto(`/jobs/${internalJobId}`);
    await alumnus.getByRole('heading', { level: 1, name: 'ページが見つかりません' }).waitFor();
    const fit = await ok<{ items: { job: { id: string } }[] }>(alumnus, 'GET', '/api/jobs/fit?pageSize=50');
    expect(fit.items.map((i) => i.job.id)).not.toContain(internalJobId);
  }, 120_000);
});
