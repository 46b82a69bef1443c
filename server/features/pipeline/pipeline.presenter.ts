import { isoToday, tenureYears } from '#common/dates';
import {
  type AtsExport,
  type AtsInbox,
  type AtsWebhookMode,
  type PipelineBoard,
  type PipelineCardDetail,
  type PipelineCardSummary,
  type PipelineJobRef,
  type PipelineNote,
  type PipelineStats,
  STAGE_MOVE_REASONS,
  type StageEvent,
  type StageMoveReason,
} from '#common/pipeline';
import { PIPELINE_SOURCES, PIPELINE_STAGES, type PipelineStage } from '#common/rehiring-reference';
import type { CardRow } from './pipeline.board';
import type { CardExtras } from './pipeline.cards';
import type { AtsExportRow } from './pipeline.exports';
import { hireHasStarted } from './pipeline.hires';

/**
 * The only way pipeline data leaves the server (HR-only). Each function lists every field it
 * returns; nothing else on the row (consent tokens, the candidate's locale, reward amounts) is sent.
 */

const DAY_MS = 86_400_000;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export interface CardHistory {
  source: 'hr_record' | 'profile' | 'none';
  departments: string[];
  joinedOn: string | null;
  leftOn: string | null;
  lastTitle: string | null;
  office: string | null;
}

/**
 * The person's time at the company: the HR record when there is one (the company's own data),
 * else what the profile says. Departments are listed most recent first, as both keep them.
 */
export function cardHistory(row: CardRow): CardHistory {
  const hr = row.hr;
  if (hr && Array.isArray(hr.departments)) {
    return {
      source: 'hr_record',
      departments: hr.departments,
      joinedOn: hr.joinedOn ?? null,
      leftOn: hr.leftOn ?? null,
      lastTitle: hr.lastTitle ?? null,
      office: hr.office ?? null,
    };
  }
  if (row.profile) {
    return {
      source: 'profile',
      departments: row.profile.departments,
      joinedOn: row.profile.joinedOn,
      leftOn: row.profile.leftOn,
      lastTitle: row.profile.lastTitle,
      office: row.profile.office,
    };
  }
  return { source: 'none', departments: [], joinedOn: null, leftOn: null, lastTitle: null, office: null };
}

/**
 * Whole years at the company (`tenureYears`, the same count as the profile); null when either
 * date is unknown — a card describes a past stay.
 */
export function yearsAtCompany(h: { joinedOn: string | null; leftOn: string | null }): number | null {
  if (!h.joinedOn || !h.leftOn) return null;
  // "Today" only matters for a last day still to come; the card then counts the stay so far.
  return tenureYears(h.joinedOn, h.leftOn, isoToday());
}

const displayName = (row: CardRow) => row.personName ?? row.referral?.candidateName ?? '—';

function presentJob(job: CardRow['job']): PipelineJobRef | null {
  return job?.id ? { id: job.id, titleJa: job.titleJa, titleEn: job.titleEn } : null;
}

export function presentCardSummary(row: CardRow, now: Date): PipelineCardSummary {
  const history = cardHistory(row);
  return {
    id: row.card.id,
    source: row.card.source,
    stage: row.card.stage,
    displayName: displayName(row),
    memberId: row.card.userId,
    job: presentJob(row.job),
    daysInStage: Math.max(0, Math.floor((now.getTime() - row.card.stageChangedAt.getTime()) / DAY_MS)),
    stageChangedAt: row.card.stageChangedAt.toISOString(),
    rehireEligibility: row.exitCase?.eligibility ?? null,
    lastDepartment: history.departments[0] ?? null,
    lastTitle: history.lastTitle,
    yearsAtCompany: yearsAtCompany(history),
    createdAt: row.card.createdAt.toISOString(),
  };
}

export function presentBoard(rows: CardRow[], now: Date): PipelineBoard {
  const columns = PIPELINE_STAGES.map((stage) => ({
    stage,
    count: 0,
    cards: [] as PipelineCardSummary[],
  }));
  const byStage = new Map<PipelineStage, (typeof columns)[number]>(columns.map((c) => [c.stage, c]));
  const jobs = new Map<string, PipelineJobRef>();
  for (const row of rows) {
    const column = byStage.get(row.card.stage);
    if (!column) continue;
    column.cards.push(presentCardSummary(row, now));
    column.count = Number(row.stageCount);
    const job = presentJob(row.job);
    if (job) jobs.set(job.id, job);
  }
  return {
    columns,
    total: columns.reduce((sum, c) => sum + c.count, 0),
    jobs: [...jobs.values()].sort((a, b) =>
      (a.titleJa ?? a.titleEn ?? '').localeCompare(b.titleJa ?? b.titleEn ?? ''),
    ),
  };
}

