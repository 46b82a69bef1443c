import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_FIELD_AUDIENCE, type ExitField } from '#common/exits-reference';
import {
  careerProposals,
  exitSurveyQuestions,
  exitSurveyResponses,
  leaverCases,
  offboardingTasks,
  reportingLines,
} from '#server/db/schema/index';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

/**
 * The policy table of decision 012, through the real API: for every field of
 * EXIT_FIELD_AUDIENCE and every kind of viewer, the field is in the JSON (visible), absent from it
 * (dropped: the key AND the value are nowhere in the body), or the whole case is a 404.
 */
failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const VIEWERS = ['leaver', 'manager', 'otherManager', 'hr', 'admin', 'otherEmployee', 'alumnus'] as const;
type ViewerKind = (typeof VIEWERS)[number];
type Outcome = 'visible' | 'dropped' | '404';

const MARK = {
  reasonCategory: 'retirement',
  reasonNote: 'MARK-reason-note',
  rehireEligibility: 'not_eligible',
  rehireReason: 'MARK-rehire-reason',
  surveyAnswers: 'MARK-survey-answer',
  proposal: 'MARK-proposal-strengths',
  checklist: 'MARK-task-title',
  lastDay: '2027-03-31',
} as const satisfies Record<ExitField, string>;

/** Where each field travels: the case itself, or the section endpoints of helpers H and I. */
const ENDPOINT: Record<ExitField, (caseId: string) => string> = {
  reasonCategory: (id) => `/api/exit-cases/${id}`,
  reasonNote: (id) => `/api/exit-cases/${id}`,
  rehireEligibility: (id) => `/api/exit-cases/${id}`,
  rehireReason: (id) => `/api/exit-cases/${id}`,
  lastDay: (id) => `/api/exit-cases/${id}`,
  proposal: (id) => `/api/exit-cases/${id}/proposal`,
  surveyAnswers: (id) => `/api/exit-cases/${id}/survey`,
  checklist: (id) => `/api/exit-cases/${id}/tasks`,
};

const ACCESS_OF: Partial<Record<ViewerKind, 'hr' | 'manager' | 'leaver'>> = {
  leaver: 'leaver',
  manager: 'manager',
  hr: 'hr',
  admin: 'hr',
};

/** The expected outcome from the audience table, with the two documented exceptions. */
function expected(field: ExitField, viewer: ViewerKind): Outcome {
  const access = ACCESS_OF[viewer];
  if (!access) return '404';
  const audience = EXIT_FIELD_AUDIENCE[field] as readonly string[];
  if (audience.includes(access)) return 'visible';
  // Section endpoints hide the whole section (404); case fields are dropped from the case.
  if (field === 'surveyAnswers') return access === 'leaver' ? 'visible' : '404'; // their own answers (decision 013)
  return 'dropped';
}

let caseId: string;
const cookies = {} as Record<ViewerKind, string>;

