import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SURVEY_GROUP_BYS,
  SURVEY_KINDS,
  type SurveyGroupBy,
  type SurveyKind,
  type SurveyOption,
  type SurveyQuestion,
  type SurveySummary,
} from '#common/exit-survey';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Checkbox } from '#web/components/ui/checkbox';
import { Select } from '#web/components/ui/select';
import { Spinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat, useLanguage } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { promptOf } from './survey-section';
import {
  useCreateQuestion,
  useSurveyQuestions,
  useSurveySummary,
  useUpdateQuestion,
} from './use-exit-survey';

const MIN_GROUP = 5;

/** HR: the exit survey questions (ja + en) and the anonymised results. */
export function AdminExitSurveyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('exitSurvey.admin.title'));
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('exitSurvey.admin.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('exitSurvey.admin.lead', { n: MIN_GROUP })}</p>
      </div>
      <SummaryCard />
      <QuestionsCard />
    </div>
  );
}

function SummaryCard() {
  const { t } = useTranslation();
  const [groupBy, setGroupBy] = useState<SurveyGroupBy>('none');
  const summary = useSurveySummary(groupBy);
  return (
    <Card
      title={t('exitSurvey.admin.summary')}
      id="exit-survey-summary"
      actions={
        <Select
          label={t('exitSurvey.admin.groupBy')}
          value={groupBy}
          onChange={(e) => setGroupBy(e.target.value as SurveyGroupBy)}
          options={SURVEY_GROUP_BYS.map((g) => ({ value: g, label: t(`exitSurvey.admin.groupBys.${g}`) }))}
          containerClassName="min-w-56"
        />
      }
    >
      {summary.isPending ? (
        <Spinner />
      ) : summary.isError ? (
        <ErrorBanner message={summary.error.message} onRetry={() => void summary.refetch()} />
      ) : (
        <SummaryGroups summary={summary.data} />
      )}
    </Card>
  );
}

