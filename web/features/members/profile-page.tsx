import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isoToday, tenureYears } from '#common/dates';
import type { Profile } from '#common/profiles';
import { AVAILABILITY_FLAGS } from '#common/reference';
import { Avatar } from '#web/components/avatar';
import { AvailabilityBadges, RoleBadge } from '#web/components/member-badges';
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
import { useMember, useMemberAs } from './use-member';

type ViewAs = 'alumni' | 'employee';

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

  const { data: me } = useMe();
  const [viewAs, setViewAs] = useState<ViewAs | null>(null);
  const asTier = useMemberAs(id, viewAs);

  if (!member.isSuccess) return <MemberQueryFallback member={member} />;
  const isOwn = me?.id === member.data.id;
  const bar = isOwn ? <ViewAsBar viewAs={viewAs} onChange={setViewAs} /> : null;
  if (viewAs && asTier.isError)
    return (
      <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
        <h1 className="sr-only">{member.data.displayName}</h1>
        {bar}
        <p className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t('profile.viewAs.hidden')}
        </p>
      </div>
    );
  const shown = viewAs ? asTier.data : member.data;
  if (!shown) return <MemberQueryFallback member={asTier} />;
  // Keyed by id: another member's page starts without the previous one's notice.
  return <ProfileView key={`${shown.id}:${viewAs ?? ''}`} profile={shown} bar={bar} isOwn={isOwn} />;
}

/** On one's own profile: see it as an alumnus or an employee does (the server presents it so). */
function ViewAsBar({ viewAs, onChange }: { viewAs: ViewAs | null; onChange: (v: ViewAs | null) => void }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-xl border border-slate-200 bg-slate-50 px-4 py-2 text-sm">
      <label htmlFor="view-as" className="font-medium text-slate-700">
        {t('profile.viewAs.label')}
      </label>
      <select
        id="view-as"
        value={viewAs ?? ''}
        onChange={(e) => onChange((e.target.value || null) as ViewAs | null)}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1"
      >
        <option value="">{t('profile.viewAs.self')}</option>
        <option value="alumni">{t('profile.viewAs.alumni')}</option>
        <option value="employee">{t('profile.viewAs.employee')}</option>
      </select>
      {viewAs && (
        <>
          <span role="status" className="text-slate-700">
            {t(`profile.viewAs.banner_${viewAs}`)}
          </span>
          <button type="button" className="text-ai-700 underline" onClick={() => onChange(null)}>
            {t('profile.viewAs.back')}
          </button>
        </>
      )}
    </div>
  );
}

/** A value that opens the directory filtered or searched by it. */
function DirectoryLink({ to, children }: { to: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Link
      to={to}
      title={t('profile.filterBy', { value: typeof children === 'string' ? children : '' })}
      className="text-ai-700 underline underline-offset-2 hover:text-ai-900"
    >
      {children}
    </Link>
  );
}

const directoryUrl = (params: Record<string, string>) => `/directory?${new URLSearchParams(params)}`;

