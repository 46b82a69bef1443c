import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ADVICE_TIME_FRAMES, type AdviceKind, type AdviceTimeFrame, OFFER_FLAGS } from '#common/advice';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Select } from '#web/components/ui/select';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useAdviceTarget, useSendAdviceRequest } from './use-advice';

/** `/advice/new?to=<id>`: a structured request to one member (linked from profiles and /mentors). */
export function AdviceFormPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('advice.form.title'));
  const format = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const to = params.get('to');
  const target = useAdviceTarget(to);
  const send = useSendAdviceRequest();
  const [form, setForm] = useState({
    kind: '' as AdviceKind | '',
    topic: '',
    hopes: '',
    timeFrame: 'flexible' as AdviceTimeFrame,
  });
  const fields = isApiError(send.error) ? (send.error.fields ?? {}) : {};
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const data = target.data;
  const kind = form.kind || data?.kinds[0] || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!data || !kind) return;
    send.mutate(
      { toId: data.id, kind, topic: form.topic, hopes: form.hopes, timeFrame: form.timeFrame },
      { onSuccess: () => navigate('/advice?tab=sent', { state: { adviceSent: data.displayName } }) },
    );
  };

  const heading = <h1 className="text-2xl font-bold text-slate-900">{t('advice.form.title')}</h1>;
  if (!to || (target.error && isApiError(target.error) && target.error.code === 'not_found')) {
    return (
      <div className="mx-auto max-w-2xl space-y-4 px-4 py-6 sm:py-8">
        {heading}
        <p className="text-slate-700">{to ? t('advice.form.notFound') : t('advice.form.missingTo')}</p>
        <Link to="/mentors" className={buttonClasses('primary', 'md')}>
          {t('advice.form.browse')}
        </Link>
      </div>
    );
  }
  const offers = data ? OFFER_FLAGS.filter((f) => data.offers[f]).map((f) => t(`advice.offers.${f}`)) : [];
  const now = data ? [data.currentTitle, data.currentEmployer].filter(Boolean).join(' · ') : '';

  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        {heading}
        {data && (
          <p className="mt-1 text-sm text-slate-600">{t('advice.form.lead', { name: data.displayName })}</p>
        )}
      </div>
      {target.error && <ErrorBanner message={t('errors.generic')} onRetry={() => void target.refetch()} />}
      {!data ? (
        !target.error && <p className="text-sm text-slate-600">{t('common.loading')}</p>
      ) : (
        <>
          <dl
            className="grid gap-2 rounded-2xl border border-slate-200 bg-white p-4 text-sm shadow-xs sm:grid-cols-[8rem_1fr]"
            data-testid="advice-target"
          >
            <dt className="text-slate-500">{t('advice.form.to')}</dt>
            <dd className="font-semibold text-slate-900">
              <Link to={`/members/${data.id}`} className="hover:text-ai-700">
                {data.displayName}
              </Link>
              <span className="ml-2 text-xs font-normal text-slate-500">{format.role(data.role)}</span>
              {now && <span className="block text-sm font-normal text-slate-700">{now}</span>}
            </dd>
            <dt className="text-slate-500">{t('advice.form.offers')}</dt>
            <dd className="text-slate-800">
              {offers.length ? format.list(offers) : t('advice.form.offersNone')}
            </dd>
          </dl>
          {data.kinds.length === 0 ? (
            <p className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-6 text-sm text-slate-700">
              {t('advice.form.nothingToAsk')}
            </p>
          ) : (
            <form
              onSubmit={submit}
              noValidate
              className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-xs"
            >
              {send.error && (
                <ErrorBanner message={isApiError(send.error) ? send.error.message : t('errors.generic')} />
              )}
              <Select
                label={t('advice.form.kind')}
                name="kind"
                value={kind}
                options={data.kinds.map((k) => ({ value: k, label: t(`advice.kinds.${k}`) }))}
                onChange={set('kind')}
                hint={kind ? t(`advice.kindHints.${kind}`) : undefined}
                errors={fields.kind}
              />
              <TextField
                label={t('advice.form.topic')}
                name="topic"
                value={form.topic}
                onChange={set('topic')}
                maxLength={200}
                required
                hint={t('advice.form.topicHint')}
                errors={fields.topic}
              />
              <TextArea
                label={t('advice.form.hopes')}
                name="hopes"
                rows={4}
                value={form.hopes}
                onChange={set('hopes')}
                maxLength={2000}
                required
                hint={t('advice.form.hopesHint')}
                errors={fields.hopes}
              />
              <Select
                label={t('advice.form.timeFrame')}
                name="timeFrame"
                value={form.timeFrame}
                options={ADVICE_TIME_FRAMES.map((f) => ({ value: f, label: t(`advice.timeFrames.${f}`) }))}
                onChange={set('timeFrame')}
                errors={fields.timeFrame}
              />
              <div className="flex flex-wrap gap-2">
                <Button type="submit" disabled={send.isPending}>
                  {t('advice.form.send')}
                </Button>
                <Link to={`/members/${data.id}`} className={buttonClasses('secondary', 'md')}>
                  {t('advice.form.cancel')}
                </Link>
              </div>
            </form>
          )}
        </>
      )}
    </div>
  );
}
