import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactAgreement, JoinRequest } from '#common/verification';
import { Badge, type BadgeTone } from '#web/components/ui/badge';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { TextArea } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDecideJoinRequest } from './use-join-requests';

const FACTS = ['name', 'employeeNumber', 'workEmail', 'joinedOn', 'leftOn'] as const;
const FACT_TONES: Record<FactAgreement, BadgeTone> = {
  agree: 'green',
  partial: 'amber',
  disagree: 'red',
  unknown: 'neutral',
};

const names = (a: string | null, b: string | null) => [a, b].filter(Boolean).join(' ');

/** One pending request: what the person says, the HR records it may be, and the decision. */
export function JoinRequestCard({ request }: { request: JoinRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const decide = useDecideJoinRequest();
  const groupId = useId();
  const [recordId, setRecordId] = useState<string | null>(request.candidates[0]?.recordId ?? null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const onError = (error: unknown) => {
    setErrors(isApiError(error) ? error.fields : {});
    setFormError(isApiError(error) ? error.message : t('errors.generic'));
  };
  const approve = () => {
    setErrors({});
    setFormError(null);
    decide.mutate({ id: request.id, action: 'approve', body: { recordId } }, { onError });
  };
  const reject = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    decide.mutate({ id: request.id, action: 'reject', body: { note: note.trim() } }, { onError });
  };
  const period = (from: string | null, to: string | null) =>
    `${from ? format.month(from) : '—'} – ${to ? format.month(to) : t('joinRequests.stillEmployed')}`;

  return (
    <article
      aria-labelledby={`${groupId}-name`}
      className="space-y-4 rounded-xl border border-slate-200 p-4 sm:p-5"
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 id={`${groupId}-name`} className="text-lg font-semibold text-slate-900">
            {request.displayName}
          </h3>
          <p className="text-sm text-slate-600">
            {[
              names(request.familyNameKana, request.givenNameKana),
              names(request.givenNameRomaji, request.familyNameRomaji),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <div className="flex flex-wrap gap-1.5">
          {request.flags.map((flag) => (
            <Badge key={flag} tone={flag === 'erased' || flag === 'already_member' ? 'red' : 'amber'}>
              {t(`joinRequests.flags.${flag}`)}
            </Badge>
          ))}
        </div>
      </header>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-slate-500">{t('joinRequests.contactEmail')}</dt>
        <dd className="break-all text-slate-900">{request.email}</dd>
        <dt className="text-slate-500">{t('join.employeeNumber')}</dt>
        <dd className="text-slate-900">{request.employeeNumber ?? '—'}</dd>
        <dt className="text-slate-500">{t('join.workEmail')}</dt>
        <dd className="break-all text-slate-900">{request.workEmail ?? '—'}</dd>
        <dt className="text-slate-500">{t('joinRequests.period')}</dt>
        <dd className="text-slate-900">{period(request.joinedOn, request.leftOn)}</dd>
        <dt className="text-slate-500">{t('joinRequests.received')}</dt>
        <dd className="text-slate-900">{format.dateTime(request.createdAt)}</dd>
      </dl>
      {request.message && (
        <blockquote className="rounded-lg bg-slate-50 px-3 py-2 text-sm whitespace-pre-wrap text-slate-700">
          {request.message}
        </blockquote>
      )}

      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t('joinRequests.candidates')}</legend>
        {request.candidates.length === 0 && (
          <p className="text-sm text-slate-600">{t('joinRequests.noCandidates')}</p>
        )}
        <ul className="space-y-2">
          {request.candidates.map((c) => (
            <li key={c.recordId}>
              <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 has-checked:border-ai-400 has-checked:bg-ai-50">
                <input
                  type="radio"
                  name={groupId}
                  className="mt-1 accent-ai-700"
                  checked={recordId === c.recordId}
                  onChange={() => setRecordId(c.recordId)}
                />
                <span className="min-w-0 flex-1 space-y-1.5 text-sm">
                  <span className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <span className="font-medium text-slate-900">{c.displayName}</span>
                    <span className="text-slate-600">{[c.kana, c.romaji].filter(Boolean).join(' · ')}</span>
                    <span className="tabular-nums text-slate-600">{c.employeeNumber}</span>
                    <span className="text-slate-600">{period(c.joinedOn, c.leftOn)}</span>
                    <span className="ml-auto font-semibold tabular-nums text-ai-800">
                      {t('joinRequests.score', { score: Math.round(c.score * 100) })}
                    </span>
                  </span>
                  <span className="flex flex-wrap gap-1.5">
                    {c.isExact && <Badge tone="ai">{t('joinRequests.exact')}</Badge>}
                    {FACTS.map((fact) => (
                      <Badge key={fact} tone={FACT_TONES[c.facts[fact]]}>
                        {t(`joinRequests.facts.${fact}`)}: {t(`joinRequests.agreement.${c.facts[fact]}`)}
                      </Badge>
                    ))}
                    {c.warnings.map((w) => (
                      <Badge key={w} tone="shu">
                        {t(`joinRequests.warnings.${w}`)}
                      </Badge>
                    ))}
                    {c.isMember && <Badge tone="red">{t('joinRequests.flags.already_member')}</Badge>}
                  </span>
                </span>
              </label>
            </li>
          ))}
          <li>
            <label className="flex cursor-pointer items-center gap-3 rounded-lg border border-dashed border-slate-300 p-3 text-sm text-slate-700 has-checked:border-ai-400 has-checked:bg-ai-50">
              <input
                type="radio"
                name={groupId}
                className="accent-ai-700"
                checked={recordId === null}
                onChange={() => setRecordId(null)}
              />
              {t('joinRequests.noRecord')}
            </label>
          </li>
        </ul>
      </fieldset>

      {formError && <ErrorBanner message={formError} />}
      <div className="flex flex-wrap items-end gap-4">
        <Button onClick={approve} isBusy={decide.isPending && decide.variables?.action === 'approve'}>
          {t('joinRequests.approve')}
        </Button>
        <form noValidate onSubmit={reject} className="flex min-w-64 flex-1 flex-wrap items-end gap-3">
          <TextArea
            label={t('joinRequests.note')}
            hint={t('joinRequests.noteHint')}
            value={note}
            maxLength={1000}
            onChange={(e) => setNote(e.target.value)}
            errors={errors.note}
            containerClassName="min-w-56 flex-1"
            className="min-h-16"
          />
          <Button
            type="submit"
            variant="danger"
            isBusy={decide.isPending && decide.variables?.action === 'reject'}
          >
            {t('joinRequests.reject')}
          </Button>
        </form>
      </div>
    </article>
  );
}
