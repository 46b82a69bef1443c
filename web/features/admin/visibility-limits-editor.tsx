import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldVisibility } from '#common/access';
import type { VisibilityMap } from '#common/profiles';
import { FIELD_VISIBILITIES, PROFILE_FIELDS } from '#common/reference';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { InlineSelect } from '#web/components/ui/select';
import { Spinner } from '#web/components/ui/spinner';
import { useVisibilityLimits, VISIBILITY_LIMITS_KEY } from '#web/features/members/use-member';
import { api, isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';

/** HR's ceiling per profile field: members may choose this level or a narrower one. */
export function VisibilityLimitsEditor() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const limits = useVisibilityLimits();
  const [values, setValues] = useState<VisibilityMap>({});
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (limits.data) setValues(limits.data);
  }, [limits.data]);

  const save = useMutation({
    mutationFn: (map: VisibilityMap) =>
      api<VisibilityMap>('/settings/profile-visibility', { method: 'PUT', body: map }),
    onSuccess: (saved) => {
      queryClient.setQueryData(VISIBILITY_LIMITS_KEY, saved);
      // Cards and profiles may now show less.
      void queryClient.invalidateQueries({ queryKey: ['directory'] });
      void queryClient.invalidateQueries({ queryKey: ['member'] });
    },
  });

  if (limits.isPending) return <Spinner />;
  if (limits.isError) {
    return (
      <ErrorBanner
        message={isApiError(limits.error) ? limits.error.message : t('errors.generic')}
        onRetry={() => void limits.refetch()}
      />
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    save.mutate(values, {
      onSuccess: () => setMessage({ kind: 'saved', text: t('admin.limits.saved') }),
      onError: (error) => {
        setErrors(isApiError(error) ? error.fields : {});
        setMessage({ kind: 'error', text: isApiError(error) ? error.message : t('errors.generic') });
      },
    });
  };

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <p className="text-sm text-slate-600">{t('admin.limits.help')}</p>
      <ul className="grid gap-x-8 sm:grid-cols-2">
        {PROFILE_FIELDS.map((field) => (
          <li key={field} className="flex items-center justify-between gap-3 border-b border-slate-100 py-2">
            <span className="text-sm text-slate-800">{t(`fields.${field}`)}</span>
            <InlineSelect
              label={t('admin.limits.fieldLabel', { field: t(`fields.${field}`) })}
              value={values[field] ?? 'members'}
              onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value as FieldVisibility }))}
              options={FIELD_VISIBILITIES.map((level) => ({ value: level, label: format.visibility(level) }))}
              errors={errors[field]}
            />
          </li>
        ))}
      </ul>
      {message?.kind === 'saved' && <SuccessBanner>{message.text}</SuccessBanner>}
      {message?.kind === 'error' && <ErrorBanner message={message.text} />}
      <div className="flex justify-end">
        <Button type="submit" isBusy={save.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
