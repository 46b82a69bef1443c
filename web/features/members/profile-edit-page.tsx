import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { FieldVisibility } from '#common/access';
import { type Profile, type ProfileField, ProfileUpdateSchema } from '#common/profiles';
import {
  AVAILABILITY_FLAGS,
  type AvailabilityFlag,
  HR_RECORD_FIELDS,
  INDUSTRIES,
  NAME_FIELDS,
  PROFILE_FIELDS,
} from '#common/reference';
import { suggestTerms } from '#common/vocabulary';
import { NotFoundPage } from '#web/components/not-found-page';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Checkbox } from '#web/components/ui/checkbox';
import { RequiredLegend } from '#web/components/ui/field';
import { FieldErrors } from '#web/components/ui/field-errors';
import { InlineSelect, Select } from '#web/components/ui/select';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { isHrRole, useCurrentMe } from '#web/features/auth/use-me';
import { isApiError } from '#web/lib/api';
import { useCodeOptions } from '#web/lib/code-options';
import { useFormat, useLanguage } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useFlash } from '#web/lib/use-flash';
import { validateWithSchema } from '#web/lib/zod-form';
import { MemberQueryFallback } from './member-query-fallback';
import { PhotoEditor } from './photo-editor';
import { PositionsEditor } from './positions-editor';
import {
  type LinkRow,
  linksOf,
  newLinkRow,
  type ProfileFormValues,
  splitList,
  toFormValues,
  toUpdate,
} from './profile-form';
import { useMember, useUpdateMember } from './use-member';
import { VisibilitySelect } from './visibility-select';

const MAX_LINKS = 5;

/** Fields that show their own messages (`skills.2` belongs to `skills`); the e-mail is read-only. */
const FIELDS_WITH_ERRORS: ReadonlySet<string> = new Set([
  ...NAME_FIELDS,
  ...HR_RECORD_FIELDS,
  ...PROFILE_FIELDS.filter((field) => field !== 'email'),
  'visibility',
]);

export function ProfileEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const member = useMember(id);
  useDocumentTitle(t('edit.title'));

  if (!member.isSuccess) return <MemberQueryFallback member={member} />;
  if (!member.data.canEdit) return <NotFoundPage />;
  // Keyed by id: a different member gets a fresh form.
  return <ProfileEditForm key={member.data.id} profile={member.data} />;
}

/** What was sent, to place `skills.2` / `links.0.url` errors next to the right input. */
interface SentLists {
  departments: string[];
  skills: string[];
  linkKeys: number[];
}

function ProfileEditForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const codeOptions = useCodeOptions();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const isWelcome = useFlash<boolean>('welcome') === true;
  const canEditHrRecord = isHrRole(me.role);
  const update = useUpdateMember(profile.id);
  const lang = useLanguage();
  const initial = useMemo(() => toFormValues(profile, lang), [profile, lang]);
  const [values, setValues] = useState<ProfileFormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState<SentLists>({ departments: [], skills: [], linkKeys: [] });
  const bannerRef = useRef<HTMLDivElement>(null);
  const limits = profile.visibilityLimits ?? {};
  const present = (key: keyof Profile) => key in profile;

  useEffect(() => {
    if (formError) bannerRef.current?.focus();
  }, [formError]);

  const set = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const setVisibility = (field: ProfileField, level: FieldVisibility) =>
    setValues((v) => ({ ...v, visibility: { ...v.visibility, [field]: level } }));

  const fieldLabel = (field: string) => t(`fields.${field}` as 'fields.bio');
  const visibilityFor = (field: ProfileField) =>
    profile.visibility ? (
      <VisibilitySelect
        field={field}
        fieldLabel={fieldLabel(field)}
        value={values.visibility[field]}
        limits={limits}
        onChange={(level) => setVisibility(field, level)}
        errors={errors[`visibility.${field}`]}
      />
    ) : undefined;

  /** Errors of `key` plus those of its items (`skills.2` → "「Go」: …"). */
  const listErrors = (key: 'departments' | 'skills') => {
    const own = errors[key] ?? [];
    const items = Object.entries(errors)
      .filter(([k]) => k.startsWith(`${key}.`))
      .flatMap(([k, messages]) => {
        const item = sent[key][Number(k.slice(key.length + 1))] ?? '';
        return messages.map((m) => t('edit.itemError', { item, message: m }));
      });
    return [...own, ...items];
  };
  const linkErrors = (row: LinkRow, part: 'label' | 'url') => {
    const index = sent.linkKeys.indexOf(row.key);
    return index < 0 ? undefined : errors[`links.${index}.${part}`];
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = toUpdate(profile, initial, values, { canEditHrRecord });
    if (Object.keys(body).length === 0) {
      navigate(`/members/${profile.id}`, { state: { notice: 'unchanged' } });
      return;
    }
    setSent({
      departments: splitList(values.departments),
      skills: splitList(values.skills),
      linkKeys: values.links.filter((r) => r.label.trim() !== '' || r.url.trim() !== '').map((r) => r.key),
    });
    setFormError(null);
    // The server's schema first: an emptied required name is shown without a request.
    const checked = validateWithSchema(ProfileUpdateSchema, body);
    setErrors(checked.ok ? {} : checked.fields);
    if (!checked.ok) return;
    update.mutate(body, {
      onSuccess: () => navigate(`/members/${profile.id}`, { state: { notice: 'saved' } }),
      onError: (error) => {
        setErrors(isApiError(error) ? error.fields : {});
        setFormError(isApiError(error) ? error.message : t('errors.generic'));
      },
    });
  };

  // Messages for keys no input shows (e.g. a whole-form rule) go in the banner.
  const otherErrors = Object.entries(errors).filter(([k]) => !FIELDS_WITH_ERRORS.has(k.split('.')[0] ?? ''));

  const text = (key: 'lastTitle' | 'office' | 'currentEmployer' | 'currentTitle' | 'location', max: number) =>
    present(key) && (
      <TextField
        label={fieldLabel(key)}
        value={values[key]}
        maxLength={max}
        onChange={(e) => set(key, e.target.value)}
        errors={errors[key]}
        aside={visibilityFor(key)}
      />
    );
  const country = (key: 'companyCountry' | 'country') =>
    present(key) && (
      <Select
        label={fieldLabel(key)}
        value={values[key]}
        onChange={(e) => set(key, e.target.value)}
        emptyOption={t('edit.notSet')}
        options={codeOptions.countryOptions()}
        errors={errors[key]}
        aside={visibilityFor(key)}
      />
    );

  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
      <form noValidate onSubmit={onSubmit} className="space-y-6">
        <div>
          <p className="text-sm text-slate-500">
            <Link to={`/members/${profile.id}`} className="text-ai-700 hover:underline">
              ← {profile.displayName}
            </Link>
          </p>
          <h1 className="mt-1 text-2xl font-bold text-slate-900">{t('edit.title')}</h1>
          {profile.visibility && <p className="mt-1 text-sm text-slate-600">{t('edit.visibilityHelp')}</p>}
        </div>

        {isWelcome && <SuccessBanner>{t('edit.welcome')}</SuccessBanner>}
        <div ref={bannerRef} tabIndex={-1} className="focus:outline-none">
          {formError && (
            <ErrorBanner message={formError}>
              {otherErrors.length > 0 && (
                <ul className="mt-1 list-disc pl-5">
                  {otherErrors.map(([key, messages]) => (
                    <li key={key}>{messages.join(' ')}</li>
                  ))}
                </ul>
              )}
            </ErrorBanner>
          )}
        </div>

        <Card title={t('edit.sections.name')} id="edit-name">
          <p className="-mt-2 text-sm text-slate-600">{t('edit.nameHelp')}</p>
          <div className="mb-4">
            <RequiredLegend />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            {NAME_FIELDS.map((key) => (
              <TextField
                key={key}
                label={fieldLabel(key)}
                value={values[key]}
                maxLength={60}
                required={key === 'familyName' || key === 'givenName'}
                autoComplete={
                  key === 'familyName' ? 'family-name' : key === 'givenName' ? 'given-name' : 'off'
                }
                onChange={(e) => set(key, e.target.value)}
                errors={errors[key]}
              />
            ))}
          </div>
        </Card>

        <Card title={t('profile.sections.atCompany')} id="edit-company">
          {!canEditHrRecord && <p className="-mt-2 mb-4 text-sm text-slate-600">{t('edit.hrOnly')}</p>}
          <div className="grid gap-4 sm:grid-cols-2">
            {present('email') && (
              <TextField
                label={fieldLabel('email')}
                value={profile.email ?? ''}
                readOnly
                aside={visibilityFor('email')}
                containerClassName="sm:col-span-2"
              />
            )}
            {present('employeeNumber') && (
              <TextField
                label={fieldLabel('employeeNumber')}
                value={values.employeeNumber}
                readOnly={!canEditHrRecord}
                maxLength={40}
                onChange={(e) => set('employeeNumber', e.target.value)}
                errors={errors.employeeNumber}
                hint={t('edit.employeeNumberHint')}
                containerClassName="sm:col-span-2"
              />
            )}
            {(['joinedOn', 'leftOn'] as const).map(
              (key) =>
                present(key) && (
                  <TextField
                    key={key}
                    label={fieldLabel(key)}
                    // Members see the HR record as text; only HR gets a date picker.
                    type={canEditHrRecord ? 'date' : 'text'}
                    value={canEditHrRecord ? values[key] : values[key] && format.date(values[key])}
                    readOnly={!canEditHrRecord}
                    onChange={(e) => set(key, e.target.value)}
                    errors={errors[key]}
                    aside={visibilityFor(key)}
                  />
                ),
            )}
            {present('departments') && (
              <TextField
                label={fieldLabel('departments')}
                value={values.departments}
                onChange={(e) => set('departments', e.target.value)}
                hint={t('edit.commaHint')}
                errors={listErrors('departments')}
                aside={visibilityFor('departments')}
                containerClassName="sm:col-span-2"
              />
            )}
            {text('lastTitle', 120)}
            {text('office', 120)}
            {country('companyCountry')}
          </div>
        </Card>

        <Card title={t('profile.sections.after')} id="edit-after">
          <div className="grid gap-4 sm:grid-cols-2">
            {text('currentEmployer', 160)}
            {text('currentTitle', 120)}
            {present('industry') && (
              <Select
                label={fieldLabel('industry')}
                value={values.industry}
                onChange={(e) => set('industry', e.target.value)}
                emptyOption={t('edit.notSet')}
                options={INDUSTRIES.map((code) => ({ value: code, label: format.industry(code) }))}
                errors={errors.industry}
                aside={visibilityFor('industry')}
              />
            )}
            {text('location', 120)}
            {country('country')}
            {present('languages') && (
              <LanguagesField
                values={values.languages}
                onChange={(languages) => set('languages', languages)}
                errors={[
                  ...(errors.languages ?? []),
                  ...Object.entries(errors)
                    .filter(([k]) => k.startsWith('languages.'))
                    .flatMap(([, m]) => m),
                ]}
                aside={visibilityFor('languages')}
              />
            )}
            {present('skills') && (
              <TextField
                label={fieldLabel('skills')}
                value={values.skills}
                onChange={(e) => set('skills', e.target.value)}
                hint={t('edit.commaHint')}
                errors={listErrors('skills')}
                aside={visibilityFor('skills')}
                containerClassName="sm:col-span-2"
                autoComplete="off"
              />
            )}
            {present('skills') && (
              <SkillSuggestions value={values.skills} onPick={(next) => set('skills', next)} />
            )}
            {present('bio') && (
              <TextArea
                label={fieldLabel('bio')}
                value={values.bio}
                maxLength={2000}
                rows={5}
                onChange={(e) => set('bio', e.target.value)}
                errors={errors.bio}
                aside={visibilityFor('bio')}
                containerClassName="sm:col-span-2"
              />
            )}
          </div>
        </Card>

        {AVAILABILITY_FLAGS.some((f) => present(f)) && (
          <Card title={t('profile.sections.availability')} id="edit-availability">
            <p className="-mt-2 mb-4 text-sm text-slate-600">{t('edit.availabilityHelp')}</p>
            <ul className="divide-y divide-slate-100">
              {AVAILABILITY_FLAGS.filter((f) => present(f)).map((flag: AvailabilityFlag) => (
                <li key={flag} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <Checkbox
                    label={format.availability(flag)}
                    hint={t(`availabilityHelp.${flag}`)}
                    checked={values[flag]}
                    onChange={(e) => set(flag, e.target.checked)}
                    errors={errors[flag]}
                    containerClassName="min-w-0 flex-1"
                  />
                  {visibilityFor(flag)}
                </li>
              ))}
            </ul>
          </Card>
        )}

        {present('links') && (
          <Card title={t('profile.sections.links')} id="edit-links" actions={visibilityFor('links')}>
            <LinksEditor
              rows={values.links}
              onChange={(links) => set('links', links)}
              errorsFor={linkErrors}
              listErrors={errors.links}
            />
          </Card>
        )}

        <div className="sticky bottom-0 -mx-4 flex items-center justify-end gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0">
          <Link to={`/members/${profile.id}`} className={buttonClasses('ghost')}>
            {t('common.cancel')}
          </Link>
          <Button type="submit" isBusy={update.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </form>
      {/* Their own forms: outside the profile form (a form cannot hold another). */}
      <PhotoEditor profile={profile} />
      {'positions' in profile && <PositionsEditor profile={profile} />}
    </div>
  );
}

