import { eq } from 'drizzle-orm';
import type { Locale } from '#common/locale';
import { ALUMNI_WELCOME_MAIL_KIND } from '#common/mail';
import type { Db } from '#server/db/client';
import { careerProposals, profiles, users } from '#server/db/schema/index';
import { addresseeName } from '#server/features/invitations/invitation-mail';
import type { CaseRow } from '#server/lib/access/exit-cases';
import type { AppDeps } from '#server/lib/deps';
import { type OutgoingMail, queueMail } from '#server/lib/outbox';
import { t } from './offboarding.messages';

/** Where the person reads their case (and the proposal on it) after the last day. */
export const casePath = (caseId: string) => `/exits/${caseId}`;

type Proposal = Pick<
  typeof careerProposals.$inferSelect,
  'outsidePath' | 'outsideRoles' | 'outsideIndustries' | 'insidePath' | 'insidePositions'
>;

const joinList = (items: string[], locale: Locale) => items.join(locale === 'ja' ? '、' : ', ');

/** "Outside: text (roles, industries)" — the free text first, then the lists that back it. */
function pathLine(text: string | null, lists: string[][], locale: Locale): string | null {
  const extras = lists.flat().filter((s) => s.trim() !== '');
  const parts = [text?.trim() || null, extras.length ? joinList(extras, locale) : null].filter(Boolean);
  if (parts.length === 0) return null;
  return locale === 'ja' ? parts.join('（') + (parts.length > 1 ? '）' : '') : parts.join(' — ');
}

/** The welcome email, composed in the person's language (pure: tested without a database). */
export function alumniWelcomeMail(options: {
  to: string;
  /** The address the account signs in with (the personal one, once the transition moved it). */
  signInEmail: string;
  locale: Locale;
  name: string;
  baseUrl: string;
  userId: string;
  caseId: string;
  openToReturn: boolean;
  proposal: Proposal | null;
}): OutgoingMail {
  const { locale, baseUrl } = options;
  const sections = [
    t(locale, 'mail.alumniWelcome.body', {
      name: options.name,
      email: options.signInEmail,
      loginUrl: `${baseUrl}/login`,
    }),
  ];
  if (options.proposal) {
    const p = options.proposal;
    const outside = pathLine(p.outsidePath, [p.outsideRoles, p.outsideIndustries], locale);
    const inside = pathLine(p.insidePath, [p.insidePositions], locale);
    const lines = [t(locale, 'mail.alumniWelcome.proposalIntro')];
    if (outside) lines.push(t(locale, 'mail.alumniWelcome.outside', { text: outside }));
    if (inside) lines.push(t(locale, 'mail.alumniWelcome.inside', { text: inside }));
    lines.push(
      t(locale, 'mail.alumniWelcome.proposalLink', { url: `${baseUrl}${casePath(options.caseId)}` }),
    );
    sections.push(lines.join('\n'));
  }
  const profileUrl = `${baseUrl}/members/${options.userId}/edit`;
  sections.push(
    t(locale, options.openToReturn ? 'mail.alumniWelcome.returnYes' : 'mail.alumniWelcome.returnNo', {
      url: profileUrl,
    }),
  );
  sections.push(
    t(locale, 'mail.alumniWelcome.leave', {
      privacyUrl: `${baseUrl}/settings/privacy`,
      myDataUrl: `${baseUrl}/settings/my-data`,
    }),
  );
  sections.push(t(locale, 'mail.alumniWelcome.closing'));
  return {
    kind: ALUMNI_WELCOME_MAIL_KIND,
    to: options.to,
    locale,
    subject: t(locale, 'mail.alumniWelcome.subject'),
    text: sections.join('\n\n'),
    userId: options.userId,
    subjectId: options.caseId,
  };
}

/**
 * Inside the transition transaction, after the role became alumni: queues the alumni welcome
 * email (to the personal email, in the person's language: account ready, how to sign in, the
 * career proposal if shared, the "open to return" option, how to leave). Returns the mail ids to
 * dispatch after commit. Returns [] when the person declined the network or gave no personal
 * address (nothing more is sent).
 */
export async function queueAlumniWelcome(
  tx: Db,
  deps: Pick<AppDeps, 'env' | 'clock'>,
  row: CaseRow,
): Promise<string[]> {
  if (row.networkDecision === 'declined' || !row.personalEmail) return [];
  const [person] = await tx
    .select({
      locale: users.locale,
      email: users.email,
      familyName: profiles.familyName,
      givenName: profiles.givenName,
      familyNameKana: profiles.familyNameKana,
      givenNameKana: profiles.givenNameKana,
      familyNameRomaji: profiles.familyNameRomaji,
      givenNameRomaji: profiles.givenNameRomaji,
      openToReturn: profiles.openToReturn,
    })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, row.userId));
  if (!person) return [];
  // Read directly (the proposal feature owns the row): only a proposal shared with the person.
  const [proposal] = await tx
    .select({
      outsidePath: careerProposals.outsidePath,
      outsideRoles: careerProposals.outsideRoles,
      outsideIndustries: careerProposals.outsideIndustries,
      insidePath: careerProposals.insidePath,
      insidePositions: careerProposals.insidePositions,
      sharedAt: careerProposals.sharedAt,
    })
    .from(careerProposals)
    .where(eq(careerProposals.caseId, row.id));
  const mail = alumniWelcomeMail({
    to: row.personalEmail,
    // The exits transition moves the account to the personal address unless another member has it.
    signInEmail: person.email,
    locale: person.locale,
    name: addresseeName(person, person.locale),
    baseUrl: deps.env.BASE_URL,
    userId: row.userId,
    caseId: row.id,
    openToReturn: row.openToReturn || person.openToReturn,
    proposal: proposal?.sharedAt ? proposal : null,
  });
  return queueMail(tx, mail, { now: deps.clock.now() });
}
