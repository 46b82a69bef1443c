import { and, eq, getTableColumns, getTableName, inArray, is, ne, or, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { REFERRAL_CONSENT_MAIL_KIND } from '#common/mail';
import { type DataCategory, FORMER_MEMBER_NAME } from '#common/privacy-reference';
import * as schema from '#server/db/schema/index';
import { REDACTED_CANDIDATE } from '#server/features/referrals/referral-retention';

/**
 * The register of personal data (decision 011): for EVERY table of the schema, either how to find
 * a member's rows — with every column classified — or why the table holds no personal data.
 * Export, the "what we hold" summary and erasure are all driven from here, and
 * personal-data.test.ts fails when a table (or a column of a listed table) is missing, so a table
 * added later cannot be forgotten.
 */

/** Everything that identifies the member across tables, gathered before anything is erased. */
export interface DataSubject {
  userId: string;
  /** Lower-cased addresses: the account's and those on their HR record. */
  emails: string[];
  /** Their employee number(s): profile and HR record. */
  employeeNumbers: string[];
  /**
   * Ids of the pipeline cards about them (`theirCards`), gathered first: erasure deletes the cards
   * before it reaches the audit log, whose rows about those cards must still be found (decision 020).
   */
  cardIds: string[];
}

/**
 * `personal`: a value about the person (exported, erased). `context`: needed to read the row
 * (ids, codes, dates; exported). `secret`: credentials and tokens (erased, never exported).
 */
export type ColumnClass = 'personal' | 'context' | 'secret';

/** Content a member wrote: kept with the author removed when the org's policy says so. */
export interface ContentErasure {
  content: {
    /** Columns set when content is kept (author id → null, author name → "Former member"). */
    anonymise: Record<string, unknown>;
  };
}

/**
 * A value erasure sets: a constant, or SQL built from the member (e.g. `array_remove` of their id).
 * Plain functions are called with the subject; anything else is written as is.
 */
export type ErasedValue = unknown | ((subject: DataSubject) => SQL);

/** One way a table's rows concern the member, and what erasure does to those rows. */
export interface RowLink {
  /** Why these rows concern the member (shown in the export README). */
  via: string;
  where: (subject: DataSubject) => SQL | undefined;
  /** Delete the rows, clear the columns that point at the member, or follow the content policy. */
  erase: 'delete' | { set: Record<string, ErasedValue> } | ContentErasure;
  /** Columns exported for these rows (default: every personal and context column). */
  exportColumns?: string[];
}

export interface PersonalTable {
  kind: 'personal';
  table: PgTable;
  category: DataCategory;
  /** Every column of the table, by its TypeScript key. */
  columns: Record<string, ColumnClass>;
  links: RowLink[];
}

export interface NoPersonalData {
  kind: 'none';
  table: PgTable;
  reason: string;
}

export type RegistryEntry = PersonalTable | NoPersonalData;

const lowerIn = (column: AnyPgColumn, values: string[]) =>
  values.length ? inArray(sql`lower(${column})`, values) : undefined;
const anyIn = (column: AnyPgColumn, values: string[]) =>
  values.length ? inArray(column, values) : undefined;
/** Rows whose JSON mentions the member's id (audit data written before the "ids only" rule held). */
const jsonMentions = (column: AnyPgColumn, userId: string) => sql`${column}::text like ${`%${userId}%`}`;

const {
  users,
  sessions,
  accounts,
  verifications,
  profiles,
  consentEvents,
  hrRecords,
  hrImports,
  hrImportErrors,
  erasureSuppressions,
  rateLimits,
  invitations,
  invitationBatches,
  mailMessages,
  auditEvents,
  orgSettings,
  verificationRequests,
  leaverCases,
  careerProposals,
  exitSurveyQuestions,
  exitSurveyResponses,
  offboardingTemplates,
  offboardingTasks,
  reportingLines,
  jobs,
  digestSubscriptions,
  jobAlerts,
  jobAlertDeliveries,
  returnInterests,
  referrals,
  pipelineCards,
  pipelineNotes,
  hires,
  atsExports,
  groups,
  groupMembers,
  posts,
  postRevisions,
  postMedia,
  shareLinks,
  comments,
  reactions,
  reports,
  postingSuspensions,
  notifications,
  notificationPreferences,
  notificationMutes,
  companyPosters,
  memberModerationNotes,
  homeChecklistDismissals,
  connectionRequests,
  connections,
  follows,
  blocks,
  peopleReports,
  conversations,
  conversationParticipants,
  messages,
  adviceRequests,
  peopleSuggestions,
  peopleSuggestionImpressions,
  peopleSuggestionRuns,
  vocabularyTerms,
  profilePositions,
  profilePhotos,
  eventSeries,
  events,
  eventHosts,
  eventRegistrations,
  eventReminders,
  eventSurveyResponses,
  calendarFeeds,
} = schema;

/** Rows of member text (posts, comments) that mention the member: by the list, or by the token. */
const mentions = (ids: AnyPgColumn, markdown: AnyPgColumn, userId: string) =>
  sql`(${userId} = any(${ids}) or ${markdown} like ${`%](member:${userId})%`})`;

/** What an erased member's mention reads as in others' texts (both languages: no reader locale here). */
const FORMER_MENTION = `@${FORMER_MEMBER_NAME.ja} / ${FORMER_MEMBER_NAME.en}`;

/** The Markdown with the member's `@[name](member:<id>)` tokens (name and id) replaced. */
const withoutMentionMarkdown = (column: AnyPgColumn, userId: string) =>
  sql`regexp_replace(${column}, ${`@\\[[^]\n]{1,100}\\]\\(member:${userId}\\)`}, ${FORMER_MENTION}, 'g')`;

/** The rendered HTML with the links to the member's profile (name and id) replaced. */
const withoutMentionHtml = (column: AnyPgColumn, userId: string) =>
  sql`regexp_replace(${column}, ${`<a [^>]*href="/members/${userId}"[^>]*>[^<]*</a>`}, ${FORMER_MENTION}, 'g')`;

/** Rows of exit tables that belong to a case of the member (decision 012). */
const ofTheirCase = (column: AnyPgColumn, userId: string) =>
  sql`${column} in (select id from leaver_cases where user_id = ${userId})`;

/** Ids of pipeline cards about the member: their return interests, or referrals of their email. */
export const theirCards = (s: Pick<DataSubject, 'userId' | 'emails'>) => {
  const referred = s.emails.length
    ? sql` or referral_id in (select id from referrals where lower(candidate_email) in (${sql.join(
        s.emails.map((e) => sql`${e}`),
        sql`, `,
      )}))`
    : sql``;
  return sql`(select id from pipeline_cards where user_id = ${s.userId}${referred})`;
};

/**
 * In erasure order: rows that point at others first, `users` last (its delete cascades to
 * anything a link forgot, but every table lists its links explicitly anyway).
 */