/** Vocabulary terms for the skill being typed (the last comma-separated entry), in the UI language. */
function SkillSuggestions({ value, onPick }: { value: string; onPick: (next: string) => void }) {
  const { t } = useTranslation();
  const { lang } = useFormat();
  const parts = value.split(/[,、，]/);
  const typed = (parts.at(-1) ?? '').trim();
  const already = new Set(parts.slice(0, -1).map((p) => p.trim()));
  const terms = suggestTerms('skill', typed, 6).filter(
    (term) =>
      ![term.labelJa, term.labelEn].includes(typed) &&
      !already.has(lang === 'ja' ? term.labelJa : term.labelEn),
  );
  if (terms.length === 0) return null;
  return (
    <fieldset className="-mt-3 flex flex-wrap items-center gap-1.5 sm:col-span-2">
      <legend className="sr-only">{t('skillSuggestions')}</legend>
      <span aria-hidden="true" className="text-xs text-slate-500">
        {t('skillSuggestions')}:
      </span>
      {terms.map((term) => {
        const label = lang === 'ja' ? term.labelJa : term.labelEn;
        return (
          <button
            key={term.key}
            type="button"
            className="rounded-md border border-ai-200 bg-ai-50 px-2 py-0.5 text-xs text-ai-800 hover:bg-ai-100"
            onClick={() =>
              onPick([...parts.slice(0, -1).map((p) => p.trim()), label].filter(Boolean).join(', '))
            }
          >
            {label}
          </button>
        );
      })}
    </fieldset>
  );
}

