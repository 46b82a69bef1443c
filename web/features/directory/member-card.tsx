import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberCard } from '#common/directory';
import { Avatar } from '#web/components/avatar';
import { AvailabilityBadges, Chips, RoleBadge } from '#web/components/member-badges';
import { nameReadings, useFormat } from '#web/lib/format';

/** One directory result. Only fields present in the card are shown (absent = not visible to you). */
export function MemberCardView({ member }: { member: MemberCard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { kana, romaji } = nameReadings(member);
  const now = [member.currentTitle, member.currentEmployer].filter(Boolean).join(' · ');
  const departments = member.departments ?? [];
  const past = [member.lastTitle, format.list(departments)].filter(Boolean).join(' · ');

  return (
    <article className="relative flex h-full flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs transition-shadow focus-within:ring-2 focus-within:ring-ai-300 hover:shadow-md sm:p-5">
      <header className="flex items-start gap-3">
        <Avatar id={member.id} name={member.familyName} photoUrl={member.photo?.small} />
        <div className="min-w-0 flex-1">
          <h3 className="text-base font-semibold text-slate-900">
            <Link
              to={`/members/${member.id}`}
              className="after:absolute after:inset-0 after:rounded-2xl hover:text-ai-700 focus-visible:outline-none"
            >
              {member.displayName}
            </Link>
          </h3>
          {(kana || romaji) && (
            <p className="truncate text-xs text-slate-500">{[kana, romaji].filter(Boolean).join(' · ')}</p>
          )}
        </div>
        <RoleBadge role={member.role} />
      </header>

      <dl className="space-y-1 text-sm">
        {now && (
          <div className="flex gap-2">
            <dt className="w-16 shrink-0 text-xs leading-5 text-slate-500">{t('card.now')}</dt>
            <dd className="min-w-0 text-slate-800">{now}</dd>
          </div>
        )}
        {past && (
          <div className="flex gap-2">
            <dt className="w-16 shrink-0 text-xs leading-5 text-slate-500">{t('card.atCompany')}</dt>
            <dd className="min-w-0 text-slate-700">{past}</dd>
          </div>
        )}
        {member.industry && (
          <div className="flex gap-2">
            <dt className="w-16 shrink-0 text-xs leading-5 text-slate-500">{t('fields.industry')}</dt>
            <dd className="min-w-0 text-slate-700">{format.industry(member.industry)}</dd>
          </div>
        )}
        {member.country && (
          <div className="flex gap-2">
            <dt className="w-16 shrink-0 text-xs leading-5 text-slate-500">{t('card.where')}</dt>
            <dd className="min-w-0 text-slate-700">{format.country(member.country)}</dd>
          </div>
        )}
      </dl>

      {member.skills && member.skills.length > 0 && (
        <Chips items={member.skills.map((s) => format.term('skill', s))} max={6} label={t('fields.skills')} />
      )}
      <div className="mt-auto">
        <AvailabilityBadges member={member} />
      </div>
    </article>
  );
}

export function MemberCardSkeleton() {
  return (
    <div
      aria-hidden="true"
      className="flex h-44 animate-pulse flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5"
    >
      <div className="flex gap-3">
        <div className="size-11 rounded-full bg-slate-200" />
        <div className="flex-1 space-y-2 pt-1">
          <div className="h-4 w-1/2 rounded bg-slate-200" />
          <div className="h-3 w-1/3 rounded bg-slate-100" />
        </div>
      </div>
      <div className="h-3 w-3/4 rounded bg-slate-100" />
      <div className="h-3 w-2/3 rounded bg-slate-100" />
      <div className="mt-auto flex gap-2">
        <div className="h-5 w-14 rounded bg-slate-100" />
        <div className="h-5 w-16 rounded bg-slate-100" />
      </div>
    </div>
  );
}
