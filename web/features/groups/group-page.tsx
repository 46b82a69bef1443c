import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Group, GroupMember } from '#common/groups';
import { MemberPicker, type PickedMember } from '#web/components/member-picker';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { inputClasses } from '#web/components/ui/field';
import { PageSpinner } from '#web/components/ui/spinner';
import { GroupFeed } from '#web/features/posts/group-feed';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { GroupBadges } from './group-card';
import { GroupEventsCard } from './group-events';
import {
  groupDescription,
  groupName,
  useDecideGroup,
  useDecideRequest,
  useGroup,
  useGroupAction,
  useGroupMembers,
  useInvite,
  useRemoveMember,
  useSetRole,
} from './use-groups';

const errorText = (error: unknown, fallback: string) => (isApiError(error) ? error.message : fallback);

/** Join / ask / accept / leave, by the viewer's state and the group's policy. */
function MembershipActions({ group }: { group: Group }) {
  const { t } = useTranslation();
  const action = useGroupAction(group.id);
  const busy = action.isPending;
  const run = (a: Parameters<typeof action.mutate>[0]) => action.mutate(a);
  let body: React.ReactNode = null;
  if (group.myState === 'active') {
    body = (
      <>
        <Badge tone="green">
          {group.myRole === 'admin' ? t('groups.actions.admin') : t('groups.actions.member')}
        </Badge>
        <Button variant="ghost" size="sm" isBusy={busy} onClick={() => run('leave')}>
          {t('groups.actions.leave')}
        </Button>
      </>
    );
  } else if (group.myState === 'requested') {
    body = (
      <>
        <Badge tone="neutral">{t('groups.actions.requested')}</Badge>
        <Button variant="ghost" size="sm" isBusy={busy} onClick={() => run('leave')}>
          {t('groups.actions.withdraw')}
        </Button>
      </>
    );
  } else if (group.myState === 'invited') {
    body = (
      <>
        <span className="text-sm text-slate-700">{t('groups.actions.invited')}</span>
        <Button size="sm" isBusy={busy} onClick={() => run('invitation/accept')}>
          {t('groups.actions.accept')}
        </Button>
        <Button variant="ghost" size="sm" isBusy={busy} onClick={() => run('invitation/decline')}>
          {t('groups.actions.decline')}
        </Button>
      </>
    );
  } else if (group.status === 'active') {
    body =
      group.joinPolicy === 'invite' ? (
        <span className="text-sm text-slate-600">{t('groups.actions.inviteOnly')}</span>
      ) : (
        <Button isBusy={busy} onClick={() => run('join')}>
          {group.joinPolicy === 'open' ? t('groups.actions.join') : t('groups.actions.request')}
        </Button>
      );
  }
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2" data-testid="membership">
        {body}
      </div>
      {action.error && <ErrorBanner message={errorText(action.error, t('errors.generic'))} />}
    </div>
  );
}

/** HR: approve or decline a proposal, archive an active group. */
function HrActions({ group }: { group: Group }) {
  const { t } = useTranslation();
  const decide = useDecideGroup();
  const archive = useGroupAction(group.id);
  const [note, setNote] = useState('');
  const noteId = useId();
  if (!group.canDecide) return null;
  if (group.status === 'pending') {
    return (
      <div className="space-y-2 rounded-xl border border-amber-200 bg-amber-50 p-3">
        <label htmlFor={noteId} className="block text-sm font-medium text-slate-800">
          {t('groups.admin.note')}
        </label>
        <textarea
          id={noteId}
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className={inputClasses}
        />
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            isBusy={decide.isPending}
            onClick={() => decide.mutate({ id: group.id, decision: 'approve', note })}
          >
            {t('groups.admin.approve')}
          </Button>
          <Button
            size="sm"
            variant="danger"
            isBusy={decide.isPending}
            onClick={() => decide.mutate({ id: group.id, decision: 'decline', note })}
          >
            {t('groups.admin.decline')}
          </Button>
        </div>
        {decide.error && <ErrorBanner message={errorText(decide.error, t('errors.generic'))} />}
      </div>
    );
  }
  if (group.status !== 'active') return null;
  return (
    <Button
      variant="ghost"
      size="sm"
      isBusy={archive.isPending}
      onClick={() => {
        if (window.confirm(t('groups.actions.archiveConfirm'))) archive.mutate('archive');
      }}
    >
      {t('groups.actions.archive')}
    </Button>
  );
}

