import type { AdviceRequest, AdviceStats, AdviceTarget } from '#common/advice';
import type { AdviceTargetRow, AdviceView } from './advice.service';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A request as one of its pair reads it. Every field is listed. */
export function presentAdviceRequest(view: AdviceView): AdviceRequest {
  const r = view.row;
  return {
    id: r.id,
    direction: view.direction,
    other: { id: view.other.id, displayName: view.other.displayName, role: view.other.role },
    kind: r.kind,
    topic: r.topic,
    hopes: r.hopes,
    timeFrame: r.timeFrame,
    status: r.status,
    responseMessage: r.responseMessage,
    conversationId: r.conversationId,
    createdAt: r.createdAt.toISOString(),
    decidedAt: iso(r.decidedAt),
  };
}

export function presentAdviceTarget(target: AdviceTargetRow): AdviceTarget {
  return {
    id: target.id,
    displayName: target.displayName,
    role: target.role,
    currentTitle: target.currentTitle,
    currentEmployer: target.currentEmployer,
    offers: {
      mentoring: target.offers.mentoring,
      sideWork: target.offers.sideWork,
      speaking: target.offers.speaking,
    },
    kinds: [...target.kinds],
  };
}

/** HR's counts: aggregates only, as the service computed them. */
export function presentAdviceStats(stats: AdviceStats): AdviceStats {
  return {
    total: stats.total,
    byKind: stats.byKind.map((c) => ({ value: c.value, count: c.count })),
    byStatus: stats.byStatus.map((c) => ({ value: c.value, count: c.count })),
    byMonth: stats.byMonth.map((m) => ({
      month: m.month,
      total: m.total,
      accepted: m.accepted,
      declined: m.declined,
    })),
    acceptanceRate: stats.acceptanceRate,
  };
}
