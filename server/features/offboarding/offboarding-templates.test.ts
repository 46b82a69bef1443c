import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Template, TemplateList } from '#common/offboarding';
import { offboardingTasks } from '#server/db/schema/index';
import { signedIn } from '#tests/factories/index';
import { openTestCase } from '#tests/factories/offboarding';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { DEFAULT_TEMPLATES } from './offboarding.service';

failOnConsoleError();

let t: TestApp;
let hrCookie: string;
let employeeCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  hrCookie = (await signedIn(t, { role: 'alumni_manager' })).cookie;
  employeeCookie = (await signedIn(t, { role: 'employee' })).cookie;
});
afterAll(() => t.close());

const list = async (cookie = hrCookie) => {
  const res = await t.request('/api/offboarding/templates', { cookie });
  expect(res.status).toBe(200);
  return ((await res.json()) as TemplateList).items;
};

const valid = {
  kind: 'custom',
  titleJa: '入館証の返却',
  titleEn: 'Return the building pass',
  ownerRole: 'manager',
  dueOffsetDays: -2,
} as const;

describe('OpenAPI', () => {
  it('documents the checklist endpoints', async () => {
    const res = await t.request('/api/openapi.json', { cookie: employeeCookie });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/offboarding/templates',
        '/api/offboarding/templates/{id}',
        '/api/exit-cases/{id}/tasks',
        '/api/exit-cases/{id}/tasks/{taskId}/complete',
        '/api/exit-cases/{id}/tasks/{taskId}/reopen',
        '/api/me/tasks',
      ]),
    );
  });
});

