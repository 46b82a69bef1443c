import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitSurveyQuestions, exitSurveyResponses, leaverCases } from '#server/db/schema/index';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { DEFAULT_SURVEY_QUESTIONS } from './exit-survey.defaults';

failOnConsoleError();
let t: TestApp;
let hr: { member: { id: string }; cookie: string };
beforeAll(async () => {
  t = await createTestApp();
  hr = await signedIn(t, { role: 'alumni_manager' });
});
afterAll(() => t.close());

async function openCase(options: { reason?: string; lastDay?: string; department?: string } = {}) {
  const manager = await signedIn(t, { role: 'employee' });
  const leaver = await signedIn(t, {
    role: 'leaver',
    profile: { departments: options.department ? [options.department] : [] },
  });
  const id = randomUUID();
  await t.db.insert(leaverCases).values({
    id,
    userId: leaver.member.id,
    managerId: manager.member.id,
    hrOwnerId: hr.member.id,
    lastDay: options.lastDay ?? '2026-12-31',
    reasonCategory: options.reason ?? 'career_change',
    previousRole: 'employee',
  });
  return { id, manager, leaver };
}

/** Answers to every required default question. */
const COMPLETE = {
  'default-satisfaction': 4,
  'default-recommend': 5,
  'default-main-reason': 'career_growth',
  'default-return': 'maybe',
  'default-change': 'More remote work, please.',
};