export const PERSONAL_DATA: RegistryEntry[] = [
  {
    kind: 'personal',
    table: sessions,
    category: 'account',
    columns: {
      id: 'context',
      expiresAt: 'context',
      token: 'secret',
      createdAt: 'context',
      updatedAt: 'context',
      ipAddress: 'personal',
      userAgent: 'personal',
      userId: 'context',
    },
    links: [{ via: 'user_id', where: (s) => eq(sessions.userId, s.userId), erase: 'delete' }],
  },
  {
    kind: 'personal',
    table: accounts,
    category: 'account',
    columns: {
      id: 'context',
      accountId: 'context',
      providerId: 'context',
      userId: 'context',
      accessToken: 'secret',
      refreshToken: 'secret',
      idToken: 'secret',
      accessTokenExpiresAt: 'context',
      refreshTokenExpiresAt: 'context',
      scope: 'context',
      password: 'secret',
      createdAt: 'context',
      updatedAt: 'context',
    },
    links: [{ via: 'user_id', where: (s) => eq(accounts.userId, s.userId), erase: 'delete' }],
  },
  {
    kind: 'personal',
    table: verifications,
    category: 'account',
    // better-auth's one-time values (email change, password reset): keyed by email or user id.
    columns: {
      id: 'context',
      identifier: 'personal',
      value: 'secret',
      expiresAt: 'context',
      createdAt: 'context',
      updatedAt: 'context',
    },
    links: [
      {
        via: 'identifier = email or value mentions user id',
        where: (s) =>
          or(lowerIn(verifications.identifier, s.emails), jsonMentions(verifications.value, s.userId)),
        erase: 'delete',
      },
    ],
  },
  {
    kind: 'personal',
    table: consentEvents,
    category: 'consents',
    columns: {
      id: 'context',
      userId: 'context',
      purpose: 'personal',
      granted: 'personal',
      textVersion: 'context',
      locale: 'context',
      source: 'context',
      createdAt: 'context',
    },
    links: [{ via: 'user_id', where: (s) => eq(consentEvents.userId, s.userId), erase: 'delete' }],
  },
  {
    kind: 'personal',
    table: mailMessages,
    category: 'mail',
    columns: {
      id: 'context',
      kind: 'context',
      toAddress: 'personal',
      userId: 'context',
      subjectId: 'context',
      locale: 'context',
      subject: 'personal',
      text: 'personal',
      html: 'personal',
      headers: 'secret',
      status: 'context',
      attempts: 'context',
      lastError: 'personal',
      providerMessageId: 'context',
      claimedAt: 'context',
      createdAt: 'context',
      sentAt: 'context',
    },
    links: [
      {
        via: 'user_id or to_address = their email',
        where: (s) => or(eq(mailMessages.userId, s.userId), lowerIn(mailMessages.toAddress, s.emails)),
        erase: 'delete',
      },
      {
        // The consent request to a candidate names the member who referred them (decision 019).
        // Runs before `referrals` below clears referrer_id. Only ids are exported: the text is
        // about the candidate, and it carries their consent link.
        via: 'referral consent emails naming them as the referrer',
        where: (s) =>
          sql`${mailMessages.kind} = ${REFERRAL_CONSENT_MAIL_KIND} and ${mailMessages.subjectId} in (select id from referrals where referrer_id = ${s.userId})`,
        erase: 'delete',
        exportColumns: ['id', 'kind', 'subjectId', 'status', 'createdAt', 'sentAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: invitations,
    category: 'invitations',
    columns: {
      id: 'context',
      email: 'personal',
      role: 'context',
      locale: 'context',
      names: 'personal',
      tokenHash: 'secret',
      invitedBy: 'context',
      expiresAt: 'context',
      acceptedAt: 'context',
      revokedAt: 'context',
      acceptedUserId: 'context',
      hrRecordId: 'context',
      deliveryStatus: 'context',
      deliveryError: 'personal',
      sendCount: 'context',
      lastSentAt: 'context',
      createdAt: 'context',
    },
    links: [
      {
        via: 'email = their email, or accepted by them',
        where: (s) => or(lowerIn(invitations.email, s.emails), eq(invitations.acceptedUserId, s.userId)),
        erase: 'delete',
      },
      {
        // Invitations they sent as HR are about the invitee: only the link to them is theirs.
        via: 'invited_by (sent by them as HR)',
        where: (s) => eq(invitations.invitedBy, s.userId),
        erase: { set: { invitedBy: null } },
        exportColumns: ['id', 'invitedBy', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: invitationBatches,
    category: 'activity',
    columns: {
      id: 'context',
      createdBy: 'context',
      filter: 'context',
      recordIds: 'context',
      status: 'context',
      total: 'context',
      cursor: 'context',
      invited: 'context',
      skipped: 'context',
      error: 'context',
      createdAt: 'context',
      updatedAt: 'context',
      finishedAt: 'context',
    },
    links: [
      {
        via: 'created_by (requested by them as HR)',
        where: (s) => eq(invitationBatches.createdBy, s.userId),
        erase: { set: { createdBy: null } },
        exportColumns: ['id', 'createdBy', 'status', 'total', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: verificationRequests,
    category: 'verification',
    columns: {
      id: 'context',
      email: 'personal',
      familyName: 'personal',
      givenName: 'personal',
      familyNameKana: 'personal',
      givenNameKana: 'personal',
      familyNameRomaji: 'personal',
      givenNameRomaji: 'personal',
      employeeNumber: 'personal',
      workEmail: 'personal',
      joinedOn: 'personal',
      leftOn: 'personal',
      message: 'personal',
      locale: 'context',
      status: 'context',
      matchRecordId: 'context',
      matchScore: 'context',
      matchDetails: 'personal',
      eligibility: 'context',
      decidedBy: 'context',
      decidedAt: 'context',
      decisionNote: 'personal',
      decision: 'context',
      invitationId: 'context',
      createdAt: 'context',
    },
    links: [
      {
        via: 'email, work email or employee number',
        where: (s) =>
          or(
            lowerIn(verificationRequests.email, s.emails),
            lowerIn(verificationRequests.workEmail, s.emails),
            anyIn(verificationRequests.employeeNumber, s.employeeNumbers),
          ),
        erase: 'delete',
      },
      {
        via: 'decided_by (decided by them as HR)',
        where: (s) => eq(verificationRequests.decidedBy, s.userId),
        erase: { set: { decidedBy: null } },
        exportColumns: ['id', 'decidedBy', 'decidedAt', 'status'],
      },
    ],
  },
  {
    kind: 'personal',
    table: hrImportErrors,
    category: 'hr',
    columns: { importId: 'context', line: 'context', reasons: 'context', employeeNumber: 'personal' },
    links: [
      {
        via: 'employee_number',
        where: (s) => anyIn(hrImportErrors.employeeNumber, s.employeeNumbers),
        erase: 'delete',
      },
    ],
  },
  {
    kind: 'personal',
    table: hrImports,
    category: 'activity',
    columns: {
      id: 'context',
      createdBy: 'context',
      fileName: 'context',
      fileSize: 'context',
      encoding: 'context',
      mapping: 'context',
      headers: 'context',
      status: 'context',
      rowsTotal: 'context',
      rowsDone: 'context',
      rowsCreated: 'context',
      rowsUpdated: 'context',
      rowsUnchanged: 'context',
      rowsRejected: 'context',
      error: 'context',
      startedAt: 'context',
      finishedAt: 'context',
      createdAt: 'context',
      updatedAt: 'context',
    },
    links: [
      {
        via: 'created_by (uploaded by them as HR)',
        where: (s) => eq(hrImports.createdBy, s.userId),
        erase: { set: { createdBy: null } },
        exportColumns: ['id', 'createdBy', 'fileName', 'status', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: hrRecords,
    category: 'hr',
    columns: {
      id: 'context',
      employeeNumber: 'personal',
      familyName: 'personal',
      givenName: 'personal',
      familyNameKana: 'personal',
      givenNameKana: 'personal',
      familyNameRomaji: 'personal',
      givenNameRomaji: 'personal',
      workEmail: 'personal',
      personalEmail: 'personal',
      joinedOn: 'personal',
      leftOn: 'personal',
      departments: 'personal',
      lastTitle: 'personal',
      office: 'personal',
      leaveReason: 'personal',
      locale: 'context',
      matchName: 'personal',
      rowHash: 'secret',
      userId: 'context',
      lastImportId: 'context',
      createdAt: 'context',
      updatedAt: 'context',
    },
    links: [
      {
        // The company's record is erased on request too; a suppression hash keeps imports from
        // bringing it back (erasure.service.ts).
        via: 'user_id, employee number or email',
        where: (s) =>
          or(
            eq(hrRecords.userId, s.userId),
            anyIn(hrRecords.employeeNumber, s.employeeNumbers),
            lowerIn(hrRecords.workEmail, s.emails),
            lowerIn(hrRecords.personalEmail, s.emails),
          ),
        erase: 'delete',
      },
    ],
  },
  // Exit management (decision 012): the case's children first, then the case.
  {
    kind: 'personal',
    table: careerProposals,
    category: 'hr',
    columns: {
      caseId: 'context',
      heldOn: 'personal',
      strengths: 'personal',
      learned: 'personal',
      outsidePath: 'personal',
      outsideRoles: 'personal',
      outsideIndustries: 'personal',
      insidePath: 'personal',
      insidePositions: 'personal',
      authorId: 'context',
      sharedAt: 'context',
      leaverComment: 'personal',
      leaverCommentedAt: 'context',
      updatedAt: 'context',
    },
    links: [
      {
        via: 'the case of their exit',
        where: (s) => ofTheirCase(careerProposals.caseId, s.userId),
        erase: 'delete',
      },
      {
        // A proposal they wrote as a manager is about the leaver: only the link to them is theirs.
        via: 'author_id (written by them as manager)',
        where: (s) => eq(careerProposals.authorId, s.userId),
        erase: { set: { authorId: null } },
        exportColumns: ['caseId', 'authorId', 'updatedAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: exitSurveyResponses,
    category: 'hr',
    columns: { caseId: 'context', answers: 'personal', submittedAt: 'context', updatedAt: 'context' },
    links: [
      {
        via: 'the case of their exit',
        where: (s) => ofTheirCase(exitSurveyResponses.caseId, s.userId),
        erase: 'delete',
      },
    ],
  },
  {
    kind: 'personal',
    table: offboardingTasks,
    category: 'hr',
    columns: {
      id: 'context',
      caseId: 'context',
      templateId: 'context',
      position: 'context',
      kind: 'context',
      titleJa: 'context',
      titleEn: 'context',
      ownerRole: 'context',
      assigneeId: 'context',
      dueOn: 'context',
      doneAt: 'context',
      doneBy: 'context',
      note: 'personal',
    },
    links: [
      {
        via: 'the case of their exit',
        where: (s) => ofTheirCase(offboardingTasks.caseId, s.userId),
        erase: 'delete',
      },
      {
        via: 'assignee_id or done_by (tasks of others they handled)',
        where: (s) => or(eq(offboardingTasks.assigneeId, s.userId), eq(offboardingTasks.doneBy, s.userId)),
        erase: { set: { assigneeId: null, doneBy: null } },
        exportColumns: ['id', 'caseId', 'titleJa', 'titleEn', 'assigneeId', 'doneBy', 'doneAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: leaverCases,
    category: 'hr',
    columns: {
      id: 'context',
      userId: 'context',
      managerId: 'context',
      hrOwnerId: 'context',
      lastDay: 'personal',
      timeZone: 'context',
      reasonCategory: 'personal',
      reasonNote: 'personal',
      status: 'context',
      previousRole: 'context',
      personalEmail: 'personal',
      networkDecision: 'personal',
      openToReturn: 'personal',
      farewellMessage: 'personal',
      rehireEligibility: 'personal',
      rehireReason: 'personal',
      rehireDecidedBy: 'context',
      rehireDecidedAt: 'context',
      convertedAt: 'context',
      welcomeMailId: 'context',
      createdBy: 'context',
      createdAt: 'context',
      updatedAt: 'context',
    },
    links: [
      { via: 'user_id (their exit)', where: (s) => eq(leaverCases.userId, s.userId), erase: 'delete' },
      {
        // Cases of others they managed, owned or decided as HR: only the link to them is theirs.
        via: 'manager_id, hr_owner_id, created_by or rehire_decided_by (others’ cases)',
        where: (s) =>
          or(
            eq(leaverCases.managerId, s.userId),
            eq(leaverCases.hrOwnerId, s.userId),
            eq(leaverCases.createdBy, s.userId),
            eq(leaverCases.rehireDecidedBy, s.userId),
          ),
        erase: { set: { managerId: null, hrOwnerId: null, createdBy: null, rehireDecidedBy: null } },
        exportColumns: ['id', 'managerId', 'hrOwnerId', 'createdBy', 'rehireDecidedBy', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: reportingLines,
    category: 'hr',
    columns: { managerId: 'context', reportId: 'context', createdAt: 'context' },
    links: [
      {
        via: 'manager_id or report_id',
        where: (s) => or(eq(reportingLines.managerId, s.userId), eq(reportingLines.reportId, s.userId)),
        erase: 'delete',
      },
    ],
  },
  // Jobs and rehiring (decision 015): hand-offs, notes and hires before their cards, cards before
  // their sources.
  {
    kind: 'personal',
    table: atsExports,
    category: 'careers',
    columns: {
      id: 'context',
      cardId: 'context',
      kind: 'context',
      status: 'context',
      attempts: 'context',
      lastError: 'context',
      data: 'context',
      actorId: 'context',
      deliveredAt: 'context',
      createdAt: 'context',
    },
    links: [
      {
        via: 'the pipeline card about them',
        where: (s) => sql`${atsExports.cardId} in ${theirCards(s)}`,
        erase: 'delete',
      },
      {
        via: 'actor_id (sent by them as HR)',
        where: (s) => eq(atsExports.actorId, s.userId),
        erase: { set: { actorId: null } },
        exportColumns: ['id', 'actorId', 'kind', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: pipelineNotes,
    category: 'careers',
    columns: {
      id: 'context',
      cardId: 'context',
      authorId: 'context',
      body: 'personal',
      createdAt: 'context',
    },
    links: [
      {
        via: 'the pipeline card about them',
        where: (s) => sql`${pipelineNotes.cardId} in ${theirCards(s)}`,
        erase: 'delete',
      },
      {
        via: 'author_id (written by them as HR)',
        where: (s) => eq(pipelineNotes.authorId, s.userId),
        erase: { set: { authorId: null } },
        exportColumns: ['id', 'cardId', 'authorId', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: hires,
    category: 'careers',
    // The hire is the company's record of a position filled (decision 020): erasure keeps the row
    // for human-capital figures and clears every link to the person. What stays — role, department,
    // start day, source, job — describes the position, so it is context, exported while linked.
    columns: {
      id: 'context',
      cardId: 'context',
      source: 'context',
      userId: 'context',
      jobId: 'context',
      leaverCaseId: 'context',
      roleTitle: 'context',
      department: 'context',
      startOn: 'context',
      timeZone: 'context',
      startedAt: 'context',
      recordedBy: 'context',
      createdAt: 'context',
    },
    links: [
      {
        via: 'user_id or the pipeline card about them',
        where: (s) => or(eq(hires.userId, s.userId), sql`${hires.cardId} in ${theirCards(s)}`),
        // Before the card (deleted below) and the exit case: the hire is unlinked, not deleted.
        erase: { set: { userId: null, cardId: null, leaverCaseId: null } },
      },
      {
        via: 'recorded_by (recorded by them as HR)',
        where: (s) => eq(hires.recordedBy, s.userId),
        erase: { set: { recordedBy: null } },
        exportColumns: ['id', 'recordedBy', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: pipelineCards,
    category: 'careers',
    columns: {
      id: 'context',
      source: 'context',
      interestId: 'context',
      referralId: 'context',
      userId: 'context',
      jobId: 'context',
      stage: 'personal',
      stageChangedAt: 'context',
      stageChangedBy: 'context',
      createdAt: 'context',
    },
    links: [
      {
        via: 'user_id, or a referral of their email',
        where: (s) => sql`${pipelineCards.id} in ${theirCards(s)}`,
        erase: 'delete',
      },
      {
        via: 'stage_changed_by (moved by them as HR)',
        where: (s) => eq(pipelineCards.stageChangedBy, s.userId),
        erase: { set: { stageChangedBy: null } },
        exportColumns: ['id', 'stageChangedBy', 'stageChangedAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: referrals,
    category: 'careers',
    columns: {
      id: 'context',
      referrerId: 'context',
      jobId: 'context',
      candidateName: 'personal',
      candidateEmail: 'personal',
      candidateLocale: 'personal',
      reason: 'personal',
      status: 'context',
      consentTokenHash: 'secret',
      consentExpiresAt: 'context',
      consentedAt: 'context',
      declinedAt: 'context',
      expiredAt: 'context',
      redactedAt: 'context',
      consentMailId: 'context',
      rewardStatus: 'context',
      rewardAmount: 'context',
      rewardCurrency: 'context',
      rewardPaidAt: 'context',
      rewardPaidBy: 'context',
      createdAt: 'context',
      updatedAt: 'context',
    },
    links: [
      {
        // The candidate's columns are cleared as the retention step does (decision 020); the row
        // stays under its referrer (their list, a due reward). Their card and mail go above.
        via: 'candidate_email = their email (they were referred)',
        where: (s) => lowerIn(referrals.candidateEmail, s.emails),
        erase: { set: { ...REDACTED_CANDIDATE, redactedAt: sql`now()` } },
      },
      {
        // A referral they made is about the candidate: only the link to them (and its reward) is theirs.
        via: 'referrer_id (referrals they made)',
        where: (s) => eq(referrals.referrerId, s.userId),
        erase: { set: { referrerId: null } },
        exportColumns: ['id', 'referrerId', 'jobId', 'status', 'rewardStatus', 'rewardAmount', 'createdAt'],
      },
      {
        via: 'reward_paid_by (marked paid by them as HR)',
        where: (s) => eq(referrals.rewardPaidBy, s.userId),
        erase: { set: { rewardPaidBy: null } },
        exportColumns: ['id', 'rewardPaidBy', 'rewardPaidAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: returnInterests,
    category: 'careers',
    columns: {
      id: 'context',
      userId: 'context',
      jobId: 'context',
      message: 'personal',
      preferredRoles: 'personal',
      preferredLocations: 'personal',
      timing: 'personal',
      status: 'context',
      withdrawnAt: 'context',
      createdAt: 'context',
      updatedAt: 'context',
    },
    links: [{ via: 'user_id', where: (s) => eq(returnInterests.userId, s.userId), erase: 'delete' }],
  },
  {
    kind: 'personal',
    table: jobAlertDeliveries,
    category: 'careers',
    columns: {
      alertId: 'context',
      jobId: 'context',
      userId: 'context',
      mailId: 'context',
      mailedAt: 'context',
      seenAt: 'context',
      createdAt: 'context',
    },
    links: [{ via: 'user_id', where: (s) => eq(jobAlertDeliveries.userId, s.userId), erase: 'delete' }],
  },
  {
    kind: 'personal',
    table: jobAlerts,
    category: 'careers',
    columns: {
      id: 'context',
      userId: 'context',
      keywords: 'personal',
      departments: 'personal',
      locations: 'personal',
      frequency: 'context',
      active: 'context',
      lastDigestAt: 'context',
      createdAt: 'context',
      updatedAt: 'context',
    },
    links: [{ via: 'user_id', where: (s) => eq(jobAlerts.userId, s.userId), erase: 'delete' }],
  },
  {
    kind: 'personal',
    table: digestSubscriptions,
    category: 'mail',
    columns: {
      userId: 'context',
      frequency: 'context',
      lastSentAt: 'context',
      tokenHash: 'secret',
      previousTokenHash: 'secret',
      updatedAt: 'context',
    },
    links: [{ via: 'user_id', where: (s) => eq(digestSubscriptions.userId, s.userId), erase: 'delete' }],
  },
  {
    kind: 'personal',
    table: jobs,
    category: 'activity',
    columns: {
      id: 'context',
      titleJa: 'context',
      titleEn: 'context',
      descriptionJa: 'context',
      descriptionEn: 'context',
      department: 'context',
      location: 'context',
      remote: 'context',
      employmentType: 'context',
      skills: 'context',
      salaryMin: 'context',
      salaryMax: 'context',
      salaryCurrency: 'context',
      salaryPeriod: 'context',
      closesOn: 'context',
      status: 'context',
      classification: 'context',
      audience: 'context',
      searchText: 'context',
      postedBy: 'context',
      publishedAt: 'context',
      closedAt: 'context',
      createdAt: 'context',
      updatedAt: 'context',
    },
    links: [
      {
        // Company content: the job stays; only the link to the HR member who posted it is theirs.
        via: 'posted_by (posted by them as HR)',
        where: (s) => eq(jobs.postedBy, s.userId),
        erase: { set: { postedBy: null } },
        exportColumns: ['id', 'postedBy', 'titleJa', 'titleEn', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: auditEvents,
    category: 'activity',
    columns: {
      id: 'context',
      actorId: 'context',
      action: 'context',
      subjectType: 'context',
      subjectId: 'context',
      data: 'context',
      createdAt: 'context',
    },
    links: [
      {
        via: 'actor_id (what they did)',
        where: (s) => eq(auditEvents.actorId, s.userId),
        erase: { set: { actorId: null } },
      },
      {
        via: 'subject_id or data mentions them (what was done to them)',
        where: (s) => or(eq(auditEvents.subjectId, s.userId), jsonMentions(auditEvents.data, s.userId)),
        erase: { set: { subjectId: null, data: {} } },
      },
      {
        // What was done to their pipeline cards and to hires on them: `pipeline_card.opened` holds
        // the referral, `.moved` the hire, `hire.cancelled` the card. Cleared, so nothing ties the
        // hire kept anonymised, or the referral kept under its referrer, to them (decision 020).
        // The card ids were gathered before the cards went (DataSubject.cardIds).
        via: 'subject_id is a pipeline card about them, or a hire on one',
        where: (s) =>
          s.cardIds.length
            ? or(
                and(eq(auditEvents.subjectType, 'pipeline_card'), inArray(auditEvents.subjectId, s.cardIds)),
                and(
                  eq(auditEvents.subjectType, 'hire'),
                  inArray(sql`${auditEvents.data}->>'cardId'`, s.cardIds),
                ),
              )
            : undefined,
        erase: { set: { subjectId: null, data: {} } },
        exportColumns: ['id', 'action', 'subjectType', 'createdAt'],
      },
    ],
  },
  // The community (issue 11, decision 032): children of a post first, then comments and posts,
  // groups after their posts and members. Posts and comments are deleted with their author whatever
  // the content policy: `author_id` is NOT NULL (a post without an author cannot be shown or
  // moderated yet), so `keepContent` does not apply to them until the schema allows it.
  {
    kind: 'personal',
    table: postRevisions,
    category: 'community',
    columns: {
      id: 'context',
      postId: 'context',
      title: 'personal',
      bodyMarkdown: 'personal',
      editedBy: 'context',
      createdAt: 'context',
    },
    links: [
      {
        via: 'earlier versions of their posts',
        where: (s) => sql`${postRevisions.postId} in (select id from posts where author_id = ${s.userId})`,
        erase: 'delete',
      },
      {
        // A moderator's or co-author's edit of someone else's post: only the link is theirs.
        via: 'edited_by (edits of others’ posts)',
        where: (s) =>
          and(
            eq(postRevisions.editedBy, s.userId),
            sql`${postRevisions.postId} not in (select id from posts where author_id = ${s.userId})`,
          ),
        erase: { set: { editedBy: null } },
        exportColumns: ['id', 'postId', 'editedBy', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: postMedia,
    category: 'community',
    // No bytes are stored on disk yet (uploads are not built): when they are, erasure must delete
    // the files under `storage_key` too.
    columns: {
      id: 'context',
      ownerId: 'context',
      postId: 'context',
      kind: 'context',
      mimeType: 'context',
      fileName: 'personal',
      size: 'context',
      width: 'context',
      height: 'context',
      storageKey: 'context',
      position: 'context',
      createdAt: 'context',
    },
    links: [
      {
        via: 'owner_id, or attached to their posts',
        where: (s) =>
          or(
            eq(postMedia.ownerId, s.userId),
            sql`${postMedia.postId} in (select id from posts where author_id = ${s.userId})`,
          ),
        erase: 'delete',
      },
    ],
  },
  {
    kind: 'personal',
    table: shareLinks,
    category: 'community',
    columns: {
      token: 'secret',
      postId: 'context',
      userId: 'context',
      clicks: 'context',
      createdAt: 'context',
    },
    links: [{ via: 'user_id', where: (s) => eq(shareLinks.userId, s.userId), erase: 'delete' }],
  },
  {
    kind: 'personal',
    table: reactions,
    category: 'community',
    columns: { postId: 'context', userId: 'context', reaction: 'personal', createdAt: 'context' },
    links: [{ via: 'user_id', where: (s) => eq(reactions.userId, s.userId), erase: 'delete' }],
  },
  {
    kind: 'personal',
    table: reports,
    category: 'community',
    columns: {
      id: 'context',
      postId: 'context',
      commentId: 'context',
      reporterId: 'context',
      category: 'personal',
      note: 'personal',
      status: 'context',
      resolvedBy: 'context',
      resolvedAt: 'context',
      moderatorNote: 'context',
      createdAt: 'context',
    },
    links: [
      {
        // The moderators' record stays (what was reported, how it was resolved); their words go.
        // Reports about their own posts and comments go with that content (cascade).
        via: 'reporter_id (reports they made)',
        where: (s) => eq(reports.reporterId, s.userId),
        erase: { set: { reporterId: null, note: null } },
        exportColumns: ['id', 'postId', 'commentId', 'reporterId', 'category', 'note', 'status', 'createdAt'],
      },
      {
        via: 'resolved_by (resolved by them as moderator)',
        where: (s) => eq(reports.resolvedBy, s.userId),
        erase: { set: { resolvedBy: null } },
        exportColumns: ['id', 'resolvedBy', 'resolvedAt', 'status'],
      },
    ],
  },
  {
    kind: 'personal',
    table: comments,
    category: 'community',
    columns: {
      id: 'context',
      postId: 'context',
      parentId: 'context',
      authorId: 'context',
      bodyMarkdown: 'personal',
      bodyHtml: 'personal',
      mentionIds: 'context',
      hiddenAt: 'context',
      hiddenBy: 'context',
      hiddenReason: 'context',
      deletedAt: 'context',
      editedAt: 'context',
      createdAt: 'context',
    },
    links: [
      {
        // Others' comments that mention them: the mention goes, the comment stays. The text keeps
        // the `@[name](member:id)` token as written, so it is cleared from the Markdown too.
        via: 'mention_ids (others’ comments mentioning them)',
        where: (s) =>
          and(
            mentions(comments.mentionIds, comments.bodyMarkdown, s.userId),
            ne(comments.authorId, s.userId),
          ),
        erase: {
          set: {
            mentionIds: (s: DataSubject) => sql`array_remove(${comments.mentionIds}, ${s.userId})`,
            bodyMarkdown: (s: DataSubject) => withoutMentionMarkdown(comments.bodyMarkdown, s.userId),
            bodyHtml: (s: DataSubject) => withoutMentionHtml(comments.bodyHtml, s.userId),
          },
        },
        exportColumns: ['id', 'postId', 'createdAt'],
      },
      {
        via: 'hidden_by (hidden by them as moderator)',
        where: (s) => eq(comments.hiddenBy, s.userId),
        erase: { set: { hiddenBy: null } },
        exportColumns: ['id', 'hiddenBy', 'hiddenAt'],
      },
      {
        // Replies of others to their comments stay (under the post); only theirs go.
        via: 'author_id (comments they wrote)',
        where: (s) => eq(comments.authorId, s.userId),
        erase: 'delete',
        exportColumns: [
          'id',
          'postId',
          'parentId',
          'bodyMarkdown',
          'hiddenAt',
          'hiddenReason',
          'deletedAt',
          'editedAt',
          'createdAt',
        ],
      },
    ],
  },
  {
    kind: 'personal',
    table: posts,
    category: 'community',
    columns: {
      id: 'context',
      authorId: 'context',
      kind: 'context',
      isCompany: 'context',
      groupId: 'context',
      classification: 'context',
      audience: 'context',
      title: 'personal',
      bodyMarkdown: 'personal',
      bodyHtml: 'personal',
      topics: 'personal',
      mentionIds: 'context',
      pinnedAt: 'context',
      pinnedBy: 'context',
      commentCount: 'context',
      reactionCounts: 'context',
      shareTextJa: 'personal',
      shareTextEn: 'personal',
      shareUrl: 'context',
      shareClicks: 'context',
      onCareerPaths: 'personal',
      hiddenAt: 'context',
      hiddenBy: 'context',
      hiddenReason: 'context',
      deletedAt: 'context',
      editedAt: 'context',
      // Derived: erased with the row, not exported.
      searchText: 'secret',
      createdAt: 'context',
      updatedAt: 'context',
    },
    links: [
      {
        via: 'mention_ids (others’ posts mentioning them)',
        where: (s) =>
          and(mentions(posts.mentionIds, posts.bodyMarkdown, s.userId), ne(posts.authorId, s.userId)),
        erase: {
          set: {
            mentionIds: (s: DataSubject) => sql`array_remove(${posts.mentionIds}, ${s.userId})`,
            bodyMarkdown: (s: DataSubject) => withoutMentionMarkdown(posts.bodyMarkdown, s.userId),
            bodyHtml: (s: DataSubject) => withoutMentionHtml(posts.bodyHtml, s.userId),
          },
        },
        exportColumns: ['id', 'createdAt'],
      },
      {
        via: 'pinned_by or hidden_by (others’ posts they pinned or hid)',
        where: (s) => or(eq(posts.pinnedBy, s.userId), eq(posts.hiddenBy, s.userId)),
        erase: {
          set: {
            pinnedBy: (s: DataSubject) => sql`nullif(${posts.pinnedBy}, ${s.userId})`,
            hiddenBy: (s: DataSubject) => sql`nullif(${posts.hiddenBy}, ${s.userId})`,
          },
        },
        exportColumns: ['id', 'pinnedBy', 'pinnedAt', 'hiddenBy', 'hiddenAt'],
      },
      {
        // Their comments' replies by others, reactions, reports and share links on the post go with it.
        via: 'author_id (posts they wrote)',
        where: (s) => eq(posts.authorId, s.userId),
        erase: 'delete',
      },
    ],
  },
  {
    kind: 'personal',
    table: groupMembers,
    category: 'community',
    columns: {
      groupId: 'context',
      userId: 'context',
      role: 'context',
      state: 'context',
      invitedBy: 'context',
      createdAt: 'context',
      joinedAt: 'context',
    },
    links: [
      {
        via: 'user_id (their memberships)',
        where: (s) => eq(groupMembers.userId, s.userId),
        erase: 'delete',
      },
      {
        via: 'invited_by (others they invited)',
        where: (s) => eq(groupMembers.invitedBy, s.userId),
        erase: { set: { invitedBy: null } },
        exportColumns: ['groupId', 'invitedBy', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: groups,
    category: 'community',
    // A group is the community's, not its proposer's: it stays, only the links to them go.
    columns: {
      id: 'context',
      kind: 'context',
      nameJa: 'context',
      nameEn: 'context',
      descriptionJa: 'context',
      descriptionEn: 'context',
      joinPolicy: 'context',
      status: 'context',
      official: 'context',
      classification: 'context',
      audience: 'context',
      country: 'context',
      region: 'context',
      department: 'context',
      intakeYear: 'context',
      memberCount: 'context',
      searchText: 'secret',
      createdBy: 'context',
      decidedBy: 'context',
      decidedAt: 'context',
      decisionNote: 'context',
      createdAt: 'context',
      updatedAt: 'context',
    },
    links: [
      {
        via: 'created_by (groups they proposed)',
        where: (s) => eq(groups.createdBy, s.userId),
        erase: { set: { createdBy: null } },
        exportColumns: ['id', 'nameJa', 'nameEn', 'status', 'createdBy', 'createdAt'],
      },
      {
        via: 'decided_by (proposals they decided as HR)',
        where: (s) => eq(groups.decidedBy, s.userId),
        erase: { set: { decidedBy: null } },
        exportColumns: ['id', 'decidedBy', 'decidedAt', 'status'],
      },
    ],
  },
  {
    kind: 'personal',
    table: notifications,
    category: 'community',
    columns: {
      id: 'context',
      userId: 'context',
      type: 'context',
      threadKey: 'context',
      actorId: 'context',
      link: 'context',
      data: 'personal',
      channel: 'context',
      readAt: 'context',
      mailedAt: 'context',
      createdAt: 'context',
    },
    links: [
      {
        via: 'user_id (notifications to them)',
        where: (s) => eq(notifications.userId, s.userId),
        erase: 'delete',
      },
      {
        // What they did, told to others: the actor goes, and so do notifications whose texts quote
        // their name (`data` is the recipient's, but the name in it is theirs).
        via: 'actor_id (notifications about what they did)',
        where: (s) => eq(notifications.actorId, s.userId),
        erase: { set: { actorId: null, data: {} } },
        exportColumns: ['id', 'type', 'actorId', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: notificationPreferences,
    category: 'community',
    columns: { userId: 'context', type: 'context', channel: 'personal', updatedAt: 'context' },
    links: [{ via: 'user_id', where: (s) => eq(notificationPreferences.userId, s.userId), erase: 'delete' }],
  },
  {
    kind: 'personal',
    table: notificationMutes,
    category: 'community',
    columns: { userId: 'context', kind: 'context', key: 'personal', until: 'context', createdAt: 'context' },
    links: [
      { via: 'user_id (their mutes)', where: (s) => eq(notificationMutes.userId, s.userId), erase: 'delete' },
      {
        via: 'key (others muting them)',
        where: (s) => and(eq(notificationMutes.kind, 'person'), eq(notificationMutes.key, s.userId)),
        erase: 'delete',
        exportColumns: ['kind', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: companyPosters,
    category: 'community',
    columns: { userId: 'context', appointedBy: 'context', createdAt: 'context' },
    links: [
      {
        via: 'user_id (appointed to write company posts)',
        where: (s) => eq(companyPosters.userId, s.userId),
        erase: 'delete',
      },
      {
        via: 'appointed_by (others they appointed as HR)',
        where: (s) => eq(companyPosters.appointedBy, s.userId),
        erase: { set: { appointedBy: null } },
        exportColumns: ['userId', 'appointedBy', 'createdAt'],
      },
    ],
  },
  {
    // HR's moderation record about the member, like their exit case and pipeline notes: exported
    // (the right of access covers it) and erased with them.
    kind: 'personal',
    table: postingSuspensions,
    category: 'community',
    columns: {
      id: 'context',
      userId: 'context',
      until: 'personal',
      reason: 'personal',
      createdBy: 'context',
      liftedAt: 'context',
      createdAt: 'context',
    },
    links: [
      {
        via: 'user_id (suspensions of them)',
        where: (s) => eq(postingSuspensions.userId, s.userId),
        erase: 'delete',
      },
      {
        via: 'created_by (suspensions they set as HR)',
        where: (s) => eq(postingSuspensions.createdBy, s.userId),
        erase: { set: { createdBy: null } },
        exportColumns: ['id', 'createdBy', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: memberModerationNotes,
    category: 'community',
    columns: {
      id: 'context',
      userId: 'context',
      authorId: 'context',
      body: 'personal',
      createdAt: 'context',
    },
    links: [
      {
        via: 'user_id (notes about them)',
        where: (s) => eq(memberModerationNotes.userId, s.userId),
        erase: 'delete',
      },
      {
        via: 'author_id (notes they wrote as HR)',
        where: (s) => eq(memberModerationNotes.authorId, s.userId),
        erase: { set: { authorId: null } },
        exportColumns: ['id', 'authorId', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: homeChecklistDismissals,
    category: 'community',
    columns: { userId: 'context', dismissedAt: 'context' },
    links: [{ via: 'user_id', where: (s) => eq(homeChecklistDismissals.userId, s.userId), erase: 'delete' }],
  },
  {
    kind: 'personal',
    table: profiles,
    category: 'profile',
    columns: {
      userId: 'context',
      familyName: 'personal',
      givenName: 'personal',
      familyNameKana: 'personal',
      givenNameKana: 'personal',
      familyNameRomaji: 'personal',
      givenNameRomaji: 'personal',
      employeeNumber: 'personal',
      joinedOn: 'personal',
      leftOn: 'personal',
      departments: 'personal',
      lastTitle: 'personal',
      office: 'personal',
      companyCountry: 'personal',
      currentEmployer: 'personal',
      currentTitle: 'personal',
      industry: 'personal',
      location: 'personal',
      country: 'personal',
      languages: 'personal',
      skills: 'personal',
      bio: 'personal',
      links: 'personal',
      openToReturn: 'personal',
      sideWork: 'personal',
      mentoring: 'personal',
      speaking: 'personal',
      connectionsVisibility: 'personal',
      visibility: 'personal',
      role: 'context',
      isActive: 'context',
      hiddenFromMembers: 'context',
      hiddenFromEmployees: 'context',
      consents: 'personal',
      confirmedAt: 'context',
      freshnessAskedAt: 'context',
      // Derived search columns: erased with the row, not exported (they repeat the fields above).
      sortName: 'secret',
      searchName: 'secret',
      searchMembers: 'secret',
      searchEmployees: 'secret',
      searchAdmins: 'secret',
      gramsMembers: 'secret',
      gramsEmployees: 'secret',
      gramsAdmins: 'secret',
      updatedAt: 'context',
    },
    links: [{ via: 'user_id', where: (s) => eq(profiles.userId, s.userId), erase: 'delete' }],
  },
  {
    kind: 'personal',
    table: users,
    category: 'account',
    columns: {
      id: 'context',
      name: 'personal',
      email: 'personal',
      emailVerified: 'context',
      image: 'personal',
      role: 'context',
      locale: 'context',
      status: 'context',
      lastActiveAt: 'context',
      consentsReviewedAt: 'context',
      retentionWarnedAt: 'context',
      createdAt: 'context',
      updatedAt: 'context',
    },
    links: [{ via: 'id', where: (s) => eq(users.id, s.userId), erase: 'delete' }],
  },
  {
    kind: 'personal',
    table: profilePositions,
    category: 'profile',
    columns: {
      id: 'context',
      userId: 'context',
      employer: 'personal',
      title: 'personal',
      startedOn: 'personal',
      endedOn: 'personal',
      createdAt: 'context',
    },
    links: [
      {
        via: 'user_id (their positions after leaving)',
        where: (s) => eq(profilePositions.userId, s.userId),
        erase: 'delete',
      },
    ],
  },
  {
    kind: 'personal',
    table: profilePhotos,
    category: 'profile',
    columns: {
      userId: 'context',
      version: 'context',
      large: 'personal',
      small: 'personal',
      side: 'context',
      updatedAt: 'context',
    },
    links: [
      {
        via: 'user_id (their photo)',
        where: (s) => eq(profilePhotos.userId, s.userId),
        erase: 'delete',
        // The image bytes are not part of the JSON export; the member can download the photo itself.
        exportColumns: ['version', 'side', 'updatedAt'],
      },
    ],
  },
  // ---- events (issue 13, decision 043) --------------------------------------------------------
  {
    kind: 'personal',
    table: eventSeries,
    category: 'community',
    // A series is the organisation's programme: it stays, only the link to its creator goes.
    columns: {
      id: 'context',
      titleJa: 'context',
      titleEn: 'context',
      descriptionJa: 'context',
      descriptionEn: 'context',
      createdBy: 'context',
      createdAt: 'context',
      updatedAt: 'context',
    },
    links: [
      {
        via: 'created_by (series they created as HR)',
        where: (s) => eq(eventSeries.createdBy, s.userId),
        erase: { set: { createdBy: null } },
        exportColumns: ['id', 'titleJa', 'titleEn', 'createdBy', 'createdAt'],
      },
    ],
  },
  {
    kind: 'personal',
    table: events,
    category: 'community',
    // An event is the organisation's: it stays; its creator's id goes, and a member speaker is
    // taken out of the speakers (a guest speaker is not a member and has no account here).
    columns: {
      id: 'context',
      kind: 'context',
      format: 'context',
      language: 'context',
      status: 'context',
      seriesId: 'context',
      seriesNumber: 'context',
      groupId: 'context',
      titleJa: 'context',
      titleEn: 'context',
      descriptionJaMarkdown: 'context',
      descriptionJaHtml: 'context',
      descriptionEnMarkdown: 'context',
      descriptionEnHtml: 'context',
      topic: 'context',
      speakers: 'context',
      startsAt: 'context',
      endsAt: 'context',
      timeZone: 'context',
      venueName: 'context',
      venueAddress: 'context',
      onlineUrl: 'secret',
      capacity: 'context',
      guestLimit: 'context',
      requiresApproval: 'context',
      registrationOpensAt: 'context',
      registrationClosesAt: 'context',
      claimWindowMinutes: 'context',
      questions: 'context',
      materials: 'context',
      surveyEnabled: 'context',
      surveyQuestionJa: 'context',
      surveyQuestionEn: 'context',
      classification: 'context',
      audience: 'context',
      sequence: 'context',
      searchText: 'secret',
      createdBy: 'context',
      createdAt: 'context',
      updatedAt: 'context',
      publishedAt: 'context',
      cancelledAt: 'context',
    },
    links: [
      {
        via: 'created_by (events they created)',
        where: (s) => eq(events.createdBy, s.userId),
        erase: { set: { createdBy: null } },
        exportColumns: ['id', 'titleJa', 'titleEn', 'startsAt', 'createdBy', 'createdAt'],
      },
      {
        via: 'speakers (events where they spoke)',
        where: (s) => jsonMentions(events.speakers, s.userId),
        erase: {
          set: {
            speakers: (s: DataSubject) =>
              sql`coalesce((select jsonb_agg(x) from jsonb_array_elements(${events.speakers}) x
                where x->>'userId' is distinct from ${s.userId}), '[]'::jsonb)`,
          },
        },
        exportColumns: ['id', 'titleJa', 'titleEn', 'startsAt', 'speakers'],
      },
    ],
  },
  {
    kind: 'personal',
    table: eventHosts,
    category: 'community',
    columns: { eventId: 'context', userId: 'context', role: 'context', createdAt: 'context' },
    links: [
      {
        via: 'user_id (events they host, co-host or speak at)',
        where: (s) => eq(eventHosts.userId, s.userId),
        erase: 'delete',
      },
    ],
  },
  {
    kind: 'personal',
    table: eventRegistrations,
    category: 'community',
    columns: {
      id: 'context',
      eventId: 'context',
      userId: 'context',
      status: 'context',
      guests: 'personal',
      answers: 'personal',
      requestedAt: 'context',
      confirmedAt: 'context',
      offeredAt: 'context',
      offerExpiresAt: 'context',
      cancelledAt: 'context',
      cancelReason: 'context',
      checkInCode: 'secret',
      checkedInAt: 'personal',
      checkedInBy: 'context',
      noShow: 'personal',
      createdAt: 'context',
      updatedAt: 'context',
    },
    links: [
      {
        // Their seats, answers and attendance go; the event's counts then no longer include them.
        via: 'user_id (their registrations)',
        where: (s) => eq(eventRegistrations.userId, s.userId),
        erase: 'delete',
      },
      {
        via: 'checked_in_by (attendees they checked in as a host)',
        where: (s) => eq(eventRegistrations.checkedInBy, s.userId),
        erase: { set: { checkedInBy: null } },
        exportColumns: ['id', 'eventId', 'checkedInAt', 'checkedInBy'],
      },
    ],
  },
  {
    kind: 'none',
    table: eventReminders,
    reason:
      'Which reminder and survey mails went out, keyed by registration id and start time only; the rows go with the registration (cascade).',
  },
  {
    kind: 'personal',
    table: eventSurveyResponses,
    category: 'community',
    columns: {
      eventId: 'context',
      userId: 'context',
      rating: 'personal',
      comment: 'personal',
      answer: 'personal',
      createdAt: 'context',
    },
    links: [
      {
        via: 'user_id (their survey answers)',
        where: (s) => eq(eventSurveyResponses.userId, s.userId),
        erase: 'delete',
      },
    ],
  },
  {
    kind: 'personal',
    table: calendarFeeds,
    category: 'community',
    columns: { userId: 'context', tokenHash: 'secret', createdAt: 'context' },
    links: [
      {
        via: 'user_id (their calendar feed)',
        where: (s) => eq(calendarFeeds.userId, s.userId),
        erase: 'delete',
      },
    ],
  },
  {
    kind: 'none',
    table: vocabularyTerms,
    reason:
      'The bilingual vocabulary of skills, industries and departments (decision 041); no member values.',
  },
  {
    kind: 'none',
    table: orgSettings,
    reason: 'Organisation-wide settings (visibility limits, retention, erasure policy); no member values.',
  },
  {
    kind: 'none',
    table: exitSurveyQuestions,
    reason: 'Exit survey questions configured by HR, in both languages; no member values.',
  },
  {
    kind: 'none',
    table: offboardingTemplates,
    reason: 'Offboarding checklist templates configured by HR (titles, owner roles, due offsets).',
  },
  {
    kind: 'none',
    table: rateLimits,
    reason:
      'Request counters per limiter and window (sign-in, password reset, join requests, referral consent); the key is a keyed HMAC hash of the client address or typed email, never the value, and rows are deleted hourly once their window has passed.',
  },
  {
    kind: 'none',
    table: erasureSuppressions,
    reason:
      'Keyed HMAC hashes of erased members’ employee numbers and emails, kept so imports and invitations do not bring them back; irreversible without the server secret.',
  },
  // ---- people (issue 12, decision 036) ----
  {
    kind: 'personal',
    table: connectionRequests,
    category: 'community',
    columns: {
      id: 'context',
      fromId: 'context',
      toId: 'context',
      note: 'personal',
      status: 'context',
      createdAt: 'context',
      decidedAt: 'context',
    },
    links: [
      {
        via: 'from_id (requests they sent)',
        where: (s) => eq(connectionRequests.fromId, s.userId),
        erase: 'delete',
      },
      {
        via: 'to_id (requests sent to them)',
        where: (s) => eq(connectionRequests.toId, s.userId),
        erase: 'delete',
      },
    ],
  },
  {
    kind: 'personal',
    table: connections,
    category: 'community',
    columns: { userId: 'context', otherId: 'context', createdAt: 'context' },
    links: [
      { via: 'user_id (their connections)', where: (s) => eq(connections.userId, s.userId), erase: 'delete' },
      {
        // The other side's row of the same connection.
        via: 'other_id (others connected with them)',
        where: (s) => eq(connections.otherId, s.userId),
        erase: 'delete',
        exportColumns: [],
      },
    ],
  },
  {
    kind: 'personal',
    table: follows,
    category: 'community',
    columns: { followerId: 'context', followeeId: 'context', createdAt: 'context' },
    links: [
      {
        via: 'follower_id (whom they follow)',
        where: (s) => eq(follows.followerId, s.userId),
        erase: 'delete',
      },
      {
        via: 'followee_id (who follows them)',
        where: (s) => eq(follows.followeeId, s.userId),
        erase: 'delete',
        exportColumns: ['followeeId', 'createdAt'],
      },
    ],
  },
  {
    // People to meet (decision 038): computed from profiles, so recomputed rather than kept.
    kind: 'personal',
    table: peopleSuggestions,
    category: 'community',
    columns: {
      memberId: 'context',
      candidateId: 'context',
      list: 'context',
      score: 'context',
      terms: 'context',
      facets: 'context',
      computedAt: 'context',
    },
    links: [
      {
        via: 'member_id (people suggested to them)',
        where: (s) => eq(peopleSuggestions.memberId, s.userId),
        erase: 'delete',
      },
      {
        // Being suggested to others is the others' list: not exported.
        via: 'candidate_id (suggested to others)',
        where: (s) => eq(peopleSuggestions.candidateId, s.userId),
        erase: 'delete',
        exportColumns: [],
      },
    ],
  },
  {
    kind: 'personal',
    table: peopleSuggestionImpressions,
    category: 'community',
    columns: {
      memberId: 'context',
      candidateId: 'context',
      shown: 'context',
      lastShownAt: 'context',
      dismissedAt: 'context',
    },
    links: [
      {
        via: 'member_id (suggestions shown to them, hidden by them)',
        where: (s) => eq(peopleSuggestionImpressions.memberId, s.userId),
        erase: 'delete',
      },
      {
        via: 'candidate_id (shown to others)',
        where: (s) => eq(peopleSuggestionImpressions.candidateId, s.userId),
        erase: 'delete',
        exportColumns: [],
      },
    ],
  },
  {
    kind: 'personal',
    table: peopleSuggestionRuns,
    category: 'community',
    columns: { memberId: 'context', computedAt: 'context' },
    links: [
      {
        via: 'member_id (when their suggestions were computed)',
        where: (s) => eq(peopleSuggestionRuns.memberId, s.userId),
        erase: 'delete',
      },
    ],
  },
  {
    kind: 'personal',
    table: blocks,
    category: 'community',
    columns: { blockerId: 'context', blockedId: 'context', createdAt: 'context' },
    links: [
      {
        via: 'blocker_id (members they blocked)',
        where: (s) => eq(blocks.blockerId, s.userId),
        erase: 'delete',
      },
      {
        // Who blocked them is the blocker's, not theirs: not exported.
        via: 'blocked_id (blocks of them)',
        where: (s) => eq(blocks.blockedId, s.userId),
        erase: 'delete',
        exportColumns: [],
      },
    ],
  },
  {
    kind: 'personal',
    table: peopleReports,
    category: 'community',
    columns: {
      id: 'context',
      reporterId: 'context',
      memberId: 'context',
      conversationId: 'context',
      messageId: 'context',
      category: 'personal',
      note: 'personal',
      status: 'context',
      resolvedBy: 'context',
      resolvedAt: 'context',
      moderatorNote: 'context',
      createdAt: 'context',
    },
    links: [
      {
        via: 'reporter_id (reports they made)',
        where: (s) => eq(peopleReports.reporterId, s.userId),
        erase: { set: { reporterId: null, note: null } },
        exportColumns: ['id', 'memberId', 'messageId', 'category', 'note', 'status', 'createdAt'],
      },
      {
        // Reports about them: the reporter's words are the reporter's; they go with the member.
        via: 'member_id (reports about them)',
        where: (s) => eq(peopleReports.memberId, s.userId),
        erase: 'delete',
        exportColumns: ['id', 'status', 'createdAt'],
      },
      {
        via: 'resolved_by (resolved by them as moderator)',
        where: (s) => eq(peopleReports.resolvedBy, s.userId),
        erase: { set: { resolvedBy: null } },
        exportColumns: ['id', 'resolvedBy', 'resolvedAt', 'status'],
      },
    ],
  },
  {
    kind: 'personal',
    table: conversations,
    category: 'community',
    columns: {
      id: 'context',
      kind: 'context',
      directKey: 'context',
      title: 'personal',
      origin: 'context',
      createdBy: 'context',
      createdAt: 'context',
      lastMessageAt: 'context',
    },
    links: [
      {
        via: 'created_by (conversations they started)',
        where: (s) => eq(conversations.createdBy, s.userId),
        erase: { set: { createdBy: null } },
      },
    ],
  },
  {
    kind: 'personal',
    table: conversationParticipants,
    category: 'community',
    columns: {
      conversationId: 'context',
      userId: 'context',
      joinedAt: 'context',
      leftAt: 'context',
      lastReadAt: 'context',
      emailedAt: 'context',
      mutedAt: 'context',
    },
    links: [
      {
        via: 'user_id (conversations they are in)',
        where: (s) => eq(conversationParticipants.userId, s.userId),
        erase: 'delete',
      },
    ],
  },
  {
    kind: 'personal',
    table: messages,
    category: 'community',
    columns: {
      id: 'context',
      conversationId: 'context',
      authorId: 'context',
      body: 'personal',
      createdAt: 'context',
      deletedAt: 'context',
    },
    links: [
      {
        // Their words leave the other participants' conversations with them.
        via: 'author_id (messages they wrote)',
        where: (s) => eq(messages.authorId, s.userId),
        erase: 'delete',
      },
    ],
  },
  {
    kind: 'personal',
    table: adviceRequests,
    category: 'community',
    columns: {
      id: 'context',
      fromId: 'context',
      toId: 'context',
      kind: 'context',
      topic: 'personal',
      hopes: 'personal',
      timeFrame: 'context',
      status: 'context',
      responseMessage: 'personal',
      conversationId: 'context',
      createdAt: 'context',
      decidedAt: 'context',
    },
    links: [
      {
        via: 'from_id (advice requests they sent)',
        where: (s) => eq(adviceRequests.fromId, s.userId),
        erase: 'delete',
      },
      {
        via: 'to_id (advice requests sent to them)',
        where: (s) => eq(adviceRequests.toId, s.userId),
        erase: 'delete',
      },
    ],
  },
];

/**
 * Tables outside the Drizzle schema, in the same database. Erasure handles pg-boss jobs
 * separately (erasure.service.ts); the rest hold no personal data.
 */
export const SYSTEM_TABLES: Record<string, string> = {
  'drizzle.__drizzle_migrations': 'Applied migration hashes.',
  'pgboss.*':
    'Job queue. Job data holds ids only; jobs that mention an erased member (or their mail) are deleted with them.',
};

export const tableName = (table: PgTable) => getTableName(table);

/** The entry for every table of the Drizzle schema, by SQL name. */
export const registryByName = new Map(PERSONAL_DATA.map((e) => [tableName(e.table), e]));

export const personalTables = () => PERSONAL_DATA.filter((e): e is PersonalTable => e.kind === 'personal');

/** Every table exported by server/db/schema/index.ts. */
export function schemaTables(): PgTable[] {
  return (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
}

/** The columns a link exports: its own list, or every personal and context column. */
export function exportedColumns(entry: PersonalTable, link: RowLink): string[] {
  const keys = link.exportColumns ?? Object.keys(entry.columns).filter((k) => entry.columns[k] !== 'secret');
  return keys.filter((k) => k in getTableColumns(entry.table));
}