function MemberRow({ group, member }: { group: Group; member: GroupMember }) {
  const { t } = useTranslation();
  const setRole = useSetRole(group.id);
  const remove = useRemoveMember(group.id);
  const decide = useDecideRequest(group.id);
  const error = setRole.error ?? remove.error ?? decide.error;
  return (
    <li className="flex flex-wrap items-center gap-2 py-2.5" data-testid="group-member">
      <Link to={`/members/${member.id}`} className="font-medium text-slate-900 hover:text-ai-700">
        {member.displayName}
      </Link>
      {member.role === 'admin' && member.state === 'active' && (
        <Badge tone="ai">{t('groups.page.adminBadge')}</Badge>
      )}
      {group.canManage && (
        <span className="ml-auto flex flex-wrap gap-1">
          {member.state === 'requested' && (
            <>
              <Button
                size="compact"
                isBusy={decide.isPending}
                onClick={() => decide.mutate({ userId: member.id, decision: 'approve' })}
              >
                {t('groups.page.approve')}
              </Button>
              <Button
                size="compact"
                variant="ghost"
                isBusy={decide.isPending}
                onClick={() => decide.mutate({ userId: member.id, decision: 'decline' })}
              >
                {t('groups.page.decline')}
              </Button>
            </>
          )}
          {member.state === 'active' && (
            <Button
              size="compact"
              variant="ghost"
              isBusy={setRole.isPending}
              onClick={() =>
                setRole.mutate({ userId: member.id, role: member.role === 'admin' ? 'member' : 'admin' })
              }
            >
              {member.role === 'admin' ? t('groups.page.makeMember') : t('groups.page.makeAdmin')}
            </Button>
          )}
          {member.state !== 'requested' && (
            <Button
              size="compact"
              variant="ghost"
              isBusy={remove.isPending}
              onClick={() => remove.mutate(member.id)}
            >
              {t('groups.page.remove')}
            </Button>
          )}
        </span>
      )}
      {error && (
        <div className="w-full">
          <ErrorBanner message={errorText(error, t('errors.generic'))} />
        </div>
      )}
    </li>
  );
}

function MemberList({ group, state, empty }: { group: Group; state: GroupMember['state']; empty: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const members = useGroupMembers(group.id, state);
  if (members.error) return <ErrorBanner message={errorText(members.error, t('errors.generic'))} />;
  if (!members.data) return <p className="text-sm text-slate-600">{t('common.loading')}</p>;
  const { items, others } = members.data;
  const othersLine = others > 0 && (
    <p className="text-sm text-slate-600" data-testid="group-member-others">
      {t('groups.page.others', { count: others, formatted: format.number(others) })}
    </p>
  );
  if (items.length === 0) return othersLine || <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100">
        {items.map((m) => (
          <MemberRow key={m.id} group={group} member={m} />
        ))}
      </ul>
      {othersLine}
    </>
  );
}

/** Admins: search members by name, pick several, invite them. */
function InvitePicker({ group }: { group: Group }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<PickedMember[]>([]);
  const invite = useInvite(group.id);
  return (
    <div className="space-y-2">
      <MemberPicker label={t('groups.page.invite')} value={picked} onChange={setPicked} />
      <Button
        size="sm"
        disabled={picked.length === 0}
        isBusy={invite.isPending}
        onClick={() =>
          invite.mutate(
            picked.map((m) => m.id),
            { onSuccess: () => setPicked([]) },
          )
        }
      >
        {t('groups.page.inviteSend')}
      </Button>
      {invite.isSuccess && <SuccessBanner>{t('groups.page.invitedDone')}</SuccessBanner>}
      {invite.error && <ErrorBanner message={errorText(invite.error, t('errors.generic'))} />}
    </div>
  );
}

const TABS = ['posts', 'members', 'requests', 'invitations'] as const;
type Tab = (typeof TABS)[number];