export function presentNote(n: CardExtras['notes'][number]): PipelineNote {
  return {
    id: n.id,
    body: n.body,
    author: n.authorId && n.authorName ? { id: n.authorId, displayName: n.authorName } : null,
    createdAt: n.createdAt.toISOString(),
  };
}

export function presentExport(e: AtsExportRow & { actorName?: string | null }): AtsExport {
  return {
    id: e.id,
    kind: e.kind,
    status: e.status,
    attempts: e.attempts,
    lastError: e.lastError,
    actor: e.actorId && e.actorName ? { id: e.actorId, displayName: e.actorName } : null,
    deliveredAt: iso(e.deliveredAt),
    createdAt: e.createdAt.toISOString(),
  };
}

const isStage = (v: unknown): v is PipelineStage =>
  typeof v === 'string' && (PIPELINE_STAGES as readonly string[]).includes(v);
const moveReason = (v: unknown): StageMoveReason | null =>
  typeof v === 'string' && (STAGE_MOVE_REASONS as readonly string[]).includes(v)
    ? (v as StageMoveReason)
    : null;

function presentEvents(events: CardExtras['events']): StageEvent[] {
  const out: StageEvent[] = [];
  for (const e of events) {
    const actor = e.actorId && e.actorName ? { id: e.actorId, displayName: e.actorName } : null;
    if (e.action === 'pipeline_card.opened') {
      out.push({
        kind: 'opened',
        from: null,
        to: 'interested',
        actor,
        at: e.createdAt.toISOString(),
        reason: null,
      });
    } else if (isStage(e.data.to)) {
      out.push({
        kind: 'moved',
        from: isStage(e.data.from) ? e.data.from : null,
        to: e.data.to,
        actor,
        at: e.createdAt.toISOString(),
        reason: moveReason(e.data.reason),
      });
    }
  }
  return out;
}

export function presentCardDetail(
  row: CardRow,
  extras: CardExtras,
  { now, atsWebhook }: { now: Date; atsWebhook: AtsWebhookMode },
): PipelineCardDetail {
  const history = cardHistory(row);
  const hire = extras.hire;
  const profile = row.profile;
  return {
    ...presentCardSummary(row, now),
    person: {
      displayName: displayName(row),
      email: row.personEmail ?? row.referral?.candidateEmail ?? null,
      memberId: row.card.userId,
      role: row.personRole ?? null,
    },
    history,
    eligibility: {
      value: row.exitCase?.eligibility ?? null,
      reason: row.exitCase?.reason ?? null,
      caseId: row.exitCase?.id ?? null,
      lastDay: row.exitCase?.lastDay ?? null,
    },
    career: profile
      ? {
          currentEmployer: profile.currentEmployer,
          currentTitle: profile.currentTitle,
          industry: profile.industry,
          location: profile.location,
          skills: profile.skills,
        }
      : null,
    interest:
      row.card.source === 'interest' && row.interest?.id
        ? {
            message: row.interest.message,
            preferredRoles: row.interest.preferredRoles,
            preferredLocations: row.interest.preferredLocations,
            timing: row.interest.timing,
            createdAt: row.interest.createdAt.toISOString(),
          }
        : null,
    referral:
      row.card.source === 'referral' && row.referral?.id
        ? {
            // A card is shown only for a consented referral, which holds its reason (decision 020).
            reason: row.referral.reason ?? '',
            referrer:
              row.referral.referrerId && row.referrerName
                ? { id: row.referral.referrerId, displayName: row.referrerName }
                : null,
            consentedAt: iso(row.referral.consentedAt),
            createdAt: row.referral.createdAt.toISOString(),
          }
        : null,
    notes: extras.notes.map(presentNote),
    stageHistory: presentEvents(extras.events),
    hire: hire
      ? {
          id: hire.id,
          startOn: hire.startOn,
          timeZone: hire.timeZone,
          roleTitle: hire.roleTitle,
          department: hire.department,
          startedAt: iso(hire.startedAt),
          hasStarted: hireHasStarted(hire, now),
          recordedBy:
            hire.recordedBy && hire.recordedByName
              ? { id: hire.recordedBy, displayName: hire.recordedByName }
              : null,
          createdAt: hire.createdAt.toISOString(),
        }
      : null,
    atsExports: extras.exports.map(presentExport),
    atsWebhook,
  };
}

