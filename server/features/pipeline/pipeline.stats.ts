import { eq, sql } from 'drizzle-orm';
import { todayIn } from '#common/dates';
import {
  JOBS_TIME_ZONE,
  PIPELINE_SOURCES,
  PIPELINE_STAGES,
  type PipelineSource,
  type PipelineStage,
} from '#common/rehiring-reference';
import { hires, pipelineCards, profiles, referrals, returnInterests } from '#server/db/schema/index';
import type { AppDeps } from '#server/lib/deps';

import { cardVisibleSql } from './pipeline.board';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/**
 * Figures for human-capital reporting: hires by year (of the start day) and source, this year's
 * count, visible cards per stage, and conversion (cards ever opened vs hires). Counts only. Hires
 * of erased people are counted from their anonymised rows (decision 020).
 */
export async function getStats(deps: Deps) {
  const { db, clock } = deps;
  const now = clock.now();
  const year = Number(todayIn(JOBS_TIME_ZONE, now).slice(0, 4));
  const byYear = await db
    .select({
      year: sql<number>`extract(year from ${hires.startOn})::int`,
      source: hires.source,
      count: sql<number>`count(*)::int`,
    })
    .from(hires)
    .groupBy(sql`1`, hires.source);
  const years = new Map<number, { year: number; interest: number; referral: number; total: number }>();
  for (const r of byYear) {
    const y = Number(r.year);
    const entry = years.get(y) ?? { year: y, interest: 0, referral: 0, total: 0 };
    entry[r.source] += Number(r.count);
    entry.total += Number(r.count);
    years.set(y, entry);
  }
  const hiresByYear = [...years.values()].sort((a, b) => b.year - a.year);
  const current = years.get(year) ?? { year, interest: 0, referral: 0, total: 0 };

  const stageRows = await db
    .select({ stage: pipelineCards.stage, count: sql<number>`count(*)::int` })
    .from(pipelineCards)
    .leftJoin(returnInterests, eq(returnInterests.id, pipelineCards.interestId))
    .leftJoin(referrals, eq(referrals.id, pipelineCards.referralId))
    .leftJoin(profiles, eq(profiles.userId, pipelineCards.userId))
    .where(cardVisibleSql())
    .groupBy(pipelineCards.stage);
  const openByStage = Object.fromEntries(PIPELINE_STAGES.map((s) => [s, 0])) as Record<PipelineStage, number>;
  for (const r of stageRows) openByStage[r.stage] = Number(r.count);

  // A hire whose person was erased keeps its row without its card (decision 020): it still
  // counts as hired, and as the card it came from, so erasure does not move the rate.
  const cardRows = await db
    .select({ source: pipelineCards.source, cards: sql<number>`count(*)::int` })
    .from(pipelineCards)
    .groupBy(pipelineCards.source);
  const hireRows = await db
    .select({
      source: hires.source,
      hired: sql<number>`count(*)::int`,
      withoutCard: sql<number>`count(*) filter (where ${hires.cardId} is null)::int`,
    })
    .from(hires)
    .groupBy(hires.source);
  const bySource = Object.fromEntries(PIPELINE_SOURCES.map((s) => [s, { cards: 0, hired: 0 }])) as Record<
    PipelineSource,
    { cards: number; hired: number }
  >;
  for (const r of cardRows) bySource[r.source].cards += Number(r.cards);
  for (const r of hireRows) {
    bySource[r.source].cards += Number(r.withoutCard);
    bySource[r.source].hired += Number(r.hired);
  }
  const cards = bySource.interest.cards + bySource.referral.cards;
  const hired = bySource.interest.hired + bySource.referral.hired;
  return {
    year,
    thisYear: { total: current.total, interest: current.interest, referral: current.referral },
    hiresByYear,
    openByStage,
    conversion: { cards, hired, rate: cards === 0 ? 0 : hired / cards, bySource },
  };
}
