import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '#common/roles';
import { jobs } from '#server/db/schema/index';
import type { Viewer } from '#server/lib/access/policy';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { canRaiseReturnInterest } from './return-interests.policy';

/**
 * The policy table of return interests through the real API: every endpoint × every kind of
 * viewer. Only alumni use these endpoints, and only for their own interests; everyone else —
 * employees, leavers, HR and admins included — gets a 404, and another member's interest never
 * appears in any answer.
 */
failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const VIEWERS = ['alumniOwn', 'alumniOther', 'employee', 'leaver', 'hr', 'admin'] as const;
type ViewerKind = (typeof VIEWERS)[number];
const ENDPOINTS = ['list', 'general', 'job', 'withdraw'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

const ROLE_OF: Record<ViewerKind, Role> = {
  alumniOwn: 'alumni',
  alumniOther: 'alumni',
  employee: 'employee',
  leaver: 'leaver',
  hr: 'alumni_manager',
  admin: 'admin',
};

/**
 * Expected status, calls made in the order of ENDPOINTS. `job` is the subject's job: for the
 * subject a repeat (merged into their interest, 200), for the other alumnus a new interest of
 * their own (201). `withdraw` targets the subject's interest, which does not exist for anyone else.
 */
const EXPECTED: Record<ViewerKind, Record<Endpoint, number>> = {
  alumniOwn: { list: 200, general: 200, job: 200, withdraw: 200 },
  alumniOther: { list: 200, general: 200, job: 201, withdraw: 404 },
  employee: { list: 404, general: 404, job: 404, withdraw: 404 },
  leaver: { list: 404, general: 404, job: 404, withdraw: 404 },
  hr: { list: 404, general: 404, job: 404, withdraw: 404 },
  admin: { list: 404, general: 404, job: 404, withdraw: 404 },
};

const MARK = 'MARK-subject-message';

describe('return interests: who may use which endpoint', () => {
  it('the pure rule: alumni only', () => {
    for (const role of ROLES) {
      const viewer = { id: 'v', role } as Viewer;
      expect(canRaiseReturnInterest(viewer), role).toBe(role === 'alumni');
    }
  });

  for (const viewerKind of VIEWERS) {
    it(`${viewerKind}: ${ENDPOINTS.map((e) => `${e} → ${EXPECTED[viewerKind][e]}`).join(', ')}`, async () => {
      // A fresh subject per row, so the owner's own withdrawal does not affect the next row.
      const subject = await signedIn(t, { role: 'alumni', consents: ['directory', 'rehiring'] });
      const jobId = randomUUID();
      await t.db.insert(jobs).values({
        id: jobId,
        titleJa: '営業',
        titleEn: 'Sales',
        department: '営業部',
        location: '東京',
        remote: 'onsite',
        employmentType: 'full_time',
        closesOn: '2027-03-31',
        status: 'open',
        classification: 'network',
        audience: {},
        searchText: 'sales',
      });
      const raised = await t.request(`/api/jobs/${jobId}/interest`, {
        method: 'POST',
        cookie: subject.cookie,
        json: { message: MARK },
      });
      expect(raised.status).toBe(201);
      const subjectInterest = String(((await raised.json()) as { interest: { id: string } }).interest.id);

      const cookie =
        viewerKind === 'alumniOwn'
          ? subject.cookie
          : (await signedIn(t, { role: ROLE_OF[viewerKind], consents: ['directory', 'rehiring'] })).cookie;
      const calls: Record<Endpoint, () => Promise<Response>> = {
        list: () => t.request('/api/me/return-interests', { cookie }),
        general: () =>
          t.request('/api/me/return-interest', { method: 'PUT', cookie, json: { timing: 'now' } }),
        job: () =>
          t.request(`/api/jobs/${jobId}/interest`, {
            method: 'POST',
            cookie,
            json: { message: 'mine' },
          }),
        withdraw: () =>
          t.request(`/api/me/return-interests/${subjectInterest}/withdraw`, { method: 'POST', cookie }),
      };
      for (const endpoint of ENDPOINTS) {
        const res = await calls[endpoint]();
        expect(res.status, `${viewerKind} ${endpoint}`).toBe(EXPECTED[viewerKind][endpoint]);
        const text = await res.text();
        if (viewerKind === 'alumniOwn' && endpoint === 'list') expect(text).toContain(MARK);
        if (viewerKind !== 'alumniOwn') {
          expect(text, `${viewerKind} ${endpoint}`).not.toContain(subjectInterest);
          expect(text, `${viewerKind} ${endpoint}`).not.toContain(MARK);
        }
      }
    });
  }
});
