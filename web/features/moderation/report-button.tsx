import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_CATEGORIES, type ReportCategory } from '#common/moderation';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { FieldErrors } from '#web/components/ui/field-errors';
import { TextArea } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useReportContent } from './use-moderation';

/**
 * "Report" on a post or comment: a small disclosure with the categories and a note. The member is
 * only told that the report was received; nothing about its outcome, and the author never learns
 * who reported.
 */
export function ReportButton({ postId, commentId }: { postId: string; commentId?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  const [category, setCategory] = useState<ReportCategory | null>(null);
  const [note, setNote] = useState('');
  const [isSent, setSent] = useState(false);
  const report = useReportContent();
  const trigger = useRef<HTMLButtonElement>(null);
  const firstRadio = useRef<HTMLInputElement>(null);
  const fields = isApiError(report.error) ? report.error.fields : {};
  const kind = commentId ? 'Comment' : '';

  useEffect(() => {
    if (isOpen) firstRadio.current?.focus();
  }, [isOpen]);

  const close = () => {
    setOpen(false);
    report.reset();
    trigger.current?.focus();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!category) return;
    report.mutate(
      { postId, ...(commentId ? { commentId } : {}), category, ...(note.trim() ? { note } : {}) },
      {
        onSuccess: () => {
          setSent(true);
          setOpen(false);
          setCategory(null);
          setNote('');
        },
      },
    );
  };

  if (isSent) {
    return (
      <div className="mt-2">
        <SuccessBanner>{t('moderation.report.thanks')}</SuccessBanner>
      </div>
    );
  }

  return (
    <div className="relative">
      <button
        ref={trigger}
        type="button"
        aria-expanded={isOpen}
        aria-controls={`${id}-panel`}
        onClick={() => (isOpen ? close() : setOpen(true))}
        className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-3 focus-visible:outline-ai-500"
      >
        {t(`moderation.report.button${kind}`)}
      </button>
      {isOpen && (
        <form
          id={`${id}-panel`}
          aria-labelledby={`${id}-title`}
          onSubmit={submit}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
          className="mt-2 w-full max-w-md space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-lg"
        >
          <h3 id={`${id}-title`} className="font-semibold text-slate-900">
            {t(`moderation.report.title${kind}`)}
          </h3>
          <p className="text-sm text-slate-600">{t('moderation.report.lead')}</p>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-800">
              {t('moderation.report.category')}
            </legend>
            <div className="space-y-1">
              {REPORT_CATEGORIES.map((c, i) => (
                <label key={c} className="flex min-h-9 items-center gap-2 text-sm text-slate-800">
                  <input
                    ref={i === 0 ? firstRadio : undefined}
                    type="radio"
                    name={`${id}-category`}
                    value={c}
                    checked={category === c}
                    onChange={() => setCategory(c)}
                    required
                  />
                  {t(`moderation.report.categories.${c}`)}
                </label>
              ))}
            </div>
            <FieldErrors id={`${id}-category-errors`} errors={fields.category} />
          </fieldset>
          <TextArea
            label={t('moderation.report.note')}
            hint={t('moderation.report.noteHint')}
            value={note}
            maxLength={1000}
            required={category === 'other'}
            onChange={(e) => setNote(e.target.value)}
            errors={fields.note}
          />
          {report.isError && (
            <ErrorBanner
              message={
                isApiError(report.error) && report.error.status === 404
                  ? t('moderation.report.notFound')
                  : (report.error?.message ?? t('errors.generic'))
              }
            />
          )}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" isBusy={report.isPending} disabled={!category}>
              {t('moderation.report.submit')}
            </Button>
            <Button variant="secondary" size="sm" onClick={close}>
              {t('moderation.report.cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
