import type {
  Group,
  GroupCard,
  GroupEvents,
  GroupForYouList,
  GroupInvitationsResult,
  GroupList,
  GroupMember,
  GroupMemberList,
  GroupReason,
} from '#common/groups';
import { presentEventCard } from '#server/features/events/events.presenter';
import type { EventCardRow } from '#server/features/events/events.service';
import { isHr, type Viewer } from '#server/lib/access/policy';
import { visibilityOf } from './groups.policy';
import { canManageGroup, type GroupDetail, type GroupView } from './groups.service';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The only ways a group leaves the server. Every field is listed; the search document, the
 * audience and who decided stay inside (who created it and the request count only for managers).
 */
export function presentGroupCard(view: GroupView): GroupCard {
  const g = view.group;
  return {
    id: g.id,
    kind: g.kind,
    nameJa: g.nameJa,
    nameEn: g.nameEn,
    descriptionJa: g.descriptionJa,
    descriptionEn: g.descriptionEn,
    joinPolicy: g.joinPolicy,
    status: g.status,
    official: g.official,
    visibility: visibilityOf(g),
    country: g.country,
    region: g.region,
    department: g.department,
    intakeYear: g.intakeYear,
    memberCount: g.memberCount,
    createdAt: g.createdAt.toISOString(),
    myState: view.myState,
    myRole: view.myState === 'active' ? view.myRole : null,
  };
}

export function presentGroup(detail: GroupDetail, viewer: Viewer): Group {
  const manage = canManageGroup(viewer, detail);
  const proposer = detail.group.createdBy === viewer.id;
  return {
    ...presentGroupCard(detail),
    canManage: manage,
    canDecide: isHr(viewer),
    createdBy: manage ? detail.createdBy : null,
    // The decision note is for the proposer and the group's managers.
    decisionNote: manage || proposer ? detail.group.decisionNote : null,
    decidedAt: iso(detail.group.decidedAt),
    requestCount: manage ? detail.requestCount : 0,
  };
}

export function presentGroupMember(row: {
  id: string;
  displayName: string;
  role: GroupMember['role'];
  state: GroupMember['state'];
  joinedAt: Date | null;
  createdAt: Date;
}): GroupMember {
  return {
    id: row.id,
    displayName: row.displayName,
    role: row.role,
    state: row.state,
    joinedAt: iso(row.joinedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

export const presentGroupForYou = (item: { view: GroupView; reasons: GroupReason[] }) => ({
  group: presentGroupCard(item.view),
  reasons: item.reasons,
});

/** A page of a list as the service returns it, with the page asked for. */
interface Paged<T> {
  rows: T[];
  total: number;
  hasMore: boolean;
}
type PageQuery = { page: number; pageSize: number };

export const presentGroupList = (result: Paged<GroupView>, query: PageQuery): GroupList => ({
  items: result.rows.map(presentGroupCard),
  page: query.page,
  pageSize: query.pageSize,
  total: result.total,
  hasMore: result.hasMore,
});

export const presentGroupsForYou = (
  items: { view: GroupView; reasons: GroupReason[] }[],
): GroupForYouList => ({ items: items.map(presentGroupForYou) });

export const presentGroupMemberList = (
  result: Paged<Parameters<typeof presentGroupMember>[0]> & { others: number },
  query: PageQuery,
): GroupMemberList => ({
  items: result.rows.map(presentGroupMember),
  page: query.page,
  pageSize: query.pageSize,
  total: result.total,
  hasMore: result.hasMore,
  others: result.others,
});

export const presentGroupInvitations = (result: GroupInvitationsResult): GroupInvitationsResult => ({
  invited: result.invited,
  added: result.added,
  unchanged: result.unchanged,
});

/** A group's coming events (the events feature's card) and whether the viewer may add one. */
export const presentGroupEvents = (data: { rows: EventCardRow[]; canCreate: boolean }): GroupEvents => ({
  items: data.rows.map(presentEventCard),
  canCreate: data.canCreate,
});
