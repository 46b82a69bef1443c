import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HIDE_REASON_MAX,
  MODERATOR_NOTE_MAX,
  type ReportDetail,
  SUSPENSION_MAX_DAYS,
} from '#common/moderation';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Spinner } from '#web/components/ui/spinner';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import {
  useAddMemberNote,
  useDismissReport,
  useHideReported,
  useMemberNotes,
  useReportDetail,
  useSuspend,
  useUnhide,
} from './use-moderation';

const fieldsOf = (error: unknown) => (isApiError(error) ? error.fields : {});
const messageOf = (error: unknown, fallback: string) =>
  isApiError(error) && !Object.keys(error.fields).length ? error.message : fallback;

/** One report opened: the content (server-sanitised HTML), the reports, history, record and acts. */
export function ReportReview({ reportId, onClose }: { reportId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const detail = useReportDetail(reportId);
  const [done, setDone] = useState<string | null>(null);
  if (detail.isPending) return <Spinner />;
  if (detail.isError || !detail.data) {
    return <ErrorBanner message={t('errors.generic')} onRetry={() => void detail.refetch()} />;
  }
  const d = detail.data;
  const isOpen = d.report.status === 'open';
  return (
    <div className="space-y-4">
      <Card
        title={t('moderation.admin.detailTitle')}
        id="report-detail"
        actions={
          <Button variant="ghost" size="sm" onClick={onClose}>
            {t('moderation.admin.close')}
          </Button>
        }
      >
        <div className="space-y-4">
          {done && <SuccessBanner>{done}</SuccessBanner>}
          <section aria-labelledby="report-content-title" className="space-y-2">
            <div className="flex flex-wrap items-center gap-2">
              <h3 id="report-content-title" className="font-semibold text-slate-900">
                {t('moderation.admin.content')}
              </h3>
              <Badge tone="ai">{t(`moderation.admin.${d.target.type}`)}</Badge>
              {d.target.hiddenAt && <Badge tone="amber">{t('moderation.admin.hiddenBadge')}</Badge>}
              {d.target.deletedAt && <Badge>{t('moderation.admin.deletedBadge')}</Badge>}
            </div>
            <p className="text-sm text-slate-600">
              {t('moderation.admin.by', {
                name: d.author?.displayName ?? t('moderation.admin.unknownAuthor'),
              })}
              {' · '}
              {f.dateTime(d.target.createdAt)}
            </p>
            {d.target.type === 'comment' && d.target.postTitle && (
              <p className="text-sm text-slate-600">
                {t('moderation.admin.inPost', { title: d.target.postTitle })}
              </p>
            )}
            {d.target.type === 'post' && d.target.postTitle && (
              <p className="font-semibold text-slate-900">{d.target.postTitle}</p>
            )}
            <div
              className="prose prose-sm max-w-none break-words rounded-lg border border-slate-200 bg-slate-50 p-3"
              data-testid="report-content"
              // Sanitised on the server at write time (server/lib/markdown.ts); nothing else is rendered as HTML.
              // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised HTML
              dangerouslySetInnerHTML={{ __html: d.target.bodyHtml }}
            />
            {d.target.hiddenReason && (
              <p className="text-sm text-amber-900">
                {t('moderation.admin.hiddenReason', { reason: d.target.hiddenReason })}
              </p>
            )}
          </section>
          <section aria-labelledby="report-list-title" className="space-y-2">
            <h3 id="report-list-title" className="font-semibold text-slate-900">
              {t('moderation.admin.reports')}
            </h3>
            <ul className="space-y-2">
              {d.reports.map((r) => (
                <li key={r.id} className="rounded-lg border border-slate-200 p-2 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge>{t(`moderation.report.categories.${r.category}`)}</Badge>
                    <span className="text-xs text-slate-500">{f.dateTime(r.createdAt)}</span>
                  </div>
                  <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">
                    {r.note ?? t('moderation.admin.noNote')}
                  </p>
                  {r.moderatorNote && (
                    <p className="mt-1 whitespace-pre-wrap break-words text-xs text-slate-600">
                      {t('moderation.admin.moderatorNote', { note: r.moderatorNote })}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
          {d.target.type === 'post' && <Revisions detail={d} />}
          <AuthorRecord detail={d} />
        </div>
      </Card>
      {isOpen && <HideForm reportId={reportId} onDone={setDone} />}
      {isOpen && <DismissForm reportId={reportId} onDone={setDone} />}
      {!isOpen && d.target.hiddenAt && <UnhideButton detail={d} onDone={setDone} />}
      {d.author && d.author.role !== 'admin' && <SuspendForm userId={d.author.id} onDone={setDone} />}
      {d.author && <MemberNotes userId={d.author.id} />}
    </div>
  );
}

function Revisions({ detail }: { detail: ReportDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section aria-labelledby="report-revisions-title" className="space-y-2">
      <h3 id="report-revisions-title" className="font-semibold text-slate-900">
        {t('moderation.admin.revisions')}
      </h3>
      {detail.revisions.length === 0 && (
        <p className="text-sm text-slate-600">{t('moderation.admin.noRevisions')}</p>
      )}
      <ol className="space-y-2">
        {detail.revisions.map((r) => (
          <li key={r.id} className="rounded-lg border border-slate-200 p-2 text-sm">
            <p className="text-xs text-slate-500">{f.dateTime(r.createdAt)}</p>
            {r.title && <p className="font-medium text-slate-900">{r.title}</p>}
            <p className="whitespace-pre-wrap break-words text-slate-800">{r.bodyMarkdown}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function AuthorRecord({ detail }: { detail: ReportDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rec = detail.authorRecord;
  return (
    <section aria-labelledby="report-record-title" className="space-y-2">
      <h3 id="report-record-title" className="font-semibold text-slate-900">
        {t('moderation.admin.record')}
      </h3>
      <p className="text-sm text-slate-700">
        {t('moderation.admin.recordSummary', {
          hidden: rec.hiddenItems.length,
          reports: rec.reportCount,
          notes: rec.noteCount,
        })}
      </p>
      {rec.hiddenItems.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {rec.hiddenItems.map((h) => (
            <li key={`${h.postId}-${h.commentId ?? ''}`} className="break-words">
              {t(`moderation.admin.${h.targetType}`)} · {f.dateTime(h.hiddenAt)} · {h.hiddenReason}
            </li>
          ))}
        </ul>
      )}
      {rec.suspensions.length > 0 && (
        <>
          <h4 className="text-sm font-medium text-slate-900">{t('moderation.admin.earlierSuspensions')}</h4>
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            {rec.suspensions.map((s) => (
              <li key={s.id} className="break-words">
                {t('moderation.admin.suspensionLine', { until: f.dateTime(s.until), reason: s.reason })}
                {s.liftedAt && ` (${t('moderation.admin.lifted')})`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function HideForm({ reportId, onDone }: { reportId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const hide = useHideReported(reportId);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const fields = fieldsOf(hide.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    hide.mutate(
      { reason, ...(note.trim() ? { moderatorNote: note } : {}) },
      { onSuccess: () => onDone(t('moderation.admin.hide.done')) },
    );
  };
  return (
    <Card title={t('moderation.admin.hide.title')} as="h3">
      <form onSubmit={submit} className="space-y-3">
        <TextArea
          label={t('moderation.admin.hide.reason')}
          value={reason}
          required
          maxLength={HIDE_REASON_MAX}
          onChange={(e) => setReason(e.target.value)}
          errors={fields.reason}
        />
        <TextArea
          label={t('moderation.admin.hide.moderatorNote')}
          value={note}
          maxLength={MODERATOR_NOTE_MAX}
          onChange={(e) => setNote(e.target.value)}
          errors={fields.moderatorNote}
        />
        {hide.isError && !Object.keys(fields).length && (
          <ErrorBanner message={messageOf(hide.error, t('errors.generic'))} />
        )}
        <Button type="submit" variant="danger" isBusy={hide.isPending}>
          {t('moderation.admin.hide.submit')}
        </Button>
      </form>
    </Card>
  );
}

function DismissForm({ reportId, onDone }: { reportId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const dismiss = useDismissReport(reportId);
  const [note, setNote] = useState('');
  const fields = fieldsOf(dismiss.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    dismiss.mutate(note.trim() ? { moderatorNote: note } : {}, {
      onSuccess: () => onDone(t('moderation.admin.dismiss.done')),
    });
  };
  return (
    <Card title={t('moderation.admin.dismiss.title')} as="h3">
      <form onSubmit={submit} className="space-y-3">
        <TextArea
          label={t('moderation.admin.hide.moderatorNote')}
          value={note}
          maxLength={MODERATOR_NOTE_MAX}
          onChange={(e) => setNote(e.target.value)}
          errors={fields.moderatorNote}
        />
        {dismiss.isError && !Object.keys(fields).length && (
          <ErrorBanner message={messageOf(dismiss.error, t('errors.generic'))} />
        )}
        <Button type="submit" variant="secondary" isBusy={dismiss.isPending}>
          {t('moderation.admin.dismiss.submit')}
        </Button>
      </form>
    </Card>
  );
}

function UnhideButton({ detail, onDone }: { detail: ReportDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const unhide = useUnhide();
  return (
    <div className="space-y-2">
      {unhide.isError && <ErrorBanner message={messageOf(unhide.error, t('errors.generic'))} />}
      <Button
        variant="secondary"
        isBusy={unhide.isPending}
        onClick={() =>
          unhide.mutate(
            { postId: detail.target.postId, commentId: detail.target.commentId },
            { onSuccess: () => onDone(t('moderation.admin.unhide.done')) },
          )
        }
      >
        {t('moderation.admin.unhide.submit')}
      </Button>
    </div>
  );
}

function SuspendForm({ userId, onDone }: { userId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const suspend = useSuspend();
  const [days, setDays] = useState('7');
  const [reason, setReason] = useState('');
  const fields = fieldsOf(suspend.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    suspend.mutate(
      { userId, days: Number(days), reason },
      { onSuccess: (s) => onDone(t('moderation.admin.suspend.done', { date: f.dateTime(s.until) })) },
    );
  };
  return (
    <Card title={t('moderation.admin.suspend.title')} as="h3">
      <form onSubmit={submit} className="space-y-3">
        <TextField
          label={t('moderation.admin.suspend.days')}
          type="number"
          inputMode="numeric"
          min={1}
          max={SUSPENSION_MAX_DAYS}
          required
          value={days}
          onChange={(e) => setDays(e.target.value)}
          errors={fields.days}
        />
        <TextArea
          label={t('moderation.admin.suspend.reason')}
          required
          maxLength={HIDE_REASON_MAX}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          errors={[...(fields.reason ?? []), ...(fields.userId ?? [])]}
        />
        {suspend.isError && !Object.keys(fields).length && (
          <ErrorBanner message={messageOf(suspend.error, t('errors.generic'))} />
        )}
        <Button type="submit" variant="secondary" isBusy={suspend.isPending}>
          {t('moderation.admin.suspend.submit')}
        </Button>
      </form>
    </Card>
  );
}

function MemberNotes({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const notes = useMemberNotes(userId);
  const add = useAddMemberNote(userId);
  const [body, setBody] = useState('');
  const fields = fieldsOf(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <Card title={t('moderation.admin.notes.title')} as="h3">
      <div className="space-y-3">
        {notes.isPending && <Spinner />}
        {notes.data && notes.data.items.length === 0 && (
          <p className="text-sm text-slate-600">{t('moderation.admin.notes.empty')}</p>
        )}
        {notes.data && notes.data.items.length > 0 && (
          <ul className="space-y-2" data-testid="member-notes">
            {notes.data.items.map((n) => (
              <li key={n.id} className="rounded-lg border border-slate-200 p-2 text-sm">
                <p className="whitespace-pre-wrap break-words text-slate-800">{n.body}</p>
                <p className="mt-1 text-xs text-slate-500">
                  {t('moderation.admin.notes.byLine', {
                    name: n.author?.displayName ?? t('moderation.admin.unknownAuthor'),
                    date: f.dateTime(n.createdAt),
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={submit} className="space-y-3">
          <TextArea
            label={t('moderation.admin.notes.add')}
            required
            maxLength={MODERATOR_NOTE_MAX}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            errors={fields.body}
          />
          <Button type="submit" variant="secondary" isBusy={add.isPending}>
            {t('moderation.admin.notes.submit')}
          </Button>
        </form>
      </div>
    </Card>
  );
}