/** `/groups/:id`: the group, the viewer's membership, posts and members; its admins manage it here. */
export function GroupPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id } = useParams();
  const group = useGroup(id);
  const [params, setParams] = useSearchParams();
  const g = group.data;
  useDocumentTitle(g ? groupName(g, format.lang) : t('groups.title'));
  if (group.error) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-8">
        <ErrorBanner
          message={
            isApiError(group.error) && group.error.status === 404
              ? t('groups.page.notFound')
              : errorText(group.error, t('errors.generic'))
          }
        />
      </div>
    );
  }
  if (!g) return <PageSpinner />;
  const tabs = TABS.filter((x) => g.canManage || x === 'posts' || x === 'members');
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && tabs.includes(requested) ? requested : 'posts';
  const description = groupDescription(g, format.lang);
  const where = [g.region, g.country ? format.country(g.country) : null].filter(Boolean).join(', ');
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
      <Link to="/groups" className="text-sm text-ai-700 underline">
        {t('groups.page.back')}
      </Link>
      <header className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-xs">
        <h1 className="text-2xl font-bold text-slate-900 break-words" data-testid="group-name">
          {groupName(g, format.lang)}
        </h1>
        <GroupBadges group={g} />
        {description && (
          <p className="whitespace-pre-line text-sm text-slate-700 break-words">{description}</p>
        )}
        <dl className="grid gap-x-6 gap-y-1 text-sm text-slate-600 sm:grid-cols-3">
          {where && (
            <div>
              <dt className="inline font-medium">{t('groups.page.where')}: </dt>
              <dd className="inline">{where}</dd>
            </div>
          )}
          {g.department && (
            <div>
              <dt className="inline font-medium">{t('groups.page.department')}: </dt>
              <dd className="inline">{g.department}</dd>
            </div>
          )}
          {g.intakeYear != null && (
            <div>
              <dt className="inline font-medium">{t('groups.page.intakeYear')}: </dt>
              <dd className="inline">{g.intakeYear}</dd>
            </div>
          )}
        </dl>
        <p className="text-sm text-slate-600" data-testid="member-count">
          {t('groups.members', { count: g.memberCount, formatted: format.number(g.memberCount) })}
          {' · '}
          {t(`groups.policies.${g.joinPolicy}`)}
        </p>
        {g.createdBy && !g.official && (
          <p className="text-xs text-slate-500">
            {t('groups.page.proposedBy', { name: g.createdBy.displayName })}
          </p>
        )}
        {g.status === 'pending' && (
          <p className="rounded-lg bg-amber-50 p-2 text-sm text-amber-900">{t('groups.page.pendingNote')}</p>
        )}
        {g.status === 'declined' && (
          <p className="rounded-lg bg-red-50 p-2 text-sm text-red-900">{t('groups.page.declinedNote')}</p>
        )}
        {g.status === 'archived' && (
          <p className="rounded-lg bg-slate-100 p-2 text-sm text-slate-700">
            {t('groups.page.archivedNote')}
          </p>
        )}
        {g.decisionNote && (
          <p className="text-sm text-slate-700 break-words">
            {t('groups.page.decisionNote', { note: g.decisionNote })}
          </p>
        )}
        <MembershipActions group={g} />
        <HrActions group={g} />
      </header>
      {g.status === 'active' && <GroupEventsCard group={g} />}
      <nav className="flex flex-wrap gap-1 border-b border-slate-200" aria-label={groupName(g, format.lang)}>
        {tabs.map((value) => (
          <button
            key={value}
            type="button"
            aria-current={tab === value ? 'page' : undefined}
            onClick={() => setParams(value === 'posts' ? {} : { tab: value })}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              tab === value
                ? 'border-ai-700 text-ai-800'
                : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {t(`groups.page.${value}`)}
            {value === 'requests' && g.requestCount > 0 ? ` (${g.requestCount})` : ''}
          </button>
        ))}
      </nav>
      {tab === 'posts' && (
        <GroupFeed groupId={g.id} canPost={g.myState === 'active' && g.status === 'active'} />
      )}
      {tab === 'members' && <MemberList group={g} state="active" empty="" />}
      {tab === 'requests' && <MemberList group={g} state="requested" empty={t('groups.page.noRequests')} />}
      {tab === 'invitations' && (
        <div className="space-y-4">
          {g.status === 'active' && <InvitePicker group={g} />}
          <MemberList group={g} state="invited" empty={t('groups.page.noInvitations')} />
        </div>
      )}
    </div>
  );
}
