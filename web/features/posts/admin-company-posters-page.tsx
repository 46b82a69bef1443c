import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MemberPicker, type PickedMember } from '#web/components/member-picker';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useAppointPoster, usePosters, useRemovePoster } from './use-posts';

/** `/admin/company-posters` (HR): employees appointed to write company posts. */
export function AdminCompanyPostersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  useDocumentTitle(t('posts.posters.title'));
  const posters = usePosters();
  const appoint = useAppointPoster();
  const remove = useRemovePoster();
  const [picked, setPicked] = useState<PickedMember[]>([]);
  const fields = isApiError(appoint.error) ? appoint.error.fields : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [member] = picked;
    if (member) appoint.mutate(member.id, { onSuccess: () => setPicked([]) });
  };
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
      <header>
        <h1 className="text-2xl font-bold text-slate-900">{t('posts.posters.title')}</h1>
        <p className="mt-1 text-slate-600">{t('posts.posters.lead')}</p>
      </header>
      <form onSubmit={submit} className="space-y-3">
        <MemberPicker
          label={t('posts.posters.userId')}
          scope="all"
          roles="employee"
          max={1}
          value={picked}
          onChange={(members) => {
            setPicked(members);
            appoint.reset();
          }}
          errors={fields.userId}
        />
        <Button type="submit" disabled={picked.length === 0} isBusy={appoint.isPending}>
          {t('posts.posters.appoint')}
        </Button>
      </form>
      {appoint.isError && !fields.userId && <ErrorBanner message={appoint.error.message} />}
      {posters.isError && (
        <ErrorBanner message={posters.error.message} onRetry={() => void posters.refetch()} />
      )}
      {posters.data && posters.data.items.length === 0 && (
        <p className="text-slate-600">{t('posts.posters.none')}</p>
      )}
      {posters.data && posters.data.items.length > 0 && (
        <ul
          className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white"
          data-testid="posters"
        >
          {posters.data.items.map((p) => (
            <li key={p.userId} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">{p.displayName}</p>
                <p className="truncate text-sm text-slate-600">
                  {p.email} · {t('posts.posters.since')} {f.date(p.appointedAt)}
                </p>
              </div>
              <Button variant="secondary" size="sm" onClick={() => remove.mutate(p.userId)}>
                {t('posts.posters.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
