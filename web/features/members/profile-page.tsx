import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isoToday, tenureYears } from '#common/dates';
import type { Profile } from '#common/profiles';
import { AVAILABILITY_FLAGS } from '#common/reference';
import { Avatar } from '#web/components/avatar';
import { AvailabilityBadges, Chips, RoleBadge } from '#web/components/member-badges';
import { Badge } from '#web/components/ui/badge';
import { SuccessBanner } from '#web/components/ui/banners';
import { buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { isHrRole, useMe } from '#web/features/auth/use-me';
import { RelationActions } from '#web/features/connections/RelationActions';
import { useFreshnessSettings } from '#web/features/freshness/use-freshness';
import { nameReadings, useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useFlash } from '#web/lib/use-flash';
import { MemberQueryFallback } from './member-query-fallback';
import { useMember } from './use-member';

/** Present in the JSON = visible to this viewer; absent fields are never hinted at. */
const has = <K extends keyof Profile>(p: Profile, key: K): boolean => {
  const v = p[key];
  if (v === undefined || v === null || v === '') return false;
  return !Array.isArray(v) || v.length > 0;
};

export function ProfilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const member = useMember(id);
  useDocumentTitle(member.data?.displayName ?? t('profile.title'));

  if (!member.isSuccess) return <MemberQueryFallback member={member} />;
  // Keyed by id: another member's page starts without the previous one's notice.
  return <ProfileView key={member.data.id} profile={member.data} />;
}