function LanguagesField({
  values,
  onChange,
  errors,
  aside,
}: {
  values: string[];
  onChange: (values: string[]) => void;
  errors: string[];
  aside?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const options = useCodeOptions()
    .languageOptions()
    .filter((o) => !values.includes(o.value));
  return (
    <fieldset className="sm:col-span-2">
      <div className="mb-1 flex flex-wrap items-end justify-between gap-3">
        <legend className="float-left text-sm font-medium text-slate-800">{t('fields.languages')}</legend>
        {aside}
      </div>
      <div className="clear-both flex flex-wrap items-center gap-2">
        {values.map((code) => (
          <span
            key={code}
            className="inline-flex items-center gap-1 rounded-full bg-ai-50 py-1 pr-1 pl-3 text-sm text-ai-800"
          >
            {format.language(code)}
            <button
              type="button"
              onClick={() => onChange(values.filter((v) => v !== code))}
              aria-label={t('edit.removeLanguage', { language: format.language(code) })}
              className="flex size-6 items-center justify-center rounded-full hover:bg-ai-100"
            >
              <span aria-hidden="true">×</span>
            </button>
          </span>
        ))}
        {values.length < 10 && (
          <InlineSelect
            label={t('edit.addLanguage')}
            value=""
            onChange={(e) => e.target.value && onChange([...values, e.target.value])}
            options={[{ value: '', label: t('edit.addLanguage') }, ...options]}
            className="py-1.5 text-sm"
          />
        )}
      </div>
      <FieldErrors id="languages-errors" errors={errors} />
    </fieldset>
  );
}

function LinksEditor({
  rows,
  onChange,
  errorsFor,
  listErrors,
}: {
  rows: LinkRow[];
  onChange: (rows: LinkRow[]) => void;
  errorsFor: (row: LinkRow, part: 'label' | 'url') => string[] | undefined;
  listErrors?: string[];
}) {
  const { t } = useTranslation();
  const replace = (key: number, change: Partial<LinkRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <div className="space-y-4">
      {rows.length === 0 && <p className="text-sm text-slate-500">{t('edit.noLinks')}</p>}
      {rows.map((row, index) => (
        <div
          key={row.key}
          className="grid gap-3 rounded-xl bg-slate-50 p-3 sm:grid-cols-[1fr_2fr_auto] sm:items-start"
        >
          <TextField
            label={t('edit.linkLabel', { n: index + 1 })}
            value={row.label}
            maxLength={60}
            onChange={(e) => replace(row.key, { label: e.target.value })}
            errors={errorsFor(row, 'label')}
          />
          <TextField
            label={t('edit.linkUrl', { n: index + 1 })}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={row.url}
            maxLength={500}
            onChange={(e) => replace(row.key, { url: e.target.value })}
            errors={errorsFor(row, 'url')}
          />
          <Button
            variant="ghost"
            size="sm"
            className="sm:mt-6"
            onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
          >
            {t('edit.removeLink', { n: index + 1 })}
          </Button>
        </div>
      ))}
      <FieldErrors id="links-errors" errors={listErrors} />
      {linksOf(rows).length < MAX_LINKS && rows.length < MAX_LINKS && (
        <Button variant="secondary" size="sm" onClick={() => onChange([...rows, newLinkRow()])}>
          + {t('edit.addLink')}
        </Button>
      )}
    </div>
  );
}
