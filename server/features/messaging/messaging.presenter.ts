import type {
  ConversationDetail,
  ConversationSummary,
  Message,
  PeopleReportDetail,
  PeopleReportSummary,
} from '#common/messaging';
import { listPhoto } from '#server/lib/member-photos';
import type { PeopleReportRow } from './messaging.reports';
import type { ConversationRow, MessageRow } from './messaging.service';

export const presentMessage = (m: MessageRow, viewerId: string): Message => ({
  id: m.id,
  conversationId: m.conversationId,
  author: m.authorId ? { id: m.authorId, name: m.authorName ?? '' } : null,
  body: m.body,
  createdAt: m.createdAt.toISOString(),
  isMine: m.authorId === viewerId,
});

export const presentConversation = (
  c: ConversationRow,
  photos: ReadonlyMap<string, string>,
): ConversationSummary => ({
  id: c.id,
  kind: c.kind,
  title: c.title,
  origin: c.origin,
  participants: c.participants.map((p) => ({ id: p.id, name: p.name, photo: listPhoto(photos, p.id) })),
  lastMessageAt: c.lastMessageAt ? c.lastMessageAt.toISOString() : null,
  lastMessage: c.lastMessage,
  lastAuthorId: c.lastAuthorId,
  unreadCount: c.unreadCount,
  muted: c.muted,
});

export const presentConversationDetail = (
  c: ConversationRow & {
    canWrite: boolean;
    writeBlockedReason: 'awaiting_reply' | null;
    photos: ReadonlyMap<string, string>;
  },
): ConversationDetail => ({
  ...presentConversation(c, c.photos),
  canWrite: c.canWrite,
  writeBlockedReason: c.writeBlockedReason,
});

export const presentPeopleReport = (r: PeopleReportRow): PeopleReportSummary => ({
  id: r.id,
  kind: r.messageId ? 'message' : 'member',
  member: { id: r.memberId, name: r.memberName },
  reporter: r.reporterId ? { id: r.reporterId, name: r.reporterName ?? '' } : null,
  category: r.category,
  note: r.note,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
});

export const presentPeopleReportDetail = (
  r: PeopleReportRow & {
    conversation: { id: string; participants: { id: string; name: string }[]; messages: MessageRow[] } | null;
  },
  viewerId: string,
): PeopleReportDetail => ({
  ...presentPeopleReport(r),
  moderatorNote: r.moderatorNote,
  resolvedAt: r.resolvedAt ? r.resolvedAt.toISOString() : null,
  reportedMessageId: r.messageId,
  conversation: r.conversation
    ? {
        id: r.conversation.id,
        participants: r.conversation.participants.map((p) => ({ id: p.id, name: p.name })),
        messages: r.conversation.messages.map((m) => presentMessage(m, viewerId)),
      }
    : null,
});
