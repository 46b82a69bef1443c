import { eq, type SQL, sql } from 'drizzle-orm';
import {
  type ProposalComment,
  type ProposalUpdate,
  SUGGESTION_MIN_GROUP,
  type Suggestions,
} from '#common/exit-proposals';
import { exitFieldVisible } from '#common/exits-reference';
import type { Db } from '#server/db/client';
import { careerProposals, profiles, users } from '#server/db/schema/index';
import { consentedSql } from '#server/lib/access/consented';
import { findCaseForViewer } from '#server/lib/access/exit-cases';
import type { Viewer } from '#server/lib/access/policy';
import type { Clock } from '#server/lib/clock';
import { AppError, notFound } from '#server/lib/errors';
import {
  canCommentProposal,
  canReadProposal,
  canSeeSuggestions,
  canWriteProposal,
} from './exit-proposals.policy';

export type ProposalRow = typeof careerProposals.$inferSelect;
type Deps = { db: Db; clock: Clock; viewer: Viewer; caseId: string };

async function loadProposal(db: Db, caseId: string) {
  const [row] = await db
    .select({ proposal: careerProposals, authorName: users.name })
    .from(careerProposals)
    .leftJoin(users, eq(users.id, careerProposals.authorId))
    .where(eq(careerProposals.caseId, caseId));
  return row ? { ...row.proposal, authorName: row.authorName } : null;
}

/**
 * The proposal of a case for a viewer who may read it, with what they may do; null for the leaver
 * of the case before it is shared ("nothing yet" is a state of their own case, and a draft looks
 * the same as no proposal); 404 for anyone else who may not read it.
 */
export async function findProposalOrNoneYet({
  db,
  clock,
  viewer,
  caseId,
  audit = false,
}: Deps & { audit?: boolean }) {
  const { row: kase, access } = await findCaseForViewer({ db, clock }, { viewer, caseId, audit });
  const proposal = await loadProposal(db, caseId);
  const sharedAt = proposal?.sharedAt ?? null;
  if (!canReadProposal(access, kase, sharedAt)) {
    if (access === 'leaver' && exitFieldVisible('proposal', access)) return null;
    throw notFound();
  }
  return {
    caseId,
    proposal,
    can: { edit: canWriteProposal(access, kase), comment: canCommentProposal(access, sharedAt) },
  };
}

/** The proposal of a case for a viewer who may read it (404 otherwise), with what they may do. */
export async function findProposalForViewer(deps: Deps & { audit?: boolean }) {
  const result = await findProposalOrNoneYet(deps);
  if (!result) throw notFound();
  return result;
}

/** Creates or replaces the conversation notes and the two paths (HR, or the manager while open). */
export async function saveProposal({ db, clock, viewer, caseId, input }: Deps & { input: ProposalUpdate }) {
  const { row: kase, access } = await findCaseForViewer({ db, clock }, { viewer, caseId });
  if (!canWriteProposal(access, kase)) throw notFound();
  const now = clock.now();
  const values = {
    heldOn: input.heldOn,
    strengths: emptyToNull(input.strengths),
    learned: emptyToNull(input.learned),
    outsidePath: emptyToNull(input.outsidePath),
    outsideRoles: dedupe(input.outsideRoles),
    outsideIndustries: dedupe(input.outsideIndustries),
    insidePath: emptyToNull(input.insidePath),
    insidePositions: dedupe(input.insidePositions),
    authorId: viewer.id,
    updatedAt: now,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(careerProposals)
      .values({ caseId, ...values })
      .onConflictDoUpdate({ target: careerProposals.caseId, set: values });
  });
  return findProposalForViewer({ db, clock, viewer, caseId });
}

