import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Invitation, InvitationCreateSchema } from '#common/invitations';
import { assignableRoles, type Role } from '#common/roles';
import { NameFields, type NameKey } from '#web/components/name-fields';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { RequiredLegend } from '#web/components/ui/field';
import { Select } from '#web/components/ui/select';
import { TextField } from '#web/components/ui/text-field';
import { useCurrentMe } from '#web/features/auth/use-me';
import { currentLanguage, isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { validateWithSchema } from '#web/lib/zod-form';
import { useCreateInvitation } from './use-invitations';

type Values = Record<NameKey | 'email', string> & { role: Role; locale: 'ja' | 'en' };

const emptyValues = (): Values => ({
  role: 'alumni',
  locale: currentLanguage(),
  email: '',
  familyName: '',
  givenName: '',
  familyNameKana: '',
  givenNameKana: '',
  familyNameRomaji: '',
  givenNameRomaji: '',
});

/** HR invites a person: the server mails the link and returns it once, to share another way too. */
export function InviteForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const create = useCreateInvitation();
  // Only the roles this viewer may give (decision 022): HR never sees the staff roles.
  const roles = assignableRoles(useCurrentMe().role);
  const [values, setValues] = useState<Values>(emptyValues);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<Invitation | null>(null);
  const [isCopied, setCopied] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    setCreated(null);
    setCopied(false);
    const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());
    const body = {
      email: values.email.trim(),
      role: values.role,
      locale: values.locale,
      familyName: values.familyName.trim(),
      givenName: values.givenName.trim(),
      familyNameKana: optional(values.familyNameKana),
      givenNameKana: optional(values.givenNameKana),
      familyNameRomaji: optional(values.familyNameRomaji),
      givenNameRomaji: optional(values.givenNameRomaji),
    };
    // The server's schema, checked in the browser first: an empty required field costs no request.
    const checked = validateWithSchema(InvitationCreateSchema, body);
    if (!checked.ok) return setErrors(checked.fields);
    create.mutate(body, {
      onSuccess: (invitation) => {
        setCreated(invitation);
        setValues((v) => ({ ...emptyValues(), role: v.role, locale: v.locale }));
      },
      onError: (error) => {
        setErrors(isApiError(error) ? error.fields : {});
        setFormError(isApiError(error) ? error.message : t('errors.generic'));
      },
    });
  };

  const copy = async () => {
    if (!created?.acceptUrl) return;
    try {
      await navigator.clipboard.writeText(created.acceptUrl);
      setCopied(true);
    } catch {
      // Clipboard blocked (e.g. not a secure context): select the text so the user can copy it.
      urlRef.current?.select();
    }
  };

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {created && (
        <SuccessBanner>
          <p className="font-medium">
            {t('invite.created', { name: created.displayName, email: created.email })}
          </p>
          {created.acceptUrl && (
            <div className="mt-2">
              <p>{t('invite.shareLink')}</p>
              <div className="mt-2 flex flex-col gap-2 sm:flex-row">
                <label className="sr-only" htmlFor="invite-url">
                  {t('invite.link')}
                </label>
                <input
                  id="invite-url"
                  ref={urlRef}
                  readOnly
                  value={created.acceptUrl}
                  onFocus={(e) => e.currentTarget.select()}
                  className="min-w-0 flex-1 rounded-lg border border-emerald-300 bg-white px-3 py-2 font-mono text-xs text-slate-800"
                />
                <Button variant="secondary" size="sm" onClick={() => void copy()}>
                  {isCopied ? t('invite.copied') : t('invite.copy')}
                </Button>
              </div>
              <p className="mt-1 text-xs text-emerald-800">{t('invite.linkOnce')}</p>
            </div>
          )}
        </SuccessBanner>
      )}
      {formError && <ErrorBanner message={formError} />}
      <RequiredLegend />

      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label={t('invite.role')}
          value={values.role}
          onChange={(e) => set('role', e.target.value as Role)}
          options={roles.map((r) => ({ value: r, label: format.role(r) }))}
          hint={roles.length < 5 ? t('invite.roleHint') : undefined}
          errors={errors.role}
        />
        <Select
          label={t('invite.locale')}
          value={values.locale}
          onChange={(e) => set('locale', e.target.value === 'en' ? 'en' : 'ja')}
          options={[
            { value: 'ja', label: '日本語' },
            { value: 'en', label: 'English' },
          ]}
          hint={t('invite.localeHint')}
          errors={errors.locale}
        />
        <NameFields values={values} errors={errors} onChange={set} />
        <TextField
          label={t('fields.email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          value={values.email}
          maxLength={254}
          required
          onChange={(e) => set('email', e.target.value)}
          errors={errors.email}
          containerClassName="sm:col-span-2"
        />
      </div>
      <div className="flex justify-end">
        <Button type="submit" isBusy={create.isPending}>
          {t('invite.submit')}
        </Button>
      </div>
    </form>
  );
}