function SummaryGroups({ summary }: { summary: SurveySummary }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormat();
  const groupLabel = (key: string) => {
    if (summary.groupBy === 'none') return t('exitSurvey.admin.all');
    if (key === '') return t('exitSurvey.admin.unknown');
    if (summary.groupBy === 'reasonCategory') return t(`exitSurvey.reasons.${key}`, { defaultValue: key });
    return key;
  };
  const questions = summary.questions.filter(
    (q) =>
      q.active ||
      summary.groups.some((g) => g.questions.some((x) => x.questionId === q.id && x.answered > 0)),
  );
  if (summary.groups.every((g) => !g.suppressed && g.responses === 0)) {
    return <p className="text-sm text-slate-600">{t('exitSurvey.admin.noResponses')}</p>;
  }
  return (
    <div className="space-y-4">
      {summary.groups.map((g) => (
        <section key={g.key} className="rounded-xl border border-slate-200 p-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="font-semibold text-slate-900">{groupLabel(g.key)}</h3>
            {g.suppressed ? (
              <Badge tone="neutral">{t('exitSurvey.admin.suppressed', { n: summary.minGroup })}</Badge>
            ) : (
              <Badge tone="ai">{t('exitSurvey.admin.responses', { count: g.responses ?? 0 })}</Badge>
            )}
          </div>
          {!g.suppressed && (
            <ul className="mt-3 space-y-3 text-sm">
              {questions.map((q) => {
                const s = g.questions.find((x) => x.questionId === q.id);
                if (!s) return null;
                return (
                  <li key={q.id}>
                    <p className="font-medium text-slate-800">{promptOf(q, lang)}</p>
                    {q.kind === 'scale' && <ScaleBar average={s.average} max={q.scaleMax ?? 5} />}
                    {q.kind === 'choice' && (
                      <ul className="mt-1 space-y-1">
                        {q.options.map((o) => {
                          const n = s.optionCounts[o.value] ?? 0;
                          const share = s.answered > 0 ? n / s.answered : 0;
                          return (
                            <li
                              key={o.value}
                              className="grid grid-cols-[minmax(8rem,14rem)_1fr_3rem] items-center gap-2"
                            >
                              <span className="truncate text-slate-700">{o[lang]}</span>
                              <span className="h-2.5 overflow-hidden rounded-full bg-slate-100">
                                <span
                                  className="block h-full rounded-full bg-ai-600"
                                  style={{ width: `${Math.round(share * 100)}%` }}
                                />
                              </span>
                              <span className="text-right tabular-nums text-slate-700">
                                {format.number(n)}
                              </span>
                            </li>
                          );
                        })}
                      </ul>
                    )}
                    {q.kind === 'text' && (
                      <p className="text-slate-600">
                        {t('exitSurvey.admin.textCount', { count: s.answered })}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function ScaleBar({ average, max }: { average: number | null; max: number }) {
  const { t } = useTranslation();
  if (average === null) return <p className="text-slate-500">{t('exitSurvey.admin.noAnswers')}</p>;
  return (
    <div className="mt-1 grid grid-cols-[1fr_9rem] items-center gap-2">
      <span className="h-2.5 overflow-hidden rounded-full bg-slate-100">
        <span
          className="block h-full rounded-full bg-shu-500"
          style={{ width: `${(average / max) * 100}%` }}
        />
      </span>
      <span className="text-right tabular-nums text-slate-700">
        {t('exitSurvey.admin.average', { value: average.toFixed(1), max })}
      </span>
    </div>
  );
}

function QuestionsCard() {
  const { t } = useTranslation();
  const questions = useSurveyQuestions();
  return (
    <Card title={t('exitSurvey.admin.questions')} id="exit-survey-questions">
      {questions.isPending ? (
        <Spinner />
      ) : questions.isError ? (
        <ErrorBanner message={questions.error.message} onRetry={() => void questions.refetch()} />
      ) : (
        <div className="space-y-4">
          {questions.data.items.map((q) => (
            <QuestionEditor key={q.id} question={q} />
          ))}
          <NewQuestion />
        </div>
      )}
    </Card>
  );
}

interface Draft {
  kind: SurveyKind;
  promptJa: string;
  promptEn: string;
  options: SurveyOption[];
  scaleMax: number | null;
  required: boolean;
  active: boolean;
  position?: number;
}

function QuestionFields({
  draft,
  set,
  errors,
  kindEditable,
}: {
  draft: Draft;
  set: (d: Partial<Draft>) => void;
  errors: Record<string, string[]>;
  kindEditable: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr_1fr]">
        <Select
          label={t('exitSurvey.admin.kind')}
          value={draft.kind}
          disabled={!kindEditable}
          errors={errors.kind}
          onChange={(e) => {
            const kind = e.target.value as SurveyKind;
            set({ kind, scaleMax: kind === 'scale' ? (draft.scaleMax ?? 5) : null });
          }}
          options={SURVEY_KINDS.map((k) => ({ value: k, label: t(`exitSurvey.admin.kinds.${k}`) }))}
        />
        <TextField
          label={t('exitSurvey.admin.promptJa')}
          value={draft.promptJa}
          errors={errors.promptJa}
          onChange={(e) => set({ promptJa: e.target.value })}
        />
        <TextField
          label={t('exitSurvey.admin.promptEn')}
          value={draft.promptEn}
          errors={errors.promptEn}
          onChange={(e) => set({ promptEn: e.target.value })}
        />
      </div>
      {draft.kind === 'scale' && (
        <TextField
          label={t('exitSurvey.admin.scaleMax')}
          type="number"
          min={2}
          max={10}
          value={draft.scaleMax ?? ''}
          errors={errors.scaleMax}
          containerClassName="max-w-40"
          onChange={(e) => set({ scaleMax: e.target.value === '' ? null : Number(e.target.value) })}
        />
      )}
      {draft.kind === 'choice' && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t('exitSurvey.admin.options')}</legend>
          {draft.options.map((o, i) => {
            const update = (patch: Partial<SurveyOption>) =>
              set({ options: draft.options.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place, values may repeat mid-edit
              <div key={i} className="grid items-end gap-2 sm:grid-cols-[10rem_1fr_1fr_auto]">
                <TextField
                  label={t('exitSurvey.admin.optionValue')}
                  value={o.value}
                  errors={errors[`options.${i}.value`]}
                  onChange={(e) => update({ value: e.target.value })}
                />
                <TextField
                  label={t('exitSurvey.admin.optionJa')}
                  value={o.ja}
                  errors={errors[`options.${i}.ja`]}
                  onChange={(e) => update({ ja: e.target.value })}
                />
                <TextField
                  label={t('exitSurvey.admin.optionEn')}
                  value={o.en}
                  errors={errors[`options.${i}.en`]}
                  onChange={(e) => update({ en: e.target.value })}
                />
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => set({ options: draft.options.filter((_, j) => j !== i) })}
                >
                  {t('exitSurvey.admin.removeOption')}
                </Button>
              </div>
            );
          })}
          {errors.options && <p className="text-sm text-red-700">{errors.options.join(' ')}</p>}
          <Button
            variant="secondary"
            size="sm"
            onClick={() => set({ options: [...draft.options, { value: '', ja: '', en: '' }] })}
          >
            {t('exitSurvey.admin.addOption')}
          </Button>
        </fieldset>
      )}
      <div className="flex flex-wrap items-end gap-6">
        <Checkbox
          label={t('exitSurvey.admin.requiredLabel')}
          checked={draft.required}
          onChange={(e) => set({ required: e.target.checked })}
        />
        <Checkbox
          label={t('exitSurvey.admin.activeLabel')}
          checked={draft.active}
          onChange={(e) => set({ active: e.target.checked })}
        />
        <TextField
          label={t('exitSurvey.admin.position')}
          type="number"
          min={0}
          max={1000}
          value={draft.position ?? ''}
          errors={errors.position}
          containerClassName="max-w-28"
          onChange={(e) => set({ position: e.target.value === '' ? undefined : Number(e.target.value) })}
        />
      </div>
    </div>
  );
}

function QuestionEditor({ question }: { question: SurveyQuestion }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const update = useUpdateQuestion(question.id);
  const [draft, setDraft] = useState<Draft>({ ...question });
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const errors = isApiError(update.error) ? update.error.fields : {};
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const { kind: _kind, ...patch } = draft;
    update.mutate(
      { ...patch, options: draft.kind === 'choice' ? draft.options : undefined },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <div className="rounded-xl border border-slate-200 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-900">
          {promptOf(question, lang)}{' '}
          <span className="text-slate-500">· {t(`exitSurvey.admin.kinds.${question.kind}`)}</span>
        </p>
        <div className="flex items-center gap-2">
          {question.required && <Badge tone="ai">{t('exitSurvey.required')}</Badge>}
          {!question.active && <Badge tone="neutral">{t('exitSurvey.admin.inactive')}</Badge>}
          <Button variant="ghost" size="sm" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? t('exitSurvey.admin.close') : t('exitSurvey.admin.edit')}
            <span className="sr-only">: {promptOf(question, lang)}</span>
          </Button>
        </div>
      </div>
      {open && (
        <form onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
          <QuestionFields
            draft={draft}
            set={(d) => setDraft((x) => ({ ...x, ...d }))}
            errors={errors}
            kindEditable={false}
          />
          {update.error && <ErrorBanner message={update.error.message} />}
          {saved && <SuccessBanner>{t('exitSurvey.admin.saved')}</SuccessBanner>}
          <Button type="submit" size="sm" isBusy={update.isPending}>
            {t('exitSurvey.admin.save')}
          </Button>
        </form>
      )}
    </div>
  );
}

const EMPTY: Draft = {
  kind: 'scale',
  promptJa: '',
  promptEn: '',
  options: [],
  scaleMax: 5,
  required: false,
  active: true,
};

function NewQuestion() {
  const { t } = useTranslation();
  const create = useCreateQuestion();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [created, setCreated] = useState(false);
  const errors = isApiError(create.error) ? create.error.fields : {};
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(false);
    create.mutate(draft, {
      onSuccess: () => {
        setDraft(EMPTY);
        setCreated(true);
      },
    });
  };
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-xl bg-slate-50 p-4" noValidate>
      <h3 className="font-semibold text-slate-900">{t('exitSurvey.admin.add')}</h3>
      <QuestionFields
        draft={draft}
        set={(d) => setDraft((x) => ({ ...x, ...d }))}
        errors={errors}
        kindEditable
      />
      {create.error && <ErrorBanner message={create.error.message} />}
      {created && <SuccessBanner>{t('exitSurvey.admin.created')}</SuccessBanner>}
      <Button type="submit" isBusy={create.isPending}>
        {t('exitSurvey.admin.create')}
      </Button>
    </form>
  );
}