function ProfileView({ profile: p, bar, isOwn }: { profile: Profile; bar: ReactNode; isOwn: boolean }) {
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
  if (has(p, 'departments'))
    atCompany.push([
      t('fields.departments'),
      <span key="departments" className="flex flex-wrap gap-x-3">
        {(p.departments ?? []).map((d) => (
          <DirectoryLink key={d} to={directoryUrl({ department: d })}>
            {format.term('department', d)}
          </DirectoryLink>
        ))}
      </span>,
    ]);
  if (has(p, 'lastTitle')) atCompany.push([t('fields.lastTitle'), p.lastTitle]);
  if (has(p, 'office')) atCompany.push([t('fields.office'), p.office]);
  if (has(p, 'companyCountry'))
    atCompany.push([t('fields.companyCountry'), format.country(p.companyCountry as string)]);
  if (has(p, 'employeeNumber')) atCompany.push([t('fields.employeeNumber'), p.employeeNumber]);

  const after: [string, ReactNode][] = [];
  if (has(p, 'currentEmployer'))
    after.push([
      t('fields.currentEmployer'),
      <DirectoryLink key="employer" to={directoryUrl({ q: p.currentEmployer ?? '' })}>
        {p.currentEmployer}
      </DirectoryLink>,
    ]);
  if (has(p, 'currentTitle')) after.push([t('fields.currentTitle'), p.currentTitle]);
  if (has(p, 'industry') && p.industry)
    after.push([
      t('fields.industry'),
      <DirectoryLink key="industry" to={directoryUrl({ industry: p.industry })}>
        {format.industry(p.industry)}
      </DirectoryLink>,
    ]);
  if (has(p, 'location')) after.push([t('fields.location'), p.location]);
  if (has(p, 'country')) after.push([t('fields.country'), format.country(p.country as string)]);
  if (has(p, 'languages'))
    after.push([t('fields.languages'), format.list((p.languages ?? []).map((l) => format.language(l)))]);
  if (has(p, 'skills'))
    after.push([
      t('fields.skills'),
      <ul key="skills" aria-label={t('fields.skills')} className="flex flex-wrap gap-1.5">
        {(p.skills ?? []).map((skill) => (
          <li key={skill}>
            <Link
              to={directoryUrl({ skill })}
              className="rounded-md bg-ai-50 px-2 py-0.5 text-xs text-ai-800 hover:bg-ai-100"
            >
              {format.term('skill', skill)}
            </Link>
          </li>
        ))}
      </ul>,
    ]);

  const hasAvailability = AVAILABILITY_FLAGS.some((f) => p[f] === true);

  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
      {bar}
      {notice && (
        <SuccessBanner>{notice === 'saved' ? t('profile.saved') : t('profile.unchanged')}</SuccessBanner>
      )}

      <section className="rounded-3xl border border-slate-200 bg-white p-5 shadow-xs sm:p-8">
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <Avatar id={p.id} name={p.familyName} size="xl" photoUrl={p.photo?.large} />
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
          <div className="flex flex-wrap gap-2 self-start" data-testid="profile-actions">
            {p.canEdit && (
              <Link to={`/members/${p.id}/edit`} className={buttonClasses('secondary', 'md')}>
                {t('profile.edit')}
              </Link>
            )}
            {/*
              Contact actions (issue 12 §1, §5): the connections feature's
              <RelationActions profile={p} /> (web/features/connections/RelationActions.tsx) goes here,
              on other members' profiles only (`!isOwn`): connect, follow, message, advice, block, report.
            */}
            {!isOwn && <div data-slot="relation-actions" className="contents" />}
          </div>
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
      <Timeline profile={p} />
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
 * The vertical timeline (decision 041): positions after leaving, newest first, then the time at the
 * company — each part only when this viewer may see it (the API leaves out what they may not).
 */
function Timeline({ profile: p }: { profile: Profile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const entries: { key: string; when: string; what: ReactNode; detail?: ReactNode; isCurrent?: boolean }[] =
    [];
  for (const pos of p.positions ?? []) {
    entries.push({
      key: pos.id,
      when: `${format.month(pos.startedOn)} – ${pos.endedOn ? format.month(pos.endedOn) : t('profile.timeline.now')}`,
      what: (
        <>
          {pos.title && <span>{pos.title} · </span>}
          <DirectoryLink to={directoryUrl({ q: pos.employer })}>{pos.employer}</DirectoryLink>
        </>
      ),
      isCurrent: !pos.endedOn,
    });
  }
  if (p.joinedOn || p.leftOn || p.departments?.length || p.lastTitle) {
    const from = p.joinedOn ? format.month(p.joinedOn) : '';
    const to = p.leftOn ? format.month(p.leftOn) : p.joinedOn ? t('profile.timeline.now') : '';
    entries.push({
      key: 'company',
      when: [from, to].filter(Boolean).join(' – '),
      what: [t('profile.timeline.atCompany'), p.lastTitle].filter(Boolean).join(' · '),
      detail: p.departments?.length
        ? format.list(p.departments.map((d) => format.term('department', d)))
        : undefined,
    });
  }
  if (entries.length === 0) return null;
  return (
    <Card title={t('profile.sections.timeline')} id="timeline">
      <ol className="relative ml-2 space-y-5 border-l-2 border-slate-200 pl-5">
        {entries.map((e) => (
          <li key={e.key} className="relative">
            <span
              aria-hidden="true"
              className={`absolute -left-[1.72rem] top-1 size-3 rounded-full ring-4 ring-white ${
                e.isCurrent ? 'bg-ai-600' : 'bg-slate-400'
              }`}
            />
            <p className="text-xs text-slate-500">
              {e.when}
              {e.isCurrent && (
                <span className="ml-2">
                  <Badge tone="ai">{t('profile.timeline.current')}</Badge>
                </span>
              )}
            </p>
            <p className="font-medium text-slate-900">{e.what}</p>
            {e.detail && <p className="text-sm text-slate-600">{e.detail}</p>}
          </li>
        ))}
      </ol>
    </Card>
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