describe('exit survey: the leaver answers', () => {
  it('starts with the default questions, saves a draft and submits once', async () => {
    const c = await openCase();
    const path = `/api/exit-cases/${c.id}/survey`;
    const first = await t.request(path, { cookie: c.leaver.cookie });
    expect(first.status).toBe(200);
    const survey = await first.json();
    expect(survey.questions.map((q: { id: string }) => q.id)).toEqual(
      DEFAULT_SURVEY_QUESTIONS.map((q) => q.id),
    );
    expect(survey).toMatchObject({ answers: {}, submittedAt: null, canAnswer: true });

    const draft = await t.request(path, {
      method: 'PUT',
      cookie: c.leaver.cookie,
      json: { answers: { 'default-satisfaction': 3, 'default-keep': '  ' } },
    });
    expect(draft.status).toBe(200);
    // A blank text answer is no answer; a draft need not be complete.
    expect((await draft.json()).answers).toEqual({ 'default-satisfaction': 3 });
    // HR sees that a draft exists, never its content.
    const hrDraft = await (await t.request(path, { cookie: hr.cookie })).json();
    expect(hrDraft).toMatchObject({ answers: {}, submittedAt: null, canAnswer: false });
    expect(hrDraft.updatedAt).not.toBeNull();

    const submitted = await t.request(`${path}/submit`, {
      method: 'POST',
      cookie: c.leaver.cookie,
      json: { answers: COMPLETE },
    });
    expect(submitted.status).toBe(200);
    const done = await submitted.json();
    expect(done).toMatchObject({
      answers: COMPLETE,
      canAnswer: false,
      submittedAt: t.clock.now().toISOString(),
    });

    // After submitting: no more changes (409), but the leaver still sees what they sent.
    const again = await t.request(path, {
      method: 'PUT',
      cookie: c.leaver.cookie,
      headers: { 'accept-language': 'en' },
      json: { answers: COMPLETE },
    });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/already been submitted/);
    expect((await (await t.request(path, { cookie: c.leaver.cookie })).json()).answers).toEqual(COMPLETE);

    // HR reads the answers on the case.
    const byHr = await t.request(path, { cookie: hr.cookie });
    expect(byHr.status).toBe(200);
    expect(await byHr.json()).toMatchObject({ answers: COMPLETE, canAnswer: false });
  });

  it('checks required answers, scale range, option values and unknown questions (translated 400)', async () => {
    const c = await openCase();
    const submit = (answers: Record<string, unknown>, lang = 'en') =>
      t.request(`/api/exit-cases/${c.id}/survey/submit`, {
        method: 'POST',
        cookie: c.leaver.cookie,
        headers: { 'accept-language': lang },
        json: { answers },
      });
    const res = await submit({
      'default-satisfaction': 6,
      'default-recommend': 0,
      'default-main-reason': 'boredom',
      nope: 'x',
    });
    expect(res.status).toBe(400);
    const { fields } = (await res.json()).error;
    expect(fields).toEqual({
      'answers.default-satisfaction': ['Choose a value on the scale.'],
      'answers.default-recommend': ['Choose a value on the scale.'],
      'answers.default-main-reason': ['Choose one of the options.'],
      'answers.nope': ['There is no such question.'],
      'answers.default-return': ['Please answer this question.'],
    });
    const ja = await submit({ ...COMPLETE, 'default-return': undefined }, 'ja');
    expect((await ja.json()).error.fields).toEqual({
      'answers.default-return': ['この質問にご回答ください。'],
    });
    expect((await submit({ ...COMPLETE, 'default-satisfaction': 'high' })).status).toBe(400);
    expect((await submit({ ...COMPLETE, 'default-keep': 'x'.repeat(4001) })).status).toBe(400);
    const shape = await t.request(`/api/exit-cases/${c.id}/survey`, {
      method: 'PUT',
      cookie: c.leaver.cookie,
      json: { answer: {} },
    });
    expect(shape.status).toBe(400);
    // Nothing was stored by the failed attempts.
    expect(await t.db.select().from(exitSurveyResponses).where(eq(exitSurveyResponses.caseId, c.id))).toEqual(
      [],
    );
  });

  it('answers 401 to anonymous callers', async () => {
    const c = await openCase();
    for (const [method, path, json] of [
      ['GET', `/api/exit-cases/${c.id}/survey`, undefined],
      ['PUT', `/api/exit-cases/${c.id}/survey`, { answers: {} }],
      ['POST', `/api/exit-cases/${c.id}/survey/submit`, { answers: COMPLETE }],
      ['GET', '/api/exit-survey/questions', undefined],
      ['POST', '/api/exit-survey/questions', { kind: 'text', promptJa: 'a', promptEn: 'a' }],
      ['PATCH', '/api/exit-survey/questions/default-keep', { active: false }],
      ['GET', '/api/exit-survey/summary', undefined],
    ] as const) {
      expect((await t.request(path, { method, json })).status, `${method} ${path}`).toBe(401);
    }
  });

  it('never shows answers to the manager, other members, other managers or alumni (404)', async () => {
    const c = await openCase();
    await t.request(`/api/exit-cases/${c.id}/survey/submit`, {
      method: 'POST',
      cookie: c.leaver.cookie,
      json: { answers: COMPLETE },
    });
    const other = await openCase();
    const cookies = [
      c.manager.cookie,
      other.manager.cookie,
      other.leaver.cookie,
      (await signedIn(t, { role: 'employee' })).cookie,
      (await signedIn(t, { role: 'alumni' })).cookie,
    ];
    for (const cookie of cookies) {
      const res = await t.request(`/api/exit-cases/${c.id}/survey`, { cookie });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('More remote work');
      for (const [method, suffix] of [
        ['PUT', ''],
        ['POST', '/submit'],
      ] as const) {
        const write = await t.request(`/api/exit-cases/${c.id}/survey${suffix}`, {
          method,
          cookie,
          json: { answers: COMPLETE },
        });
        expect(write.status).toBe(404);
      }
    }
    // HR does not answer for the leaver.
    const hrWrite = await t.request(`/api/exit-cases/${other.id}/survey`, {
      method: 'PUT',
      cookie: hr.cookie,
      json: { answers: COMPLETE },
    });
    expect(hrWrite.status).toBe(404);
    // The case's other endpoints never carry the answers to non-HR viewers.
    for (const cookie of [c.manager.cookie]) {
      for (const path of [`/api/exit-cases/${c.id}`, `/api/exit-cases/${c.id}/proposal`]) {
        const res = await t.request(path, { cookie });
        expect(await res.text()).not.toContain('More remote work');
      }
    }
  });
});

