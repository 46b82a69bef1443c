import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Survey, SurveyQuestion } from '#common/exit-survey';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { inputClasses } from '#web/components/ui/field';
import { FieldErrors } from '#web/components/ui/field-errors';
import { Spinner } from '#web/components/ui/spinner';
import { isApiError } from '#web/lib/api';
import { useFormat, useLanguage } from '#web/lib/format';
import { useSaveSurvey, useSurvey } from './use-exit-survey';

type Access = 'hr' | 'manager' | 'leaver';
type Answers = Record<string, number | string>;

/**
 * The exit survey on a case. The leaver answers (draft, then submit); HR reads submitted answers.
 * Managers never see this section (the server answers 404 to them as well).
 */
export function SurveySection({ caseId, access }: { caseId: string; access: Access }) {
  const { t } = useTranslation();
  const survey = useSurvey(caseId, access !== 'manager');
  if (access === 'manager') return null;
  return (
    <Card title={t('exitSurvey.title')} id="exit-survey">
      {survey.isPending ? (
        <Spinner />
      ) : survey.isError ? (
        <ErrorBanner message={survey.error.message} onRetry={() => void survey.refetch()} />
      ) : access === 'leaver' ? (
        <LeaverSurvey caseId={caseId} survey={survey.data} />
      ) : (
        <HrSurvey survey={survey.data} />
      )}
    </Card>
  );
}

export const promptOf = (q: SurveyQuestion, lang: 'ja' | 'en') => (lang === 'en' ? q.promptEn : q.promptJa);

function answerLabel(q: SurveyQuestion, value: number | string | undefined, lang: 'ja' | 'en') {
  if (value === undefined) return null;
  if (q.kind === 'scale') return `${value} / ${q.scaleMax ?? 5}`;
  if (q.kind === 'choice') {
    const option = q.options.find((o) => o.value === value);
    return option ? option[lang] : String(value);
  }
  return String(value);
}

function AnswerList({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <dl className="space-y-3 text-sm">
      {survey.questions.map((q) => {
        const label = answerLabel(q, survey.answers[q.id], lang);
        return (
          <div key={q.id}>
            <dt className="font-medium text-slate-900">{promptOf(q, lang)}</dt>
            <dd className="mt-0.5 whitespace-pre-wrap text-slate-800">
              {label ?? <span className="text-slate-500">{t('exitSurvey.noAnswer')}</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function HrSurvey({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (survey.submittedAt) {
    return (
      <div className="space-y-4">
        <Badge tone="green">
          {t('exitSurvey.hrSubmitted', { date: format.dateTime(survey.submittedAt) })}
        </Badge>
        <AnswerList survey={survey} />
      </div>
    );
  }
  return (
    <p className="text-sm text-slate-700">
      {survey.updatedAt
        ? t('exitSurvey.hrDraft', { date: format.dateTime(survey.updatedAt) })
        : t('exitSurvey.hrNotStarted')}
    </p>
  );
}

function LeaverSurvey({ caseId, survey }: { caseId: string; survey: Survey }) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSaveSurvey(caseId);
  const [answers, setAnswers] = useState<Answers>(survey.answers);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setAnswers(survey.answers), [survey.answers]);

  if (!survey.canAnswer) {
    return (
      <div className="space-y-4">
        {survey.submittedAt && (
          <SuccessBanner>
            {t('exitSurvey.submitted', { date: format.dateTime(survey.submittedAt) })}
          </SuccessBanner>
        )}
        <h3 className="text-sm font-semibold text-slate-900">{t('exitSurvey.yourAnswers')}</h3>
        <AnswerList survey={survey} />
      </div>
    );
  }

  const run = (submit: boolean) => {
    setNotice(null);
    save.mutate(
      { answers, submit },
      {
        onSuccess: () => {
          setErrors({});
          if (!submit) setNotice(t('exitSurvey.draftSaved'));
        },
        onError: (error) => setErrors(isApiError(error) ? error.fields : {}),
      },
    );
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run(true);
  };
  const setAnswer = (id: string, value: number | string | undefined) =>
    setAnswers((a) => {
      const next = { ...a };
      if (value === undefined || value === '') delete next[id];
      else next[id] = value;
      return next;
    });

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      <p className="rounded-xl bg-ai-50 px-4 py-3 text-sm text-ai-900">{t('exitSurvey.leaverIntro')}</p>
      {survey.questions.map((q, i) => (
        <QuestionInput
          key={q.id}
          index={i + 1}
          question={q}
          value={answers[q.id]}
          errors={errors[`answers.${q.id}`]}
          onChange={(v) => setAnswer(q.id, v)}
        />
      ))}
      {save.error && <ErrorBanner message={save.error.message} />}
      {notice && <SuccessBanner>{notice}</SuccessBanner>}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" isBusy={save.isPending && save.variables?.submit}>
          {t('exitSurvey.submit')}
        </Button>
        <Button
          variant="secondary"
          isBusy={save.isPending && !save.variables?.submit}
          onClick={() => run(false)}
        >
          {t('exitSurvey.saveDraft')}
        </Button>
      </div>
    </form>
  );
}

function QuestionInput({
  index,
  question: q,
  value,
  errors,
  onChange,
}: {
  index: number;
  question: SurveyQuestion;
  value: number | string | undefined;
  errors?: string[];
  onChange: (v: number | string | undefined) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const errorId = `${id}-errors`;
  const legend = (
    <legend className="text-sm font-medium text-slate-900">
      {index}. {promptOf(q, lang)}
      {q.required && (
        <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">
          {t('exitSurvey.required')}
        </span>
      )}
    </legend>
  );
  if (q.kind === 'text') {
    return (
      <fieldset aria-describedby={errors ? errorId : undefined}>
        {legend}
        <textarea
          aria-label={promptOf(q, lang)}
          className={`${inputClasses} mt-2 min-h-24`}
          value={typeof value === 'string' ? value : ''}
          aria-invalid={errors ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <FieldErrors id={errorId} errors={errors} />
      </fieldset>
    );
  }
  const choices =
    q.kind === 'scale'
      ? Array.from({ length: q.scaleMax ?? 5 }, (_, i) => ({ value: i + 1, label: String(i + 1) }))
      : q.options.map((o) => ({ value: o.value, label: o[lang] }));
  return (
    <fieldset aria-describedby={errors ? errorId : undefined} aria-invalid={errors ? true : undefined}>
      {legend}
      <div
        className={
          q.kind === 'scale' ? 'mt-2 flex flex-wrap items-center gap-2' : 'mt-2 grid gap-2 sm:grid-cols-2'
        }
      >
        {q.kind === 'scale' && <span className="text-xs text-slate-500">{t('exitSurvey.scaleLow')}</span>}
        {choices.map((c) => {
          const checked = value === c.value;
          return (
            <label
              key={c.value}
              className={`flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-sm ring-1 ${
                checked
                  ? 'bg-ai-50 text-ai-900 ring-ai-500'
                  : 'bg-white text-slate-800 ring-slate-300 hover:bg-slate-50'
              } ${q.kind === 'scale' ? 'min-w-11 justify-center' : ''}`}
            >
              <input
                type="radio"
                name={`${id}-q`}
                className={q.kind === 'scale' ? 'sr-only' : 'accent-ai-700'}
                checked={checked}
                onChange={() => onChange(c.value)}
              />
              {c.label}
            </label>
          );
        })}
        {q.kind === 'scale' && <span className="text-xs text-slate-500">{t('exitSurvey.scaleHigh')}</span>}
      </div>
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
