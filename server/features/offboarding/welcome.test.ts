import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#server/db/client';
import { careerProposals, leaverCases, mailMessages, profiles } from '#server/db/schema/index';
import { openTestCase } from '#tests/factories/offboarding';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { queueAlumniWelcome } from './welcome';

failOnConsoleError();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function caseWith(options: {
  locale: 'ja' | 'en';
  personalEmail?: string | null;
  decision?: 'pending' | 'joined' | 'declined';
  openToReturn?: boolean;
  proposal?: 'shared' | 'draft' | null;
}) {
  const c = await openTestCase(t, { leaverLocale: options.locale });
  await t.db
    .update(leaverCases)
    .set({
      personalEmail:
        options.personalEmail === undefined
          ? `p-${c.leaver.id.slice(0, 8)}@private.example`
          : options.personalEmail,
      networkDecision: options.decision ?? 'joined',
      openToReturn: options.openToReturn ?? false,
    })
    .where(eq(leaverCases.id, c.row.id));
  await t.db
    .update(profiles)
    .set({ familyName: '佐藤', givenName: '健太', familyNameRomaji: 'Sato', givenNameRomaji: 'Kenta' })
    .where(eq(profiles.userId, c.leaver.id));
  if (options.proposal) {
    await t.db.insert(careerProposals).values({
      caseId: c.row.id,
      outsidePath:
        options.locale === 'ja' ? 'SaaS企業のプロダクトマネージャー' : 'Product manager at a SaaS company',
      outsideRoles: ['PdM'],
      outsideIndustries: ['SaaS'],
      insidePath: options.locale === 'ja' ? '新規事業開発の責任者' : 'Head of new business development',
      insidePositions: ['事業開発部長'],
      sharedAt: options.proposal === 'shared' ? new Date('2026-11-20T00:00:00Z') : null,
    });
  }
  const [row] = await t.db.select().from(leaverCases).where(eq(leaverCases.id, c.row.id));
  if (!row) throw new Error('no case');
  const ids = await t.db.transaction((tx) => queueAlumniWelcome(tx as unknown as Db, t, row));
  const mails = ids.length ? await t.db.select().from(mailMessages).where(inArray(mailMessages.id, ids)) : [];
  return { c, row, ids, mails };
}

describe('alumni welcome email', () => {
  it('English: to the personal email, account ready, login link, the shared proposal, open to return, how to leave', async () => {
    const { c, row, mails } = await caseWith({ locale: 'en', proposal: 'shared' });
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail).toMatchObject({
      kind: 'alumni_welcome',
      toAddress: row.personalEmail,
      locale: 'en',
      subject: 'Welcome to the Kizuna alumni network',
      userId: c.leaver.id,
      subjectId: row.id,
    });
    expect(mail?.text).toContain('Dear Kenta Sato,');
    // The transition (exits feature) moves the sign-in address; here it is still the work one.
    expect(mail?.text).toContain(
      `Sign in with the email address ${c.leaver.email} and your current password`,
    );
    expect(mail?.text).toContain('http://localhost:3000/login');
    expect(mail?.text).toContain(
      'Outside the company, you could thrive as: Product manager at a SaaS company — PdM, SaaS',
    );
    expect(mail?.text).toContain('Inside the company, you could reach: Head of new business development');
    expect(mail?.text).toContain(`http://localhost:3000/exits/${row.id}`);
    expect(mail?.text).toContain(
      `turn on "open to return" on your profile:\nhttp://localhost:3000/members/${c.leaver.id}/edit`,
    );
    expect(mail?.text).toContain('http://localhost:3000/settings/my-data');
    expect(mail?.text).toContain('http://localhost:3000/settings/privacy');
  });

  it('Japanese: in the person’s language; the proposal only once it was shared; open to return acknowledged', async () => {
    const { c, mails } = await caseWith({ locale: 'ja', proposal: 'draft', openToReturn: true });
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail?.locale).toBe('ja');
    expect(mail?.subject).toBe('Kizuna アルムナイネットワークへようこそ');
    expect(mail?.text).toContain('佐藤 健太 様');
    expect(mail?.text).toContain(`メールアドレス（${c.leaver.email}）と現在お使いのパスワード`);
    expect(mail?.text).not.toContain('キャリア提案');
    expect(mail?.text).not.toContain('プロダクトマネージャー');
    expect(mail?.text).toContain('「いつか戻ることも考えたい」とお知らせいただき');

    const shared = await caseWith({ locale: 'ja', proposal: 'shared' });
    expect(shared.mails[0]?.text).toContain('キャリア面談でお渡ししたキャリア提案です。');
    expect(shared.mails[0]?.text).toContain(
      '社外でご活躍いただけそうな道: SaaS企業のプロダクトマネージャー（PdM、SaaS）',
    );
    expect(shared.mails[0]?.text).toContain(
      '社内で目指していただける道: 新規事業開発の責任者（事業開発部長）',
    );
    expect(shared.mails[0]?.text).toContain('「出戻り歓迎」をオンにしてください');
  });

  it('nothing is sent when the person declined the network or gave no personal email', async () => {
    const declined = await caseWith({ locale: 'en', decision: 'declined', proposal: 'shared' });
    expect(declined.ids).toEqual([]);
    const noEmail = await caseWith({ locale: 'ja', personalEmail: null });
    expect(noEmail.ids).toEqual([]);
    const count = await t.db
      .select()
      .from(mailMessages)
      .where(inArray(mailMessages.subjectId, [declined.row.id, noEmail.row.id]));
    expect(count).toEqual([]);
  });
});