describe('offboarding templates', () => {
  it('creates the six default templates on first use, once', async () => {
    const first = await list();
    expect(first.map((x) => [x.kind, x.ownerRole, x.dueOffsetDays])).toEqual(
      DEFAULT_TEMPLATES.map((d) => [d.kind, d.ownerRole, d.dueOffsetDays]),
    );
    expect(first.find((x) => x.kind === 'equipment')).toMatchObject({
      ownerRole: 'manager',
      dueOffsetDays: -1,
    });
    expect(first.find((x) => x.kind === 'handover')).toMatchObject({
      ownerRole: 'manager',
      dueOffsetDays: -7,
    });
    expect(first.find((x) => x.kind === 'confidentiality')).toMatchObject({
      ownerRole: 'leaver',
      dueOffsetDays: -3,
    });
    expect(first.find((x) => x.kind === 'personal_email')).toMatchObject({
      ownerRole: 'leaver',
      dueOffsetDays: -5,
    });
    expect(first.find((x) => x.kind === 'consents')).toMatchObject({
      ownerRole: 'leaver',
      dueOffsetDays: -2,
    });
    expect(first.find((x) => x.kind === 'farewell')).toMatchObject({ ownerRole: 'leaver', dueOffsetDays: 0 });
    expect(await list()).toHaveLength(6);
  });

  it('401 for anonymous, 404 for a member who is not HR', async () => {
    expect((await t.request('/api/offboarding/templates')).status).toBe(401);
    expect((await t.request('/api/offboarding/templates', { method: 'POST', json: valid })).status).toBe(401);
    expect((await t.request('/api/offboarding/templates', { cookie: employeeCookie })).status).toBe(404);
    const post = await t.request('/api/offboarding/templates', {
      method: 'POST',
      json: valid,
      cookie: employeeCookie,
    });
    expect(post.status).toBe(404);
    const [some] = await list();
    const patch = await t.request(`/api/offboarding/templates/${some?.id}`, {
      method: 'PATCH',
      json: { active: false },
      cookie: employeeCookie,
    });
    expect(patch.status).toBe(404);
    const del = await t.request(`/api/offboarding/templates/${some?.id}`, {
      method: 'DELETE',
      cookie: employeeCookie,
    });
    expect(del.status).toBe(404);
    expect((await list()).find((x) => x.id === some?.id)?.active).toBe(true);
  });

  it('400 with per-field messages in the language asked for', async () => {
    const res = await t.request('/api/offboarding/templates', {
      method: 'POST',
      cookie: hrCookie,
      headers: { 'accept-language': 'en' },
      json: { kind: 'party', titleJa: '', titleEn: 'x', ownerRole: 'boss', dueOffsetDays: 1.5, extra: 1 },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: Record<string, string[]> } };
    expect(Object.keys(body.error.fields)).toEqual(
      expect.arrayContaining(['kind', 'titleJa', 'ownerRole', 'dueOffsetDays']),
    );
    const ja = await t.request('/api/offboarding/templates', {
      method: 'POST',
      cookie: hrCookie,
      headers: { 'accept-language': 'ja' },
      json: { ...valid, titleJa: '' },
    });
    expect(ja.status).toBe(400);
    expect(
      ((await ja.json()) as { error: { fields: Record<string, string[]> } }).error.fields.titleJa?.[0],
    ).toBe('必須項目です。');
    const patch = await t.request(`/api/offboarding/templates/${(await list())[0]?.id}`, {
      method: 'PATCH',
      cookie: hrCookie,
      json: { dueOffsetDays: 9999 },
    });
    expect(patch.status).toBe(400);
  });

  it('adds, changes and deletes a template; 404 for an unknown one', async () => {
    const created = await t.request('/api/offboarding/templates', {
      method: 'POST',
      cookie: hrCookie,
      json: valid,
    });
    expect(created.status).toBe(201);
    const template = (await created.json()) as Template;
    expect(template).toMatchObject({ ...valid, active: true, position: 6 });

    const patched = await t.request(`/api/offboarding/templates/${template.id}`, {
      method: 'PATCH',
      cookie: hrCookie,
      json: { titleEn: 'Return the pass', ownerRole: 'hr', active: false },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      titleEn: 'Return the pass',
      ownerRole: 'hr',
      active: false,
    });
    expect((await list()).find((x) => x.id === template.id)).toMatchObject({ titleEn: 'Return the pass' });

    const del = await t.request(`/api/offboarding/templates/${template.id}`, {
      method: 'DELETE',
      cookie: hrCookie,
    });
    expect(del.status).toBe(204);
    expect((await list()).some((x) => x.id === template.id)).toBe(false);

    const again = await t.request(`/api/offboarding/templates/${template.id}`, {
      method: 'DELETE',
      cookie: hrCookie,
    });
    expect(again.status).toBe(404);
    const unknownPatch = await t.request('/api/offboarding/templates/not-a-template', {
      method: 'PATCH',
      cookie: hrCookie,
      json: { active: false },
    });
    expect(unknownPatch.status).toBe(404);
  });

  it('an empty change is a 200 with the template as it is (404 for an unknown one), never a 500', async () => {
    const template = (await list())[0] as Template;
    const same = await t.request(`/api/offboarding/templates/${template.id}`, {
      method: 'PATCH',
      cookie: hrCookie,
      json: {},
    });
    expect(same.status).toBe(200);
    expect(await same.json()).toEqual(template);
    const unknown = await t.request('/api/offboarding/templates/34dba07d-7baa-8209-820b-66698d5ae757', {
      method: 'PATCH',
      cookie: hrCookie,
      json: {},
    });
    expect(unknown.status).toBe(404);
  });

  it('only active templates are copied into a new case; deleting a template keeps copied tasks', async () => {
    const templates = await list();
    const handover = templates.find((x) => x.kind === 'handover');
    await t.request(`/api/offboarding/templates/${handover?.id}`, {
      method: 'PATCH',
      cookie: hrCookie,
      json: { active: false },
    });
    const { row } = await openTestCase(t);
    const tasks = await t.db.select().from(offboardingTasks).where(eq(offboardingTasks.caseId, row.id));
    expect(tasks.map((x) => x.kind).sort()).toEqual(
      ['confidentiality', 'consents', 'equipment', 'farewell', 'personal_email'].sort(),
    );
    const farewell = templates.find((x) => x.kind === 'farewell');
    expect(
      (await t.request(`/api/offboarding/templates/${farewell?.id}`, { method: 'DELETE', cookie: hrCookie }))
        .status,
    ).toBe(204);
    const after = await t.db.select().from(offboardingTasks).where(eq(offboardingTasks.caseId, row.id));
    expect(after).toHaveLength(5);
    // HR deleted a default: it does not come back.
    expect((await list()).some((x) => x.kind === 'farewell')).toBe(false);
  });
});