describe('exit survey questions (HR)', () => {
  it('lists, creates and edits questions; the kind must fit', async () => {
    const list = await t.request('/api/exit-survey/questions', { cookie: hr.cookie });
    expect(list.status).toBe(200);
    expect((await list.json()).items.length).toBeGreaterThanOrEqual(6);

    const created = await t.request('/api/exit-survey/questions', {
      method: 'POST',
      cookie: hr.cookie,
      json: {
        kind: 'choice',
        promptJa: 'リモートワークの頻度は適切でしたか？',
        promptEn: 'Was the amount of remote work right?',
        options: [
          { value: 'too_little', ja: '少なすぎた', en: 'Too little' },
          { value: 'right', ja: 'ちょうどよかった', en: 'About right' },
        ],
        required: true,
      },
    });
    expect(created.status).toBe(201);
    const q = await created.json();
    expect(q).toMatchObject({ kind: 'choice', required: true, active: true, scaleMax: null });

    const patched = await t.request(`/api/exit-survey/questions/${q.id}`, {
      method: 'PATCH',
      cookie: hr.cookie,
      json: { active: false, promptEn: 'Was remote work right for you?' },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ active: false, promptEn: 'Was remote work right for you?' });

    // An inactive question is no longer asked.
    const c = await openCase();
    const survey = await (
      await t.request(`/api/exit-cases/${c.id}/survey`, { cookie: c.leaver.cookie })
    ).json();
    expect(survey.questions.some((x: { id: string }) => x.id === q.id)).toBe(false);
  });

  it('rejects malformed questions with per-field messages (400)', async () => {
    const post = (json: unknown) =>
      t.request('/api/exit-survey/questions', {
        method: 'POST',
        cookie: hr.cookie,
        headers: { 'accept-language': 'en' },
        json,
      });
    const noOptions = await post({ kind: 'choice', promptJa: '質問', promptEn: 'Q', options: [] });
    expect(noOptions.status).toBe(400);
    expect((await noOptions.json()).error.fields.options).toEqual([
      'A choice question needs at least two options.',
    ]);
    const noMax = await post({ kind: 'scale', promptJa: '質問', promptEn: 'Q' });
    expect((await noMax.json()).error.fields.scaleMax).toEqual(['Give the highest value of the scale.']);
    const bad = await post({ kind: 'essay', promptJa: '', promptEn: 'Q' });
    const fields = (await bad.json()).error.fields;
    expect(fields.kind?.[0]).toMatch(/Must be one of/);
    expect(fields.promptJa).toEqual(['Required.']);
    const dup = await post({
      kind: 'choice',
      promptJa: '質問',
      promptEn: 'Q',
      options: [
        { value: 'a', ja: 'あ', en: 'A' },
        { value: 'a', ja: 'い', en: 'B' },
      ],
    });
    expect((await dup.json()).error.fields.options).toEqual(['Two options have the same value.']);
    const patch = await t.request('/api/exit-survey/questions/default-main-reason', {
      method: 'PATCH',
      cookie: hr.cookie,
      headers: { 'accept-language': 'en' },
      json: { options: [{ value: 'only', ja: '唯一', en: 'Only' }] },
    });
    expect(patch.status).toBe(400);
    expect((await patch.json()).error.fields.options).toEqual([
      'A choice question needs at least two options.',
    ]);
    const kind = await t.request('/api/exit-survey/questions/default-keep', {
      method: 'PATCH',
      cookie: hr.cookie,
      json: { kind: 'scale' },
    });
    expect(kind.status).toBe(400);
  });

  it('is a 404 for anyone but HR, and for an unknown question', async () => {
    const c = await openCase();
    for (const cookie of [
      c.leaver.cookie,
      c.manager.cookie,
      (await signedIn(t, { role: 'alumni' })).cookie,
    ]) {
      expect((await t.request('/api/exit-survey/questions', { cookie })).status).toBe(404);
      const post = await t.request('/api/exit-survey/questions', {
        method: 'POST',
        cookie,
        json: { kind: 'text', promptJa: '質問', promptEn: 'Q' },
      });
      expect(post.status).toBe(404);
      const patch = await t.request('/api/exit-survey/questions/default-keep', {
        method: 'PATCH',
        cookie,
        json: { active: false },
      });
      expect(patch.status).toBe(404);
      expect((await t.request('/api/exit-survey/summary', { cookie })).status).toBe(404);
    }
    const missing = await t.request('/api/exit-survey/questions/no-such-question', {
      method: 'PATCH',
      cookie: hr.cookie,
      json: { active: false },
    });
    expect(missing.status).toBe(404);
    const [keep] = await t.db
      .select()
      .from(exitSurveyQuestions)
      .where(eq(exitSurveyQuestions.id, 'default-keep'));
    expect(keep?.active).toBe(true);
  });
});

