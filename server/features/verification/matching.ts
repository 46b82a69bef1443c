import { sql } from 'drizzle-orm';
import { normalizeEmployeeNumber } from '#common/employee-number';
import { kanaToRomaji, type PersonNames, passportRomaji } from '#common/names';
import { normalizeForSearch } from '#common/search-text';
import type { EligibilityReason, EligibilityRules, FactAgreement, MatchFacts } from '#common/verification';
import type { Db } from '#server/db/client';
import { hrRecords } from '#server/db/schema/index';

export type HrRecordRow = typeof hrRecords.$inferSelect;

/** What a join request claims, normalised (emails lower-cased, months as YYYY-MM-01). */
export interface Claim extends PersonNames {
  employeeNumber: string | null;
  workEmail: string | null;
  joinedOn: string | null;
  leftOn: string | null;
}

export interface Candidate {
  record: HrRecordRow;
  score: number;
  isExact: boolean;
  facts: MatchFacts;
}

/** Candidates kept per request (best first). */
const MAX_CANDIDATES = 5;
/** pg_trgm word similarity from which a romaji name is a candidate at all. */
const NAME_THRESHOLD = 0.5;
const WEIGHTS = { name: 0.45, id: 0.35, dates: 0.2 };

const join = (a?: string | null, b?: string | null) =>
  a?.trim() && b?.trim() ? normalizeForSearch(`${a} ${b}`) : null;
const romajiOf = (s?: string | null) => (s?.trim() ? passportRomaji(normalizeForSearch(s)) : null);
const romajiOfKana = (s?: string | null) =>
  s?.trim() ? passportRomaji(kanaToRomaji(normalizeForSearch(s))) : null;

/**
 * Every spelling of a full name that counts as "the same name": kanji, kana (katakana folded to
 * hiragana), romaji in passport style (Satou → sato), and the romaji of the kana reading, so a
 * name given only in kana matches a record holding only romaji and the other way round.
 */
export function nameKeys(n: PersonNames): Set<string> {
  const keys = [
    join(n.familyName, n.givenName),
    join(n.familyNameKana, n.givenNameKana),
    join(romajiOf(n.familyNameRomaji), romajiOf(n.givenNameRomaji)),
    join(romajiOfKana(n.familyNameKana), romajiOfKana(n.givenNameKana)),
    // A Latin-script name is its own romaji.
    join(romajiOf(n.familyName), romajiOf(n.givenName)),
  ];
  return new Set(keys.filter((k): k is string => !!k));
}

/** The family name alone, in the same spellings (a given name spelt differently is a partial match). */
function familyKeys(n: PersonNames): Set<string> {
  const keys = [
    n.familyName.trim() ? normalizeForSearch(n.familyName) : null,
    n.familyNameKana?.trim() ? normalizeForSearch(n.familyNameKana) : null,
    romajiOf(n.familyNameRomaji),
    romajiOfKana(n.familyNameKana),
    romajiOf(n.familyName),
  ];
  return new Set(keys.filter((k): k is string => !!k));
}

/** Romaji spellings to compare with pg_trgm (typos, ou/o, kana typed for another reading). */
export function romajiQueries(n: PersonNames): string[] {
  const out = new Set<string>();
  const a = join(romajiOf(n.familyNameRomaji), romajiOf(n.givenNameRomaji));
  const b = join(romajiOfKana(n.familyNameKana), romajiOfKana(n.givenNameKana));
  for (const q of [a, b]) if (q && /^[\x20-\x7e]+$/.test(q)) out.add(q);
  return [...out].slice(0, 2);
}

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/** Dates agree when they are within one month of each other (people remember months, not days). */
function compareDate(claimed: string | null, recorded: string | null): FactAgreement {
  if (!claimed && !recorded) return 'agree';
  if (!claimed || !recorded) return claimed ? 'unknown' : 'disagree';
  return Math.abs(monthIndex(claimed) - monthIndex(recorded)) <= 1 ? 'agree' : 'disagree';
}

function compareValue(claimed: string | null, recorded: string | null): FactAgreement {
  if (!claimed || !recorded) return 'unknown';
  return claimed.trim().toLowerCase() === recorded.trim().toLowerCase() ? 'agree' : 'disagree';
}

const factScore = (f: FactAgreement) => (f === 'agree' ? 1 : f === 'unknown' || f === 'partial' ? 0.5 : 0);

/**
 * Compares one claim with one HR record. Exact: employee number or work email equal (and neither
 * contradicts), the name equal in some script, and both dates within a month. Otherwise a score
 * 0–1 over the name (exact, or pg_trgm similarity of the romaji) and the facts that agree.
 */
