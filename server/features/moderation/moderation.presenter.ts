import type {
  MemberNote,
  ModerationResult,
  ModerationTargetType,
  ReportAck,
  ReportDetail,
  ReportGroup,
  Suspension,
} from '#common/moderation';
import type { getReportDetail, ReportRow } from './moderation.service';
import type { MemberNoteRow } from './moderation.suspensions';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The reporter's acknowledgement: that it was received, nothing about the outcome. */
export const presentReportAck = (row: ReportRow): ReportAck => ({ id: row.id, received: true });

export const presentReportGroup = (g: ReportGroup): ReportGroup => ({
  reportId: g.reportId,
  targetType: g.targetType,
  postId: g.postId,
  commentId: g.commentId,
  excerpt: g.excerpt,
  author: g.author ? { id: g.author.id, displayName: g.author.displayName } : null,
  reportCount: g.reportCount,
  categories: g.categories.map((c) => ({ category: c.category, count: c.count })),
  firstReportedAt: g.firstReportedAt,
  lastReportedAt: g.lastReportedAt,
  isHidden: g.isHidden,
});

const presentReportEntry = (r: ReportRow) => ({
  id: r.id,
  category: r.category,
  note: r.note,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  resolvedAt: iso(r.resolvedAt),
  moderatorNote: r.moderatorNote,
});

export interface SuspensionView {
  id: string;
  userId: string;
  memberName: string;
  until: Date;
  reason: string;
  createdBy: string | null;
  suspenderName?: string | null;
  createdAt: Date;
  liftedAt: Date | null;
}

export const presentSuspension = (s: SuspensionView, now: Date): Suspension => ({
  id: s.id,
  member: { id: s.userId, displayName: s.memberName },
  until: s.until.toISOString(),
  reason: s.reason,
  createdBy: s.createdBy ? { id: s.createdBy, displayName: s.suspenderName ?? '' } : null,
  createdAt: s.createdAt.toISOString(),
  liftedAt: iso(s.liftedAt),
  isActive: !s.liftedAt && s.until > now,
});

export function presentReportDetail(d: Awaited<ReturnType<typeof getReportDetail>>, now: Date): ReportDetail {
  return {
    report: presentReportEntry(d.report),
    reports: d.reports.map(presentReportEntry),
    target: {
      type: d.target.type,
      postId: d.target.postId,
      commentId: d.target.commentId,
      postTitle: d.target.postTitle,
      bodyHtml: d.target.bodyHtml,
      createdAt: d.target.createdAt.toISOString(),
      hiddenAt: iso(d.target.hiddenAt),
      hiddenReason: d.target.hiddenReason,
      deletedAt: iso(d.target.deletedAt),
    },
    author: d.author ? { id: d.author.id, displayName: d.author.displayName, role: d.author.role } : null,
    revisions: d.revisions.map((r) => ({
      id: r.id,
      title: r.title,
      bodyMarkdown: r.bodyMarkdown,
      createdAt: r.createdAt.toISOString(),
    })),
    authorRecord: {
      hiddenItems: d.authorRecord.hiddenItems.map((h) => ({
        targetType: h.targetType,
        postId: h.postId,
        commentId: h.commentId,
        hiddenAt: h.hiddenAt.toISOString(),
        hiddenReason: h.hiddenReason,
      })),
      suspensions: d.authorRecord.suspensions.map((s) => presentSuspension(s, now)),
      reportCount: d.authorRecord.reportCount,
      noteCount: d.authorRecord.noteCount,
    },
  };
}

export const presentModerationResult = (r: {
  targetType: ModerationTargetType;
  postId: string;
  commentId: string | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  resolvedReports: number;
}): ModerationResult => ({
  targetType: r.targetType,
  postId: r.postId,
  commentId: r.commentId,
  hiddenAt: iso(r.hiddenAt),
  hiddenReason: r.hiddenReason,
  resolvedReports: r.resolvedReports,
});

export const presentMemberNote = (n: MemberNoteRow): MemberNote => ({
  id: n.id,
  body: n.body,
  author: n.authorId ? { id: n.authorId, displayName: n.authorName ?? '' } : null,
  createdAt: n.createdAt.toISOString(),
});
