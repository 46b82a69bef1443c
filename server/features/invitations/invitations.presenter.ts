import type { Invitation, InvitationBatch, InvitationBatchAccepted } from '#common/invitations';
import { displayName } from '#common/names';
import type { invitationBatches } from '#server/db/schema/index';
import { type InvitationRow, invitationStatus } from './invitations.service';

export function presentInvitation(row: InvitationRow, now: Date, acceptUrl?: string): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    displayName: displayName(row.names),
    status: invitationStatus(row, now),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    deliveryStatus: row.deliveryStatus,
    deliveryError: row.deliveryError,
    sendCount: row.sendCount,
    lastSentAt: row.lastSentAt?.toISOString() ?? null,
    hrRecordId: row.hrRecordId,
    ...(acceptUrl ? { acceptUrl } : {}),
  };
}

/** For the anonymous invitee: only what they need to recognise their own invitation. */
export const presentInvitationPreview = (row: InvitationRow) => ({
  email: row.email,
  displayName: displayName(row.names),
  role: row.role,
  expiresAt: row.expiresAt.toISOString(),
});

/** A bulk invitation's progress: counts only, no record or address. */
export const presentInvitationBatch = (row: typeof invitationBatches.$inferSelect): InvitationBatch => ({
  id: row.id,
  status: row.status,
  total: row.total,
  invited: row.invited,
  skipped: row.skipped,
});

/** A batch accepted for sending: how many invitations are expected, and the records skipped by reason. */
export function presentBatchAccepted(batch: InvitationBatchAccepted): InvitationBatchAccepted {
  return {
    batchId: batch.batchId,
    queued: batch.queued,
    skipped: {
      member: batch.skipped.member,
      noEmail: batch.skipped.noEmail,
      alreadyInvited: batch.skipped.alreadyInvited,
      addressTaken: batch.skipped.addressTaken,
    },
  };
}