export function compareClaim(claim: Claim, record: HrRecordRow, nameSimilarity: number): Candidate {
  const claimKeys = nameKeys(claim);
  const recordKeys = nameKeys(record);
  const nameExact = [...claimKeys].some((k) => recordKeys.has(k));
  const recordFamily = familyKeys(record);
  const familyExact = !nameExact && [...familyKeys(claim)].some((k) => recordFamily.has(k));
  const nameScore = nameExact ? 1 : Math.max(familyExact ? 0.5 : 0, Math.min(nameSimilarity, 0.95));
  const facts: MatchFacts = {
    name: nameExact ? 'agree' : nameScore >= 0.5 ? 'partial' : 'disagree',
    employeeNumber: compareValue(
      claim.employeeNumber && normalizeEmployeeNumber(claim.employeeNumber),
      normalizeEmployeeNumber(record.employeeNumber),
    ),
    workEmail: compareValue(claim.workEmail, record.workEmail),
    joinedOn: compareDate(claim.joinedOn, record.joinedOn),
    leftOn: compareDate(claim.leftOn, record.leftOn),
  };
  const ids = [facts.employeeNumber, facts.workEmail];
  const idAgrees = ids.includes('agree') && !ids.includes('disagree');
  const idScore = idAgrees ? 1 : ids.includes('agree') ? 0.5 : 0;
  const datesScore = (factScore(facts.joinedOn) + factScore(facts.leftOn)) / 2;
  const score = WEIGHTS.name * nameScore + WEIGHTS.id * idScore + WEIGHTS.dates * datesScore;
  const isExact = idAgrees && nameExact && facts.joinedOn === 'agree' && facts.leftOn === 'agree';
  return { record, score: Math.round(score * 1000) / 1000, isExact, facts };
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * HR records this claim may be about, best first. One query: the employee number or work email
 * (btree indexes), the romaji spellings by pg_trgm word similarity on `match_name` (GIN trigram
 * index), or the kanji/kana name contained in `match_name`. Run inside a transaction (the
 * similarity threshold is set for it only).
 */
export async function findCandidates(tx: Db, claim: Claim): Promise<Candidate[]> {
  const [q1 = null, q2 = null] = romajiQueries(claim);
  const kanji = join(claim.familyName, claim.givenName);
  const kana = join(claim.familyNameKana, claim.givenNameKana);
  const like = (s: string | null) => (s ? `%${likeEscape(s)}%` : null);
  await tx.execute(sql.raw(`set local pg_trgm.word_similarity_threshold = ${NAME_THRESHOLD}`));
  const similarity = sql<number>`greatest(
      coalesce(word_similarity(${q1}::text, ${hrRecords.matchName}), 0),
      coalesce(word_similarity(${q2}::text, ${hrRecords.matchName}), 0))`;
  const rows = await tx
    .select({ record: hrRecords, similarity })
    .from(hrRecords)
    .where(
      sql`${hrRecords.employeeNumber} = ${claim.employeeNumber && normalizeEmployeeNumber(claim.employeeNumber)}
        or lower(${hrRecords.workEmail}) = ${claim.workEmail}
        or ${q1}::text <% ${hrRecords.matchName}
        or ${q2}::text <% ${hrRecords.matchName}
        or ${hrRecords.matchName} like ${like(kanji)}
        or ${hrRecords.matchName} like ${like(kana)}`,
    )
    .orderBy(sql`${similarity} desc`, hrRecords.id)
    .limit(50);
  return rows
    .map((r) => compareClaim(claim, r.record, Number(r.similarity)))
    .sort((a, b) => Number(b.isExact) - Number(a.isExact) || b.score - a.score)
    .slice(0, MAX_CANDIDATES);
}

const wholeMonthsBetween = (from: string, to: string) => monthIndex(to) - monthIndex(from);

/** Which of HR's rules this record does not meet, on `today` (YYYY-MM-DD). */
export function eligibilityOf(
  record: Pick<HrRecordRow, 'joinedOn' | 'leftOn' | 'leaveReason'>,
  rules: EligibilityRules,
  today: string,
): EligibilityReason[] {
  const reasons: EligibilityReason[] = [];
  const isCurrent = !record.leftOn || record.leftOn >= today;
  if (isCurrent && !rules.allowCurrentEmployees) reasons.push('current_employee');
  if (rules.minTenureMonths > 0) {
    const end = record.leftOn && record.leftOn < today ? record.leftOn : today;
    if (!record.joinedOn || wholeMonthsBetween(record.joinedOn, end) < rules.minTenureMonths) {
      reasons.push('tenure_too_short');
    }
  }
  if (record.leaveReason && rules.excludedLeaveReasons.includes(record.leaveReason)) {
    reasons.push('leave_reason_excluded');
  }
  return reasons;
}
