import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { PipelineCardDetail } from '#common/pipeline';
import type { Industry } from '#common/reference';
import { PIPELINE_STAGES, type PipelineStage } from '#common/rehiring-reference';
import { NotFoundPage } from '#web/components/not-found-page';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Select } from '#web/components/ui/select';
import { PageSpinner } from '#web/components/ui/spinner';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { EligibilityBadge, jobTitle, SourceBadge, StageBadge } from './pipeline-badges';
import { cardCsvUrl, useAddNote, useMoveCard, usePipelineCard, useSendToAts } from './use-pipeline';

const TIME_ZONES = [
  'Asia/Tokyo',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Europe/London',
  'America/New_York',
  'America/Sao_Paulo',
];

/** `/admin/pipeline/:id`: one card for HR — the person, their history, notes, moves, hand-off. */
export function PipelineCardPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const query = usePipelineCard(id);
  if (query.isPending) return <PageSpinner />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
      return <NotFoundPage />;
    }
    return (
      <div className="mx-auto max-w-5xl px-4 py-6">
        <ErrorBanner
          message={isApiError(query.error) ? query.error.message : t('errors.generic')}
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  }
  return <CardView card={query.data} onRefresh={() => void query.refetch()} />;
}

function CardView({ card, onRefresh }: { card: PipelineCardDetail; onRefresh: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = t('pipeline.detail.title', { name: card.displayName });
  useDocumentTitle(title);
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <Link to="/admin/pipeline" className="text-sm text-ai-700 underline-offset-2 hover:underline">
          ← {t('pipeline.detail.back')}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold text-slate-900">{card.displayName}</h1>
          <SourceBadge source={card.source} />
          <StageBadge stage={card.stage} />
          <Badge tone="shu">{t('pipeline.detail.hrOnly')}</Badge>
        </div>
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <Item label={t('pipeline.detail.job')}>
            {card.job ? jobTitle(card.job, f.lang) : t('pipeline.card.noJob')}
          </Item>
          <Item label={t('pipeline.detail.email')}>
            {card.person.email ? (
              <a href={`mailto:${card.person.email}`} className="break-all text-ai-700 hover:underline">
                {card.person.email}
              </a>
            ) : (
              '—'
            )}
          </Item>
          <Item label={t('pipeline.detail.member')}>
            {card.person.memberId ? (
              <Link to={`/members/${card.person.memberId}`} className="text-ai-700 hover:underline">
                {card.person.role ? f.role(card.person.role as never) : card.displayName}
              </Link>
            ) : (
              t('pipeline.detail.notMember')
            )}
          </Item>
        </dl>
        <p className="mt-2 text-xs text-slate-500">
          {t('pipeline.detail.since', { date: f.date(card.createdAt) })} ·{' '}
          {t('pipeline.card.daysInStage', { count: card.daysInStage })}
        </p>
      </div>

      <MovePanel card={card} />

      <div className="grid gap-6 lg:grid-cols-2">
        <HistoryCard card={card} />
        <EligibilityCard card={card} />
        <CareerCard card={card} />
        {card.interest && <InterestCard interest={card.interest} />}
        {card.referral && <ReferralCard referral={card.referral} />}
      </div>

      {card.hire && <HireCard hire={card.hire} />}
      <NotesCard card={card} />
      <StageHistoryCard card={card} />
      <AtsPanel card={card} onRefresh={onRefresh} />
    </div>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** Move control; "rehired" opens the hire form (start date, role, department, time zone). */
function MovePanel({ card }: { card: PipelineCardDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [params] = useSearchParams();
  const asked = params.get('move');
  const initial =
    asked && asked !== card.stage && (PIPELINE_STAGES as readonly string[]).includes(asked) ? asked : '';
  const move = useMoveCard();
  const [stage, setStage] = useState<string>(initial);
  const [startOn, setStartOn] = useState('');
  const [roleTitle, setRoleTitle] = useState('');
  const [department, setDepartment] = useState('');
  const [timeZone, setTimeZone] = useState('Asia/Tokyo');
  const [done, setDone] = useState<string | null>(null);
  const fields = isApiError(move.error) ? move.error.fields : {};
  const locked = card.hire?.hasStarted ?? false;

  if (card.hire && (locked || card.source === 'referral')) {
    return (
      <Card title={t('pipeline.detail.move.title')} id="move">
        <p className="text-sm text-slate-700">
          {locked
            ? t('pipeline.detail.move.locked', { date: f.date(card.hire.startOn) })
            : t('pipeline.detail.move.referralFinal')}
        </p>
      </Card>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!stage) return;
    setDone(null);
    const s = stage as PipelineStage;
    move.mutate(
      {
        id: card.id,
        stage: s,
        ...(s === 'rehired'
          ? { hire: { startOn, roleTitle, department: department.trim() || null, timeZone } }
          : {}),
      },
      {
        onSuccess: () => {
          setDone(t('pipeline.detail.move.moved', { stage: t(`pipeline.stages.${s}`) }));
          setStage('');
        },
      },
    );
  };
  const generalError =
    isApiError(move.error) && (Object.keys(fields).length === 0 || fields.hire) ? move.error.message : null;
  return (
    <Card title={t('pipeline.detail.move.title')} id="move">
      <div aria-live="polite" className={done ? 'mb-4' : undefined}>
        {done && <SuccessBanner>{done}</SuccessBanner>}
      </div>
      {generalError && (
        <div className="mb-4">
          <ErrorBanner message={fields.hire ? fields.hire.join(' ') : generalError} />
        </div>
      )}
      <form onSubmit={submit} noValidate className="space-y-4">
        <p className="text-sm text-slate-600">
          {t('pipeline.detail.move.current', { stage: t(`pipeline.stages.${card.stage}`) })}
        </p>
        <Select
          label={t('pipeline.detail.move.stage')}
          name="stage"
          value={stage}
          emptyOption={t('pipeline.card.moveTo')}
          options={PIPELINE_STAGES.filter((s) => s !== card.stage).map((s) => ({
            value: s,
            label: t(`pipeline.stages.${s}`),
          }))}
          onChange={(e) => setStage(e.target.value)}
          errors={fields.stage}
          containerClassName="max-w-sm"
        />
        {stage === 'rehired' && (
          <fieldset className="space-y-4 rounded-xl border border-slate-200 p-4">
            <legend className="px-1 text-sm font-medium text-slate-800">
              {t('pipeline.detail.hire.title')}
            </legend>
            <p className="text-sm text-slate-600">{t('pipeline.detail.move.rehiredHint')}</p>
            {card.eligibility.value === 'not_eligible' && (
              <p className="text-sm font-medium text-red-800">
                {t('pipeline.detail.move.notEligibleWarning')}
              </p>
            )}
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label={t('pipeline.detail.move.startOn')}
                name="startOn"
                type="date"
                required
                value={startOn}
                onChange={(e) => setStartOn(e.target.value)}
                errors={fields['hire.startOn']}
              />
              <Select
                label={t('pipeline.detail.move.timeZone')}
                name="timeZone"
                value={timeZone}
                options={TIME_ZONES.map((z) => ({ value: z, label: z }))}
                onChange={(e) => setTimeZone(e.target.value)}
                errors={fields['hire.timeZone']}
              />
              <TextField
                label={t('pipeline.detail.move.roleTitle')}
                name="roleTitle"
                required
                value={roleTitle}
                onChange={(e) => setRoleTitle(e.target.value)}
                errors={fields['hire.roleTitle']}
              />
              <TextField
                label={t('pipeline.detail.move.department')}
                name="department"
                value={department}
                onChange={(e) => setDepartment(e.target.value)}
                errors={fields['hire.department']}
              />
            </div>
            {card.source === 'interest' && (
              <p className="text-xs text-slate-500">{t('pipeline.detail.move.undoHint')}</p>
            )}
          </fieldset>
        )}
        <Button type="submit" isBusy={move.isPending} disabled={!stage}>
          {t('pipeline.detail.move.submit')}
        </Button>
      </form>
    </Card>
  );
}

function HistoryCard({ card }: { card: PipelineCardDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const h = card.history;
  return (
    <Card title={t('pipeline.detail.history.title')} id="history" as="h2">
      {h.source === 'none' ? (
        <p className="text-sm text-slate-600">{t('pipeline.detail.history.none')}</p>
      ) : (
        <>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <Item label={t('pipeline.detail.history.departments')}>
              {h.departments.length > 0 ? f.list(h.departments) : '—'}
            </Item>
            <Item label={t('pipeline.detail.history.lastTitle')}>{h.lastTitle ?? '—'}</Item>
            <Item label={t('pipeline.detail.history.joined')}>{h.joinedOn ? f.date(h.joinedOn) : '—'}</Item>
            <Item label={t('pipeline.detail.history.left')}>{h.leftOn ? f.date(h.leftOn) : '—'}</Item>
            <Item label={t('pipeline.detail.history.years')}>
              {card.yearsAtCompany === null
                ? '—'
                : card.yearsAtCompany === 0
                  ? t('pipeline.detail.history.underOneYear')
                  : t('pipeline.detail.history.yearsValue', { count: card.yearsAtCompany })}
            </Item>
            <Item label={t('pipeline.detail.history.office')}>{h.office ?? '—'}</Item>
          </dl>
          <p className="mt-3 text-xs text-slate-500">
            {h.source === 'hr_record'
              ? t('pipeline.detail.history.fromHr')
              : t('pipeline.detail.history.fromProfile')}
          </p>
        </>
      )}
    </Card>
  );
}

function EligibilityCard({ card }: { card: PipelineCardDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const e = card.eligibility;
  return (
    <Card title={t('pipeline.detail.eligibility.title')} id="eligibility">
      {!e.caseId ? (
        <p className="text-sm text-slate-600">{t('pipeline.detail.eligibility.none')}</p>
      ) : (
        <div className="space-y-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            {e.value ? (
              <EligibilityBadge value={e.value} />
            ) : (
              <span className="text-slate-600">{t('pipeline.detail.eligibility.notDecided')}</span>
            )}
            {e.lastDay && (
              <span className="text-slate-500">
                {t('pipeline.detail.eligibility.lastDay', { date: f.date(e.lastDay) })}
              </span>
            )}
          </div>
          {e.reason && (
            <dl>
              <Item label={t('pipeline.detail.eligibility.reason')}>
                <span className="font-normal whitespace-pre-line">{e.reason}</span>
              </Item>
            </dl>
          )}
          <Link to={`/exits/${e.caseId}`} className="text-ai-700 underline-offset-2 hover:underline">
            {t('pipeline.detail.eligibility.openCase')}
          </Link>
        </div>
      )}
    </Card>
  );
}

function CareerCard({ card }: { card: PipelineCardDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const c = card.career;
  const empty =
    c && !c.currentEmployer && !c.currentTitle && !c.industry && !c.location && c.skills.length === 0;
  return (
    <Card title={t('pipeline.detail.career.title')} id="career">
      {!c ? (
        <p className="text-sm text-slate-600">{t('pipeline.detail.career.notMember')}</p>
      ) : empty ? (
        <p className="text-sm text-slate-600">{t('pipeline.detail.career.none')}</p>
      ) : (
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <Item label={t('pipeline.detail.career.employer')}>{c.currentEmployer ?? '—'}</Item>
          <Item label={t('pipeline.detail.career.currentTitle')}>{c.currentTitle ?? '—'}</Item>
          <Item label={t('pipeline.detail.career.industry')}>
            {c.industry ? f.industry(c.industry as Industry) : '—'}
          </Item>
          <Item label={t('pipeline.detail.career.location')}>{c.location ?? '—'}</Item>
          <div className="sm:col-span-2">
            <dt className="text-slate-600">{t('pipeline.detail.career.skills')}</dt>
            <dd className="mt-1 flex flex-wrap gap-1.5">
              {c.skills.length > 0 ? c.skills.map((s) => <Badge key={s}>{s}</Badge>) : '—'}
            </dd>
          </div>
        </dl>
      )}
    </Card>
  );
}

function InterestCard({ interest }: { interest: NonNullable<PipelineCardDetail['interest']> }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card title={t('pipeline.detail.interest.title')} id="interest">
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <Item label={t('pipeline.detail.interest.roles')}>
          {interest.preferredRoles.length > 0 ? f.list(interest.preferredRoles) : '—'}
        </Item>
        <Item label={t('pipeline.detail.interest.locations')}>
          {interest.preferredLocations.length > 0 ? f.list(interest.preferredLocations) : '—'}
        </Item>
        <Item label={t('pipeline.detail.interest.timing')}>
          {interest.timing ? t(`pipeline.detail.interest.timings.${interest.timing}`) : '—'}
        </Item>
        {interest.message && (
          <div className="sm:col-span-2">
            <dt className="text-slate-600">{t('pipeline.detail.interest.message')}</dt>
            <dd className="mt-1 whitespace-pre-line text-slate-900">{interest.message}</dd>
          </div>
        )}
      </dl>
      <p className="mt-3 text-xs text-slate-500">
        {t('pipeline.detail.interest.raised', { date: f.date(interest.createdAt) })}
      </p>
    </Card>
  );
}

function ReferralCard({ referral }: { referral: NonNullable<PipelineCardDetail['referral']> }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card title={t('pipeline.detail.referral.title')} id="referral">
      <dl className="space-y-3 text-sm">
        <Item label={t('pipeline.detail.referral.referrer')}>
          {referral.referrer?.displayName ?? t('pipeline.detail.referral.unknownReferrer')}
        </Item>
        <div>
          <dt className="text-slate-600">{t('pipeline.detail.referral.reason')}</dt>
          <dd className="mt-1 whitespace-pre-line text-slate-900">{referral.reason}</dd>
        </div>
      </dl>
      {referral.consentedAt && (
        <p className="mt-3 text-xs text-slate-500">
          {t('pipeline.detail.referral.consentedAt', { date: f.date(referral.consentedAt) })}
        </p>
      )}
    </Card>
  );
}

function HireCard({ hire }: { hire: NonNullable<PipelineCardDetail['hire']> }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card title={t('pipeline.detail.hire.title')} id="hire">
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <Item label={t('pipeline.detail.hire.startOn')}>
          {hire.startedAt
            ? t('pipeline.detail.hire.started', { date: f.date(hire.startOn) })
            : t('pipeline.detail.hire.starts', { date: f.date(hire.startOn), zone: hire.timeZone })}
        </Item>
        <Item label={t('pipeline.detail.hire.role')}>{hire.roleTitle}</Item>
        <Item label={t('pipeline.detail.hire.department')}>{hire.department ?? '—'}</Item>
      </dl>
      {hire.recordedBy && (
        <p className="mt-3 text-xs text-slate-500">
          {t('pipeline.detail.hire.recordedBy', { name: hire.recordedBy.displayName })} ·{' '}
          {f.dateTime(hire.createdAt)}
        </p>
      )}
    </Card>
  );
}

function NotesCard({ card }: { card: PipelineCardDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const add = useAddNote(card.id);
  const [body, setBody] = useState('');
  const [added, setAdded] = useState(false);
  const fields = isApiError(add.error) ? add.error.fields : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(false);
    add.mutate(body, {
      onSuccess: () => {
        setBody('');
        setAdded(true);
      },
    });
  };
  return (
    <Card title={t('pipeline.detail.notes.title')} id="notes">
      {card.notes.length === 0 ? (
        <p className="text-sm text-slate-600">{t('pipeline.detail.notes.empty')}</p>
      ) : (
        <ol className="space-y-3">
          {card.notes.map((n) => (
            <li key={n.id} className="rounded-lg bg-slate-50 p-3 text-sm">
              <p className="whitespace-pre-line text-slate-900">{n.body}</p>
              <p className="mt-1 text-xs text-slate-500">
                {t('pipeline.detail.notes.by', {
                  name: n.author?.displayName ?? t('pipeline.detail.notes.unknownAuthor'),
                  date: f.dateTime(n.createdAt),
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} noValidate className="mt-4 space-y-3">
        <div aria-live="polite">
          {added && <SuccessBanner>{t('pipeline.detail.notes.added')}</SuccessBanner>}
        </div>
        {isApiError(add.error) && Object.keys(fields).length === 0 && (
          <ErrorBanner message={add.error.message} />
        )}
        <TextArea
          label={t('pipeline.detail.notes.body')}
          name="body"
          value={body}
          maxLength={4000}
          hint={t('pipeline.detail.notes.hint')}
          onChange={(e) => setBody(e.target.value)}
          errors={fields.body}
        />
        <Button type="submit" variant="secondary" isBusy={add.isPending}>
          {t('pipeline.detail.notes.submit')}
        </Button>
      </form>
    </Card>
  );
}

function StageHistoryCard({ card }: { card: PipelineCardDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card title={t('pipeline.detail.stageHistory.title')} id="stage-history">
      <ol className="space-y-2 border-l-2 border-slate-200 pl-4 text-sm">
        {[...card.stageHistory].reverse().map((e) => (
          <li key={`${e.at}-${e.to}-${e.kind}`}>
            <span className="font-medium text-slate-900">
              {e.kind === 'opened'
                ? t('pipeline.detail.stageHistory.opened')
                : t('pipeline.detail.stageHistory.moved', {
                    from: e.from ? t(`pipeline.stages.${e.from}`) : '—',
                    to: t(`pipeline.stages.${e.to}`),
                  })}
            </span>{' '}
            <span className="text-slate-500">
              {f.dateTime(e.at)} ·{' '}
              {e.actor
                ? t('pipeline.detail.stageHistory.by', { name: e.actor.displayName })
                : t('pipeline.detail.stageHistory.automatic')}
              {e.reason && ` · ${t(`pipeline.detail.stageHistory.reasons.${e.reason}`)}`}
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}

function AtsPanel({ card, onRefresh }: { card: PipelineCardDetail; onRefresh: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const send = useSendToAts(card.id);
  const configured = card.atsWebhook !== 'not_configured';
  const STATUS_TONE = { queued: 'amber', delivered: 'green', failed: 'red' } as const;
  return (
    <Card
      title={t('pipeline.detail.ats.title')}
      id="ats"
      actions={
        <Button variant="ghost" size="sm" onClick={onRefresh}>
          {t('pipeline.detail.ats.refresh')}
        </Button>
      }
    >
      <p className="text-sm text-slate-600">{t('pipeline.detail.ats.lead')}</p>
      <div aria-live="polite" className="mt-3 space-y-3">
        {send.isSuccess && <SuccessBanner>{t('pipeline.detail.ats.sent')}</SuccessBanner>}
        {isApiError(send.error) && <ErrorBanner message={send.error.message} />}
      </div>
      {!configured && (
        <p className="mt-3 text-sm font-medium text-amber-800">{t('pipeline.detail.ats.notConfigured')}</p>
      )}
      {card.atsWebhook === 'dev_inbox' && (
        <p className="mt-3 text-xs text-slate-500">{t('pipeline.detail.ats.devInbox')}</p>
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        <Button onClick={() => send.mutate()} isBusy={send.isPending} disabled={!configured}>
          {t('pipeline.detail.ats.send')}
        </Button>
        <a href={cardCsvUrl(card.id, f.lang)} download className={buttonClasses('secondary', 'md')}>
          {t('pipeline.detail.ats.csv')}
        </a>
      </div>
      <h3 className="mt-6 text-sm font-semibold text-slate-900">{t('pipeline.detail.ats.exports')}</h3>
      {card.atsExports.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t('pipeline.detail.ats.empty')}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {card.atsExports.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <span className="font-medium text-slate-900">{t(`pipeline.detail.ats.kinds.${e.kind}`)}</span>
              <Badge tone={STATUS_TONE[e.status]}>{t(`pipeline.detail.ats.statuses.${e.status}`)}</Badge>
              <span className="text-slate-600">
                {t('pipeline.detail.ats.attempts', { count: e.attempts })}
              </span>
              <span className="text-slate-500">{f.dateTime(e.createdAt)}</span>
              {e.actor && <span className="text-slate-500">{e.actor.displayName}</span>}
              {e.lastError && (
                <span className="text-red-700">
                  {t('pipeline.detail.ats.lastError', { error: e.lastError })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