// ---- CSV (ATS import, Excel) -----------------------------------------------------------------------

const CSV_COLUMNS = [
  'id',
  'source',
  'stage',
  'name',
  'email',
  'job',
  'daysInStage',
  'eligibility',
  'lastDepartment',
  'lastTitle',
  'yearsAtCompany',
  'joinedOn',
  'leftOn',
  'currentEmployer',
  'currentTitle',
  'location',
  'skills',
  'stageChangedAt',
  'createdAt',
] as const;

/** The CSV rows (header first) of cards, labels in `locale`; `t` translates server keys. */
export function presentCsvRows(
  rows: CardRow[],
  { now, locale, t }: { now: Date; locale: 'ja' | 'en'; t: (key: string) => string },
): string[][] {
  const header = CSV_COLUMNS.map((c) => t(`pipeline.csv.${c}`));
  const body = rows.map((row) => {
    const s = presentCardSummary(row, now);
    const history = cardHistory(row);
    const job = s.job
      ? ((locale === 'en' ? s.job.titleEn : s.job.titleJa) ?? s.job.titleJa ?? s.job.titleEn)
      : null;
    const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: s.id,
      source: t(`pipeline.source.${s.source}`),
      stage: t(`pipeline.stage.${s.stage}`),
      name: s.displayName,
      email: row.personEmail ?? row.referral?.candidateEmail ?? '',
      job: job ?? '',
      daysInStage: String(s.daysInStage),
      eligibility: s.rehireEligibility ? t(`pipeline.eligibility.${s.rehireEligibility}`) : '',
      lastDepartment: s.lastDepartment ?? '',
      lastTitle: s.lastTitle ?? '',
      yearsAtCompany: s.yearsAtCompany === null ? '' : String(s.yearsAtCompany),
      joinedOn: history.joinedOn ?? '',
      leftOn: history.leftOn ?? '',
      currentEmployer: row.profile?.currentEmployer ?? '',
      currentTitle: row.profile?.currentTitle ?? '',
      location: row.profile?.location ?? '',
      skills: (row.profile?.skills ?? []).join(locale === 'ja' ? '、' : ', '),
      stageChangedAt: s.stageChangedAt,
      createdAt: s.createdAt,
    };
    // Formulas are neutralised by the one CSV writer (server/lib/csv.ts).
    return CSV_COLUMNS.map((c) => cells[c]);
  });
  return [header, ...body];
}

/** Hires this year and by year, open cards by stage, and how many cards led to a hire. */
export function presentStats(stats: PipelineStats): PipelineStats {
  const { bySource } = stats.conversion;
  const openByStage = Object.fromEntries(PIPELINE_STAGES.map((s) => [s, stats.openByStage[s]]));
  return {
    year: stats.year,
    thisYear: {
      total: stats.thisYear.total,
      interest: stats.thisYear.interest,
      referral: stats.thisYear.referral,
    },
    hiresByYear: stats.hiresByYear.map((y) => ({
      year: y.year,
      interest: y.interest,
      referral: y.referral,
      total: y.total,
    })),
    openByStage: openByStage as PipelineStats['openByStage'],
    conversion: {
      cards: stats.conversion.cards,
      hired: stats.conversion.hired,
      rate: stats.conversion.rate,
      bySource: Object.fromEntries(
        PIPELINE_SOURCES.map((source) => [
          source,
          { cards: bySource[source].cards, hired: bySource[source].hired },
        ]),
      ) as PipelineStats['conversion']['bySource'],
    },
  };
}

export const presentStartJobResult = (result: { started: number }) => ({ started: result.started });

/** The development receiver's last deliveries: ids and times, never a payload. */
export function presentAtsInbox(entries: AtsInbox['items']): AtsInbox {
  return {
    items: entries.map((e) => ({ exportId: e.exportId, schema: e.schema, receivedAt: e.receivedAt })),
  };
}
