import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandingNamesSchema, LOGO_MAX_BYTES, ORG_NAME_MAX } from '#common/branding';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { describedBy, FieldErrors } from '#web/components/ui/field-errors';
import { Spinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useBranding, useRemoveLogo, useSaveBrandingNames, useUploadLogo } from './use-branding';

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** Admins: the organisation's display name (ja/en) and logo, used on every page and in every email. */
export function BrandingSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('branding.title'));
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('branding.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('branding.lead')}</p>
      </div>
      <Card title={t('branding.namesTitle')} id="branding-names">
        <NamesForm />
      </Card>
      <Card title={t('branding.logoTitle')} id="branding-logo">
        <LogoForm />
      </Card>
    </div>
  );
}

function NamesForm() {
  const { t } = useTranslation();
  const branding = useBranding();
  const save = useSaveBrandingNames();
  const [values, setValues] = useState<{ nameJa: string; nameEn: string }>();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (branding.data && !values) {
      // Until set, the fields start empty rather than with the product name.
      setValues(
        branding.data.isCustom
          ? { nameJa: branding.data.nameJa, nameEn: branding.data.nameEn }
          : { nameJa: '', nameEn: '' },
      );
    }
  }, [branding.data, values]);

  if (!values) {
    if (branding.isError) {
      return <ErrorBanner message={t('errors.generic')} onRetry={() => void branding.refetch()} />;
    }
    return <Spinner />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    // The same schema as the server: empty or too long fails here, before a round trip.
    const parsed = BrandingNamesSchema.safeParse(values);
    if (!parsed.success) {
      const local: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        local[key] = [
          issue.code === 'too_big'
            ? t('branding.nameTooLong', { n: ORG_NAME_MAX })
            : t('validation.required'),
        ];
      }
      setErrors(local);
      return;
    }
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: () => setMessage({ kind: 'saved', text: t('branding.saved') }),
      onError: (error) => {
        setErrors(isApiError(error) ? error.fields : {});
        setMessage({ kind: 'error', text: isApiError(error) ? error.message : t('errors.generic') });
      },
    });
  };

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {message?.kind === 'saved' && <SuccessBanner>{message.text}</SuccessBanner>}
      {message?.kind === 'error' && <ErrorBanner message={message.text} />}
      <p className="text-sm text-slate-600">{t('branding.namesHint')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('branding.nameJa')}
          name="nameJa"
          lang="ja"
          required
          maxLength={ORG_NAME_MAX}
          value={values.nameJa}
          onChange={(e) => setValues({ ...values, nameJa: e.target.value })}
          errors={errors.nameJa}
        />
        <TextField
          label={t('branding.nameEn')}
          name="nameEn"
          lang="en"
          required
          maxLength={ORG_NAME_MAX}
          value={values.nameEn}
          onChange={(e) => setValues({ ...values, nameEn: e.target.value })}
          errors={errors.nameEn}
        />
      </div>
      <Button type="submit" isBusy={save.isPending}>
        {t('common.save')}
      </Button>
    </form>
  );
}

function LogoForm() {
  const { t } = useTranslation();
  const branding = useBranding();
  const upload = useUploadLogo();
  const remove = useRemoveLogo();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (!file) {
      setErrors([t('validation.required')]);
      return;
    }
    if (!LOGO_TYPES.includes(file.type)) {
      setErrors([t('branding.logoFormat')]);
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      setErrors([t('branding.logoTooLarge')]);
      return;
    }
    setErrors([]);
    upload.mutate(file, {
      onSuccess: () => {
        setMessage({ kind: 'saved', text: t('branding.logoSaved') });
        setFile(null);
        if (input.current) input.current.value = '';
      },
      onError: (error) => {
        setErrors(isApiError(error) ? (error.fields.logo ?? []) : []);
        setMessage({ kind: 'error', text: isApiError(error) ? error.message : t('errors.generic') });
      },
    });
  };

  const logoUrl = branding.data?.logoUrl;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {message?.kind === 'saved' && <SuccessBanner>{message.text}</SuccessBanner>}
      {message?.kind === 'error' && <ErrorBanner message={message.text} />}
      <div className="flex items-center gap-4">
        {logoUrl ? (
          <img
            src={logoUrl}
            alt={t('branding.currentLogo')}
            className="size-24 rounded-lg border border-slate-200 bg-slate-50 object-contain p-1"
          />
        ) : (
          <p className="text-sm text-slate-600">{t('branding.noLogo')}</p>
        )}
        {logoUrl && (
          <Button
            type="button"
            variant="secondary"
            isBusy={remove.isPending}
            onClick={() =>
              remove.mutate(undefined, {
                onSuccess: () => setMessage({ kind: 'saved', text: t('branding.logoRemoved') }),
              })
            }
          >
            {t('branding.removeLogo')}
          </Button>
        )}
      </div>
      <div>
        <label htmlFor="branding-logo-file" className="block text-sm font-medium text-slate-800">
          {t('branding.chooseLogo')}
        </label>
        <p id="branding-logo-hint" className="mt-1 text-sm text-slate-600">
          {t('branding.logoHint')}
        </p>
        <input
          ref={input}
          id="branding-logo-file"
          type="file"
          accept={LOGO_TYPES.join(',')}
          aria-describedby={describedBy('branding-logo-hint', errors.length > 0 && 'branding-logo-errors')}
          aria-invalid={errors.length > 0 || undefined}
          className="mt-2 block w-full text-sm text-slate-700 file:mr-3 file:rounded-lg file:border-0 file:bg-ai-50 file:px-3 file:py-2 file:font-medium file:text-ai-800 hover:file:bg-ai-100"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <FieldErrors id="branding-logo-errors" errors={errors} />
      </div>
      <Button type="submit" isBusy={upload.isPending}>
        {t('branding.upload')}
      </Button>
    </form>
  );
}