describe('exit survey summary (HR)', () => {
  const submitFor = async (options: Parameters<typeof openCase>[0], answers: Record<string, unknown>) => {
    const c = await openCase(options);
    const res = await t.request(`/api/exit-cases/${c.id}/survey/submit`, {
      method: 'POST',
      cookie: c.leaver.cookie,
      json: { answers },
    });
    expect(res.status).toBe(200);
  };

  it('hides groups of 4 and shows groups of 5, with averages and option counts but no text', async () => {
    // "study": 4 responses → suppressed. "family": 5 → shown. Drafts never count.
    for (let i = 0; i < 4; i += 1)
      await submitFor({ reason: 'study' }, { ...COMPLETE, 'default-satisfaction': 1 });
    for (let i = 0; i < 5; i += 1) {
      await submitFor(
        { reason: 'family' },
        { ...COMPLETE, 'default-satisfaction': i + 1, 'default-return': i < 3 ? 'yes' : 'no' },
      );
    }
    const draft = await openCase({ reason: 'study' });
    await t.request(`/api/exit-cases/${draft.id}/survey`, {
      method: 'PUT',
      cookie: draft.leaver.cookie,
      json: { answers: { 'default-satisfaction': 2 } },
    });

    const res = await t.request('/api/exit-survey/summary?groupBy=reasonCategory', { cookie: hr.cookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.minGroup).toBe(5);
    const study = body.groups.find((g: { key: string }) => g.key === 'study');
    const family = body.groups.find((g: { key: string }) => g.key === 'family');
    expect(study).toEqual({ key: 'study', suppressed: true, responses: null, questions: [] });
    expect(family).toMatchObject({ suppressed: false, responses: 5 });
    const q = (id: string) => family.questions.find((x: { questionId: string }) => x.questionId === id);
    expect(q('default-satisfaction')).toMatchObject({ average: 3, answered: 5 });
    expect(q('default-return').optionCounts).toEqual({ yes: 3, maybe: 0, no: 2 });
    expect(q('default-change')).toMatchObject({ answered: 5, average: null });
    expect(JSON.stringify(body)).not.toContain('More remote work');

    // Adding the fifth "study" response reveals that group.
    await submitFor({ reason: 'study' }, COMPLETE);
    const after = await (
      await t.request('/api/exit-survey/summary?groupBy=reasonCategory', { cookie: hr.cookie })
    ).json();
    expect(after.groups.find((g: { key: string }) => g.key === 'study')).toMatchObject({
      suppressed: false,
      responses: 5,
    });
  });

  it('groups by year and department, and rejects an unknown grouping (400)', async () => {
    const dept = `Sales ${randomUUID().slice(0, 6)}`;
    for (let i = 0; i < 5; i += 1) await submitFor({ department: dept, lastDay: '2024-03-31' }, COMPLETE);
    const byDept = await (
      await t.request('/api/exit-survey/summary?groupBy=department', { cookie: hr.cookie })
    ).json();
    expect(byDept.groups.find((g: { key: string }) => g.key === dept)).toMatchObject({ responses: 5 });
    const byYear = await (
      await t.request('/api/exit-survey/summary?groupBy=year', { cookie: hr.cookie })
    ).json();
    expect(byYear.groups.find((g: { key: string }) => g.key === '2024')).toMatchObject({ responses: 5 });
    const bad = await t.request('/api/exit-survey/summary?groupBy=name', { cookie: hr.cookie });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(['groupBy']);
  });

  it('counts only submitted surveys of cases that were not cancelled', async () => {
    const alumni = await createTestMember(t, { role: 'alumni', canSignIn: false });
    expect(alumni.id).toBeTruthy();
    const before = await (await t.request('/api/exit-survey/summary', { cookie: hr.cookie })).json();
    const total = before.groups[0].responses as number;
    const c = await openCase();
    await t.request(`/api/exit-cases/${c.id}/survey/submit`, {
      method: 'POST',
      cookie: c.leaver.cookie,
      json: { answers: COMPLETE },
    });
    await t.db.update(leaverCases).set({ status: 'cancelled' }).where(eq(leaverCases.id, c.id));
    const after = await (await t.request('/api/exit-survey/summary', { cookie: hr.cookie })).json();
    expect(after.groups[0].responses).toBe(total);
  });
});