function ProfileView({ profile: p }: { profile: Profile }) {
  const { t } = useTranslation();
  const notice = useFlash<'saved' | 'unchanged'>('notice');
  const format = useFormat();
  const { kana, romaji } = nameReadings(p);
  const headline = [p.currentTitle, p.currentEmployer].filter(Boolean).join(' · ');
  const place = [p.location, p.country && format.country(p.country)].filter(Boolean).join(', ');
  // Years only from dates this viewer may see: up to the last day, or up to today while employed.
  const isEmployed = p.leftOn === null && p.role !== 'alumni';
  const tenure =
    p.joinedOn && (p.leftOn || isEmployed) ? tenureYears(p.joinedOn, p.leftOn, isoToday()) : null;

  const atCompany: [string, ReactNode][] = [];
  if (has(p, 'joinedOn')) atCompany.push([t('fields.joinedOn'), format.date(p.joinedOn as string)]);
  if (has(p, 'leftOn')) atCompany.push([t('fields.leftOn'), format.date(p.leftOn as string)]);
  if (tenure !== null)
    atCompany.push([
      t('profile.tenure'),
      tenure === 0 ? t('profile.underOneYear') : t('profile.years', { count: tenure }),
    ]);
  if (has(p, 'departments')) atCompany.push([t('fields.departments'), format.list(p.departments ?? [])]);
  if (has(p, 'lastTitle')) atCompany.push([t('fields.lastTitle'), p.lastTitle]);
  if (has(p, 'office')) atCompany.push([t('fields.office'), p.office]);
  if (has(p, 'companyCountry'))
    atCompany.push([t('fields.companyCountry'), format.country(p.companyCountry as string)]);
  if (has(p, 'employeeNumber')) atCompany.push([t('fields.employeeNumber'), p.employeeNumber]);

  const after: [string, ReactNode][] = [];
  if (has(p, 'currentEmployer')) after.push([t('fields.currentEmployer'), p.currentEmployer]);
  if (has(p, 'currentTitle')) after.push([t('fields.currentTitle'), p.currentTitle]);
  if (has(p, 'industry') && p.industry) after.push([t('fields.industry'), format.industry(p.industry)]);
  if (has(p, 'location')) after.push([t('fields.location'), p.location]);
  if (has(p, 'country')) after.push([t('fields.country'), format.country(p.country as string)]);
  if (has(p, 'languages'))
    after.push([t('fields.languages'), format.list((p.languages ?? []).map((l) => format.language(l)))]);
  if (has(p, 'skills'))
    after.push([
      t('fields.skills'),
      <Chips key="skills" items={p.skills ?? []} label={t('fields.skills')} />,
    ]);

  const hasAvailability = AVAILABILITY_FLAGS.some((f) => p[f] === true);

  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
      {notice && (
        <SuccessBanner>{notice === 'saved' ? t('profile.saved') : t('profile.unchanged')}</SuccessBanner>
      )}

      <section className="rounded-3xl border border-slate-200 bg-white p-5 shadow-xs sm:p-8">
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <Avatar id={p.id} name={p.familyName} size="lg" />
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="text-2xl font-bold text-slate-900">{p.displayName}</h1>
              <RoleBadge role={p.role} />
            </div>
            {(kana || romaji) && (
              <p className="mt-0.5 text-sm text-slate-500">{[kana, romaji].filter(Boolean).join(' · ')}</p>
            )}
            {headline && <p className="mt-3 text-slate-800">{headline}</p>}
            {place && <p className="mt-1 text-sm text-slate-600">{place}</p>}
            {p.confirmedAt && <ConfirmedOn confirmedAt={p.confirmedAt} />}
            {has(p, 'email') && (
              <p className="mt-1 text-sm">
                <a href={`mailto:${p.email}`} className="text-ai-700 underline-offset-2 hover:underline">
                  {p.email}
                </a>
              </p>
            )}
          </div>
          {p.canEdit && (
            <Link to={`/members/${p.id}/edit`} className={buttonClasses('secondary', 'md', 'self-start')}>
              {t('profile.edit')}
            </Link>
          )}
        </div>
        <RelationActions memberId={p.id} name={p.displayName} />
        {has(p, 'bio') && <p className="mt-6 whitespace-pre-line text-slate-700">{p.bio}</p>}
      </section>

      {atCompany.length > 0 && (
        <Card title={t('profile.sections.atCompany')} id="at-company">
          <Facts rows={atCompany} />
        </Card>
      )}
      {after.length > 0 && (
        <Card title={t('profile.sections.after')} id="after">
          <Facts rows={after} />
        </Card>
      )}
      {hasAvailability && (
        <Card title={t('profile.sections.availability')} id="availability">
          <AvailabilityBadges member={p} />
        </Card>
      )}
      {has(p, 'links') && (
        <Card title={t('profile.sections.links')} id="links">
          <ul className="space-y-2">
            {(p.links ?? []).map((link) => (
              <li key={link.url}>
                <a
                  href={link.url}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  className="font-medium text-ai-700 underline-offset-2 hover:underline"
                >
                  {link.label}
                </a>
                <span className="ml-2 text-xs break-all text-slate-500">{link.url}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

/**
 * "Confirmed on …" (the API sends `confirmedAt` to HR and the member only). HR also sees a "stale"
 * badge once it is older than the freshness period; the settings are HR-only, so the member sees
 * the date alone. Same rule as the server's staleCutoff (calendar months back, UTC).
 */
function ConfirmedOn({ confirmedAt }: { confirmedAt: string }) {
  const { t } = useTranslation();
  const { lang } = useFormat();
  const { data: me } = useMe();
  const settings = useFreshnessSettings({ enabled: me ? isHrRole(me.role) : false });
  const confirmed = new Date(confirmedAt);
  const months = me && isHrRole(me.role) ? settings.data?.months : undefined;
  let isStale = false;
  if (months !== undefined) {
    const cutoff = new Date();
    cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
    isStale = confirmed < cutoff;
  }
  const date = Number.isNaN(confirmed.getTime())
    ? confirmedAt
    : new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(confirmed);
  return (
    <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600" data-testid="confirmed-on">
      <span>{t('profileFreshness.confirmedOn', { date })}</span>
      {isStale && (
        <span title={t('profileFreshness.staleHint', { count: months })}>
          <Badge tone="amber">{t('profileFreshness.stale')}</Badge>
        </span>
      )}
    </p>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-sm text-slate-500">{label}</dt>
          <dd className="-mt-2 text-slate-900 sm:mt-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
