import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PEOPLE_REPORT_CATEGORIES, type PeopleReportCategory, type Relation } from '#common/connections';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Select } from '#web/components/ui/select';
import { TextArea } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import {
  useBlock,
  useDecideRequest,
  useFollow,
  useMemberConnections,
  useRelation,
  useRemoveConnection,
  useReportMember,
  useSendRequest,
} from './use-connections';

type Panel = 'none' | 'connect' | 'block' | 'report';

/**
 * The contact actions on a member's profile (issue 12): connect (with a note), accept, withdraw,
 * remove, follow, message, request advice, and under "More" block and report. What is offered comes
 * from `GET /api/members/{id}/relation`, so the buttons match what the server will allow.
 */
export function RelationActions({ memberId, name }: { memberId: string; name: string }) {
  const relation = useRelation(memberId);
  if (!relation.data || relation.data.isSelf) return null;
  return <RelationView relation={relation.data} name={name} />;
}

function RelationView({ relation: r, name }: { relation: Relation; name: string }) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<Panel>('none');
  const [note, setNote] = useState('');
  const [category, setCategory] = useState<PeopleReportCategory>('spam');
  const [reportNote, setReportNote] = useState('');
  const [reported, setReported] = useState(false);
  const [showConnections, setShowConnections] = useState(false);
  const theirConnections = useMemberConnections(r.memberId, showConnections && r.canSeeConnections);
  const menu = useRef<HTMLDetailsElement>(null);
  // Choosing from the "…" menu closes it.
  const choose = (run: () => void) => () => {
    if (menu.current) menu.current.open = false;
    run();
  };
  const send = useSendRequest();
  const decide = useDecideRequest();
  const remove = useRemoveConnection();
  const follow = useFollow();
  const block = useBlock();
  const report = useReportMember();
  const error = [send, decide, remove, follow, block, report].find((m) => m.error)?.error;
  const id = r.memberId;

  if (r.blockedByMe) {
    return (
      <div className="mt-4 flex flex-wrap items-center gap-3 rounded-xl bg-slate-50 p-3 text-sm text-slate-700">
        <span>{t('connections.actions.blockedNotice')}</span>
        <Button
          variant="secondary"
          size="sm"
          isBusy={block.isPending}
          onClick={() => block.mutate({ memberId: id, block: false })}
        >
          {t('connections.actions.unblock')}
        </Button>
      </div>
    );
  }

  const submitRequest = (e: FormEvent) => {
    e.preventDefault();
    send.mutate(
      { toId: id, note: note.trim() || undefined },
      {
        onSuccess: () => {
          setPanel('none');
          setNote('');
        },
      },
    );
  };
  const submitReport = (e: FormEvent) => {
    e.preventDefault();
    report.mutate(
      { memberId: id, report: { category, note: reportNote.trim() || null } },
      {
        onSuccess: () => {
          setPanel('none');
          setReported(true);
        },
      },
    );
  };
  const { state, requestId } = r.connection;
  const fieldErrors = (m: typeof send | typeof report, field: string) =>
    isApiError(m.error) ? m.error.fields[field] : undefined;

  return (
    <section aria-label={t('connections.actions.label', { name })} className="mt-5 space-y-3">
      {(r.mutual.count > 0 || r.followerCount > 0) && (
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
          {r.mutual.count > 0 && (
            <span data-testid="mutual-connections">
              {t('connections.actions.mutualWith', {
                count: r.mutual.count,
                names: r.mutual.sample.map((m) => m.displayName).join('、'),
              })}
            </span>
          )}
          {r.canFollow && <span>{t('connections.actions.followers', { count: r.followerCount })}</span>}
        </p>
      )}
      {r.canSeeConnections && (
        <div>
          <button
            type="button"
            aria-expanded={showConnections}
            className="text-sm font-medium text-ai-700 underline-offset-2 hover:underline"
            onClick={() => setShowConnections((v) => !v)}
          >
            {t('connections.actions.seeConnections')}
          </button>
          {showConnections && theirConnections.data && (
            <ul className="mt-2 flex flex-wrap gap-2 text-sm">
              {theirConnections.data.items.map((c) => (
                <li key={c.member.id}>
                  <Link
                    to={`/members/${c.member.id}`}
                    className="rounded-full bg-slate-100 px-3 py-1 hover:bg-slate-200"
                  >
                    {c.member.displayName}
                  </Link>
                </li>
              ))}
              {theirConnections.data.hasMore && <li className="px-2 py-1 text-slate-500">…</li>}
            </ul>
          )}
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {state === 'none' && panel !== 'connect' && (
          <Button size="sm" onClick={() => setPanel('connect')}>
            {t('connections.actions.connect')}
          </Button>
        )}
        {state === 'pending_out' && (
          <>
            <span className="text-sm font-medium text-slate-600">{t('connections.actions.pending')}</span>
            {requestId && (
              <Button
                variant="secondary"
                size="sm"
                isBusy={decide.isPending}
                onClick={() => decide.mutate({ id: requestId, decision: 'withdraw' })}
              >
                {t('connections.withdraw')}
              </Button>
            )}
          </>
        )}
        {state === 'pending_in' && requestId && (
          <>
            <Button
              size="sm"
              isBusy={decide.isPending}
              onClick={() => decide.mutate({ id: requestId, decision: 'accept' })}
            >
              {t('connections.actions.accept')}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => decide.mutate({ id: requestId, decision: 'decline' })}
            >
              {t('connections.actions.decline')}
            </Button>
          </>
        )}
        {state === 'connected' && (
          <span className="rounded-full bg-ai-50 px-3 py-1 text-sm font-medium text-ai-800">
            {t('connections.actions.connected')}
          </span>
        )}
        {r.canFollow && (
          <Button
            variant={r.following ? 'secondary' : 'primary'}
            size="sm"
            aria-pressed={r.following}
            isBusy={follow.isPending}
            onClick={() => follow.mutate({ memberId: id, follow: !r.following })}
          >
            {r.following ? t('connections.actions.unfollow') : t('connections.actions.follow')}
          </Button>
        )}
        {r.canMessage && (
          <Link
            to={`/messages/new?to=${encodeURIComponent(id)}`}
            className={buttonClasses('secondary', 'sm')}
          >
            {t('connections.actions.message')}
          </Link>
        )}
        {r.canRequestAdvice && (
          <Link to={`/advice/new?to=${encodeURIComponent(id)}`} className={buttonClasses('secondary', 'sm')}>
            {t('connections.actions.advice')}
          </Link>
        )}
        <details ref={menu} className="relative">
          <summary className={`${buttonClasses('ghost', 'sm')} cursor-pointer list-none`}>
            <span aria-hidden="true">…</span>
            <span className="sr-only">{t('connections.actions.more')}</span>
          </summary>
          <div className="absolute right-0 z-10 mt-1 flex w-56 flex-col rounded-xl border border-slate-200 bg-white p-1 shadow-lg">
            {state === 'connected' && (
              <button
                type="button"
                className="rounded-lg px-3 py-2 text-left text-sm hover:bg-slate-50"
                onClick={choose(() => remove.mutate(id))}
              >
                {t('connections.actions.remove')}
              </button>
            )}
            <button
              type="button"
              className="rounded-lg px-3 py-2 text-left text-sm hover:bg-slate-50"
              onClick={choose(() => setPanel('block'))}
            >
              {t('connections.actions.block')}
            </button>
            <button
              type="button"
              className="rounded-lg px-3 py-2 text-left text-sm hover:bg-slate-50"
              onClick={choose(() => setPanel('report'))}
            >
              {t('connections.actions.report')}
            </button>
          </div>
        </details>
      </div>

      {error && !fieldErrors(send, 'note') && !fieldErrors(report, 'note') && (
        <ErrorBanner message={isApiError(error) ? error.message : t('errors.generic')} />
      )}
      {reported && <SuccessBanner>{t('connections.actions.reported')}</SuccessBanner>}

      {panel === 'connect' && (
        <form onSubmit={submitRequest} className="space-y-3 rounded-xl border border-slate-200 p-4">
          <TextArea
            label={t('connections.actions.notePrompt')}
            hint={t('connections.actions.noteHint')}
            name="note"
            maxLength={300}
            value={note}
            errors={fieldErrors(send, 'note')}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" isBusy={send.isPending}>
              {t('connections.actions.send')}
            </Button>
            <Button type="button" variant="secondary" size="sm" onClick={() => setPanel('none')}>
              {t('connections.actions.cancel')}
            </Button>
          </div>
        </form>
      )}
      {panel === 'block' && (
        <div className="space-y-3 rounded-xl border border-slate-300 bg-slate-50 p-4">
          <p className="text-sm text-slate-800">{t('connections.actions.blockConfirm', { name })}</p>
          <div className="flex gap-2">
            <Button
              variant="danger"
              size="sm"
              isBusy={block.isPending}
              onClick={() =>
                block.mutate({ memberId: id, block: true }, { onSuccess: () => setPanel('none') })
              }
            >
              {t('connections.actions.block')}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setPanel('none')}>
              {t('connections.actions.cancel')}
            </Button>
          </div>
        </div>
      )}
      {panel === 'report' && (
        <form onSubmit={submitReport} className="space-y-3 rounded-xl border border-slate-200 p-4">
          <h2 className="font-semibold text-slate-900">{t('connections.actions.reportTitle', { name })}</h2>
          <Select
            label={t('connections.actions.reportCategory')}
            name="category"
            value={category}
            options={PEOPLE_REPORT_CATEGORIES.map((c) => ({
              value: c,
              label: t(`connections.actions.categories.${c}`),
            }))}
            onChange={(e) => setCategory(e.target.value as PeopleReportCategory)}
          />
          <TextArea
            label={t('connections.actions.reportNote')}
            name="reportNote"
            maxLength={2000}
            value={reportNote}
            errors={fieldErrors(report, 'note')}
            onChange={(e) => setReportNote(e.target.value)}
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" isBusy={report.isPending}>
              {t('connections.actions.reportSend')}
            </Button>
            <Button type="button" variant="secondary" size="sm" onClick={() => setPanel('none')}>
              {t('connections.actions.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