beforeAll(async () => {
  const leaver = await signedIn(t, { role: 'employee' });
  const manager = await signedIn(t, { role: 'employee' });
  const otherManager = await signedIn(t, { role: 'employee' });
  const hr = await signedIn(t, { role: 'alumni_manager' });
  const admin = await signedIn(t, { role: 'admin' });
  const otherEmployee = await signedIn(t, { role: 'employee' });
  const alumnus = await signedIn(t, { role: 'alumni' });
  Object.assign(cookies, {
    leaver: leaver.cookie,
    manager: manager.cookie,
    otherManager: otherManager.cookie,
    hr: hr.cookie,
    admin: admin.cookie,
    otherEmployee: otherEmployee.cookie,
    alumnus: alumnus.cookie,
  });
  const someoneElse = await createTestMember(t, { role: 'employee' });
  await t.db.insert(reportingLines).values([
    { managerId: manager.member.id, reportId: leaver.member.id },
    { managerId: otherManager.member.id, reportId: someoneElse.id },
  ]);
  const res = await t.request('/api/exit-cases', {
    method: 'POST',
    cookie: hr.cookie,
    json: {
      userId: leaver.member.id,
      lastDay: MARK.lastDay,
      reasonCategory: MARK.reasonCategory,
      reasonNote: MARK.reasonNote,
    },
  });
  expect(res.status).toBe(201);
  caseId = ((await res.json()) as { id: string }).id;
  const rehire = await t.request(`/api/exit-cases/${caseId}/rehire-eligibility`, {
    method: 'PUT',
    cookie: hr.cookie,
    json: { eligibility: MARK.rehireEligibility, reason: MARK.rehireReason },
  });
  expect(rehire.status).toBe(200);
  // Section data written directly: this test is about who reads it.
  await t.db.insert(careerProposals).values({ caseId, strengths: MARK.proposal, sharedAt: new Date() });
  const questionId = randomUUID();
  await t.db.insert(exitSurveyQuestions).values({
    id: questionId,
    position: 999,
    kind: 'text',
    promptJa: '自由記述',
    promptEn: 'Anything else',
  });
  await t.db
    .insert(exitSurveyResponses)
    .values({ caseId, answers: { [questionId]: MARK.surveyAnswers }, submittedAt: new Date() });
  await t.db.insert(offboardingTasks).values({
    id: randomUUID(),
    caseId,
    position: 999,
    kind: 'custom',
    titleJa: MARK.checklist,
    titleEn: MARK.checklist,
    ownerRole: 'hr',
    dueOn: '2027-03-30',
  });
});

async function outcome(field: ExitField, viewer: ViewerKind): Promise<Outcome> {
  const res = await t.request(ENDPOINT[field](caseId), { cookie: cookies[viewer] });
  if (res.status === 404) return '404';
  expect(res.status, `${field} as ${viewer}`).toBe(200);
  const text = await res.text();
  const body = JSON.parse(text) as Record<string, unknown>;
  if (text.includes(MARK[field])) return 'visible';
  // The case's own fields: the key is gone too, not merely emptied.
  if (ENDPOINT[field](caseId).endsWith(caseId))
    expect(body, `${field} as ${viewer}`).not.toHaveProperty(field);
  return 'dropped';
}

describe('the exit field audience table, through the API', () => {
  for (const field of Object.keys(EXIT_FIELD_AUDIENCE) as ExitField[]) {
    for (const viewer of VIEWERS) {
      it(`${field} × ${viewer} → ${expected(field, viewer)}`, async () => {
        expect(await outcome(field, viewer)).toBe(expected(field, viewer));
      });
    }
  }

  it('the proposal reaches the leaver only once shared', async () => {
    await t.db.update(careerProposals).set({ sharedAt: null }).where(eq(careerProposals.caseId, caseId));
    try {
      expect(await outcome('proposal', 'leaver')).not.toBe('visible');
      expect(await outcome('proposal', 'manager')).toBe('visible');
    } finally {
      await t.db
        .update(careerProposals)
        .set({ sharedAt: new Date() })
        .where(eq(careerProposals.caseId, caseId));
    }
  });

  it('lists follow the same table: the manager’s list has no HR-only keys', async () => {
    const res = await t.request('/api/exit-cases', { cookie: cookies.manager });
    const text = await res.text();
    expect(text).toContain(caseId);
    for (const f of ['reasonCategory', 'reasonNote', 'rehireEligibility', 'rehireReason'] as const) {
      expect(text).not.toContain(`"${f}"`);
      expect(text).not.toContain(MARK[f]);
    }
    const other = await (await t.request('/api/exit-cases', { cookie: cookies.otherManager })).json();
    expect(other).toMatchObject({ items: [] });
    const [row] = await t.db.select().from(leaverCases).where(eq(leaverCases.id, caseId));
    expect(row?.reasonNote).toBe(MARK.reasonNote);
  });
});
