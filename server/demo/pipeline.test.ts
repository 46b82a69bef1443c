import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, hires, pipelineCards, pipelineNotes, users } from '#server/db/schema/index';
import { createTestMember } from '#tests/factories/index';
import { createInterestCard, createReferralCard } from '#tests/factories/pipeline';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { seedDemoPipeline } from './pipeline';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('seedDemoPipeline', () => {
  it('does nothing while the board is empty', async () => {
    await seedDemoPipeline(t.db);
    expect(await t.db.select().from(hires)).toHaveLength(0);
  });

  it('moves some cards with notes by the demo HR login, records a started and a future hire, once', async () => {
    const hr = await createTestMember(t, { role: 'alumni_manager', email: 'hr@kizuna.example' });
    for (let i = 0; i < 7; i++) await createInterestCard(t);
    await createReferralCard(t);
    await seedDemoPipeline(t.db);

    const cards = await t.db.select().from(pipelineCards);
    const byStage = (stage: string) => cards.filter((c) => c.stage === stage).length;
    expect(byStage('rehired')).toBe(2);
    expect(byStage('interested')).toBeGreaterThan(0);
    expect(
      byStage('conversation') + byStage('interview') + byStage('offer') + byStage('not_now'),
    ).toBeGreaterThan(0);
    const notes = await t.db.select().from(pipelineNotes);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.authorId === hr.id)).toBe(true);

    const rows = await t.db.select().from(hires);
    expect(rows).toHaveLength(2);
    const started = rows.filter((h) => h.startedAt !== null);
    expect(started).toHaveLength(1);
    const [person] = await t.db
      .select()
      .from(users)
      .where(eq(users.id, started[0]?.userId as string));
    expect(person?.role).toBe('employee');
    const future = rows.find((h) => h.startedAt === null);
    expect((future?.startOn ?? '') > (started[0]?.startOn ?? '')).toBe(true);

    // A second run changes nothing.
    const audits = (await t.db.select().from(auditEvents)).length;
    await seedDemoPipeline(t.db);
    expect((await t.db.select().from(auditEvents)).length).toBe(audits);
    expect(await t.db.select().from(hires).where(isNotNull(hires.startedAt))).toHaveLength(1);
  });
});
