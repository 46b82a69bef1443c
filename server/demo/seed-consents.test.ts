import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_PURPOSES, CONSENT_TEXT_VERSION } from '#common/consents';
import { queryRows } from '#server/db/client';
import { consentEvents, profiles, users } from '#server/db/schema/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { DEMO_CAREER_ALUMNI } from './careers';
import { DEMO_LOGINS, seedDemo } from './seed';

failOnConsoleError();
let t: TestApp;
const MEMBERS = 400;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ db: t.db, members: MEMBERS });
}, 60_000);
afterAll(() => t.close());

describe('the demo seed and consents', () => {
  it('lists and marks reviewed every demo login, so the journeys start where they always did', async () => {
    const rows = await t.db
      .select({ email: users.email, reviewedAt: users.consentsReviewedAt, consents: profiles.consents })
      .from(users)
      .innerJoin(profiles, eq(profiles.userId, users.id))
      .where(
        inArray(
          users.email,
          DEMO_LOGINS.map((l) => l.email),
        ),
      );
    expect(rows).toHaveLength(DEMO_LOGINS.length);
    for (const row of rows) {
      expect(row.reviewedAt, row.email).not.toBeNull();
      expect(row.consents, row.email).toContain('directory');
    }
  });

  it('answers every purpose for every member, backed by one ledger row each that matches the copy', async () => {
    const [summary] = await queryRows<{ members: number; reviewed: number; listed: number; events: number }>(
      t.db,
      sql`select count(*)::int as members,
                 count(*) filter (where u.consents_reviewed_at is not null)::int as reviewed,
                 count(*) filter (where p.consents @> array['directory'])::int as listed,
                 (select count(*)::int from ${consentEvents}) as events
          from ${users} u join ${profiles} p on p.user_id = u.id`,
    );
    const total = MEMBERS + DEMO_LOGINS.length + DEMO_CAREER_ALUMNI;
    expect(summary).toMatchObject({
      members: total,
      reviewed: total,
      events: total * CONSENT_PURPOSES.length,
    });
    // A realistic share, not everyone: about nine in ten listed.
    expect(summary?.listed).toBeGreaterThan(total * 0.8);
    expect(summary?.listed).toBeLessThan(total * 0.97);

    const [mismatch] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from ${consentEvents} e join ${profiles} p on p.user_id = e.user_id
          where e.granted <> (p.consents @> array[e.purpose]) or e.text_version <> ${CONSENT_TEXT_VERSION}
             or e.source <> 'seed'`,
    );
    expect(mismatch?.n).toBe(0);
  });
});
