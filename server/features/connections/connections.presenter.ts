import type {
  BlockedList,
  Connection,
  ConnectionList,
  ConnectionRequest,
  ConnectionRequestList,
  FollowState,
  Relation,
} from '#common/connections';
import { listPhoto } from '#server/lib/member-photos';

type Paged<T> = { rows: T[]; hasMore: boolean; total: number };

const presentRequest = (row: {
  id: string;
  memberId: string;
  displayName: string;
  note: string | null;
  createdAt: Date;
}): ConnectionRequest => ({
  id: row.id,
  member: { id: row.memberId, displayName: row.displayName },
  note: row.note,
  createdAt: row.createdAt.toISOString(),
});

export const presentRequestList = (
  page: Paged<Parameters<typeof presentRequest>[0]>,
): ConnectionRequestList => ({
  items: page.rows.map(presentRequest),
  hasMore: page.hasMore,
  total: page.total,
});

const presentConnection =
  (photos: ReadonlyMap<string, string>) =>
  (row: { memberId: string; displayName: string; connectedAt: Date }): Connection => ({
    member: { id: row.memberId, displayName: row.displayName },
    photo: listPhoto(photos, row.memberId),
    connectedAt: row.connectedAt.toISOString(),
  });

export const presentConnectionList = (
  page: Paged<{ memberId: string; displayName: string; connectedAt: Date }> & {
    photos: ReadonlyMap<string, string>;
  },
): ConnectionList => ({
  items: page.rows.map(presentConnection(page.photos)),
  hasMore: page.hasMore,
  total: page.total,
});

export const presentRelation = (r: Relation): Relation => ({
  memberId: r.memberId,
  isSelf: r.isSelf,
  connection: { state: r.connection.state, requestId: r.connection.requestId },
  following: r.following,
  canFollow: r.canFollow,
  followerCount: r.followerCount,
  blockedByMe: r.blockedByMe,
  mutual: {
    count: r.mutual.count,
    sample: r.mutual.sample.map((m) => ({ id: m.id, displayName: m.displayName })),
  },
  canSeeConnections: r.canSeeConnections,
  canMessage: r.canMessage,
  canRequestAdvice: r.canRequestAdvice,
});

export const presentFollow = (f: FollowState): FollowState => ({
  following: f.following,
  followerCount: f.followerCount,
});

export const presentBlocked = (
  rows: { memberId: string; displayName: string; blockedAt: Date }[],
): BlockedList => ({
  items: rows.map((r) => ({
    member: { id: r.memberId, displayName: r.displayName },
    blockedAt: r.blockedAt.toISOString(),
  })),
});