/** Makes the proposal visible to the leaver. Sharing an empty proposal is a mistake (400). */
export async function shareProposal({ db, clock, viewer, caseId }: Deps) {
  const { row: kase, access } = await findCaseForViewer({ db, clock }, { viewer, caseId });
  if (!canWriteProposal(access, kase)) throw notFound();
  const now = clock.now();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(careerProposals)
      .set({ sharedAt: sql`coalesce(${careerProposals.sharedAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(careerProposals.caseId, caseId))
      .returning({ caseId: careerProposals.caseId });
    if (!row) throw new AppError('bad_request', 'error.proposal_empty');
  });
  return findProposalForViewer({ db, clock, viewer, caseId });
}

/** The leaver's reply to a shared proposal (replaces an earlier one). */
export async function commentOnProposal({
  db,
  clock,
  viewer,
  caseId,
  input,
}: Deps & { input: ProposalComment }) {
  const { access } = await findCaseForViewer({ db, clock }, { viewer, caseId });
  const now = clock.now();
  const updated = await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ sharedAt: careerProposals.sharedAt })
      .from(careerProposals)
      .where(eq(careerProposals.caseId, caseId))
      .for('update');
    if (!canCommentProposal(access, current?.sharedAt ?? null)) return false;
    await tx
      .update(careerProposals)
      .set({ leaverComment: input.comment, leaverCommentedAt: now })
      .where(eq(careerProposals.caseId, caseId));
    return true;
  });
  if (!updated) throw notFound();
  return findProposalForViewer({ db, clock, viewer, caseId });
}

const textArray = (values: string[]): SQL =>
  values.length === 0
    ? sql`'{}'::text[]`
    : sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`;

/**
 * "People with your background now work as …": alumni who consented to the directory and share
 * the leaver's department, a skill or their last title, aggregated. Only fields those alumni show
 * to employees count (the leaver reads the result), no names leave, and every value is backed by
 * at least SUGGESTION_MIN_GROUP people.
 */
export async function suggestCareers({ db, clock, viewer, caseId }: Deps): Promise<Suggestions> {
  const { row: kase, access } = await findCaseForViewer({ db, clock }, { viewer, caseId });
  if (!canSeeSuggestions(access, kase)) throw notFound();
  const [me] = await db
    .select({ departments: profiles.departments, skills: profiles.skills, lastTitle: profiles.lastTitle })
    .from(profiles)
    .where(eq(profiles.userId, kase.userId));
  const basis = {
    departments: me?.departments ?? [],
    skills: me?.skills ?? [],
    lastTitle: me?.lastTitle?.trim() || null,
  };
  const empty = { matched: 0, basis, titles: [], industries: [], skills: [] };
  if (basis.departments.length === 0 && basis.skills.length === 0 && !basis.lastTitle) return empty;

  const shown = (field: string) => sql`not (${field} = any(${profiles.hiddenFromEmployees}))`;
  const lowered = (values: string[]) => textArray(values.map((v) => v.toLowerCase()));
  const matches: SQL[] = [];
  if (basis.departments.length > 0) {
    matches.push(
      sql`(${shown('departments')} and ${profiles.departments} && ${textArray(basis.departments)})`,
    );
  }
  if (basis.skills.length > 0) {
    matches.push(sql`(${shown('skills')} and
      (select array_agg(lower(s)) from unnest(${profiles.skills}) s) && ${lowered(basis.skills)})`);
  }
  if (basis.lastTitle) {
    matches.push(
      sql`(${shown('lastTitle')} and lower(trim(${profiles.lastTitle})) = ${basis.lastTitle.toLowerCase()})`,
    );
  }
  const cohort = sql`select ${profiles.userId} as user_id, ${profiles.hiddenFromEmployees} as hidden,
      ${profiles.currentTitle} as current_title, ${profiles.industry} as industry, ${profiles.skills} as skills
    from ${profiles}
    where ${profiles.role} = 'alumni' and ${profiles.isActive} and ${profiles.userId} <> ${kase.userId}
      and ${consentedSql('directory')}
      and (${sql.join(matches, sql` or `)})`;

  const min = SUGGESTION_MIN_GROUP;
  const result = await db.execute(sql`with cohort as (${cohort}),
    titles as (
      select min(trim(current_title)) as value, count(*)::int as count from cohort
      where current_title is not null and trim(current_title) <> ''
        and not ('currentTitle' = any(hidden))
      group by lower(trim(current_title)) having count(*) >= ${min}
      order by count(*) desc, lower(min(trim(current_title))) limit 12),
    industries as (
      select industry as value, count(*)::int as count from cohort
      where industry is not null and not ('industry' = any(hidden))
      group by industry having count(*) >= ${min}
      order by count(*) desc, 1 limit 12),
    skills as (
      select min(s) as value, count(distinct user_id)::int as count
      from cohort, unnest(skills) s
      where not ('skills' = any(hidden))
      group by lower(s) having count(distinct user_id) >= ${min}
      order by count(distinct user_id) desc, lower(min(s)) limit 15)
    select (select count(*)::int from cohort) as matched,
      coalesce((select json_agg(t) from titles t), '[]') as titles,
      coalesce((select json_agg(i) from industries i), '[]') as industries,
      coalesce((select json_agg(s) from skills s), '[]') as skills`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
  const matched = Number(row.matched ?? 0);
  if (matched < min) return empty;
  const list = (v: unknown) =>
    (typeof v === 'string' ? JSON.parse(v) : (v ?? [])) as { value: string; count: number }[];
  return {
    matched,
    basis,
    titles: list(row.titles),
    industries: list(row.industries),
    skills: list(row.skills),
  };
}

const emptyToNull = (v: string | null) => (v === null || v.trim() === '' ? null : v);
const dedupe = <T extends string>(values: T[]) => [...new Set(values)];
