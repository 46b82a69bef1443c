import { type DragEvent, type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ImportEncoding } from '#common/hr-import';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Select } from '#web/components/ui/select';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { formatBytes } from './import-format';
import { useHrImports, useUploadImport } from './use-hr-records';

const ENCODINGS = ['auto', 'utf-8', 'cp932'] as const;

/** Step 1 of an import: choose (or drop) the CSV and upload it; the next steps are on its own page. */
export function HrImportNewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hrImport.newTitle'));
  const navigate = useNavigate();
  const inputId = useId();
  const limits = useHrImports();
  const upload = useUploadImport();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<'auto' | ImportEncoding>('auto');
  const [isOver, setIsOver] = useState(false);
  const maxBytes = limits.data?.maxBytes;
  const isTooLarge = !!file && maxBytes !== undefined && file.size > maxBytes;

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || isTooLarge) return;
    upload.mutate({ file, encoding }, { onSuccess: (row) => navigate(`/admin/hr-imports/${row.id}`) });
  };

  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <Link to="/admin/hr-records" className="text-sm text-ai-700 hover:underline">
          ← {t('hrImport.back')}
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">{t('hrImport.newTitle')}</h1>
      </div>
      <Card title={t('hrImport.upload.title')} id="import-upload">
        <form onSubmit={submit} className="space-y-5">
          <p className="text-sm text-slate-600">{t('hrImport.upload.lead')}</p>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop zone around the real file input */}
          <div
            onDragOver={(e) => {
              e.preventDefault();
              setIsOver(true);
            }}
            onDragLeave={() => setIsOver(false)}
            onDrop={onDrop}
            className={`rounded-xl border-2 border-dashed px-4 py-8 text-center ${
              isOver ? 'border-ai-500 bg-ai-50' : 'border-slate-300 bg-slate-50'
            }`}
          >
            <label htmlFor={inputId} className="block cursor-pointer text-sm font-medium text-slate-800">
              {t('hrImport.upload.drop')}
            </label>
            <input
              id={inputId}
              type="file"
              accept=".csv,text/csv"
              aria-label={t('hrImport.upload.file')}
              className="mx-auto mt-3 block text-sm text-slate-700 file:mr-3 file:rounded-lg file:border-0 file:bg-ai-700 file:px-3 file:py-2 file:text-white"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            {file && (
              <p className="mt-3 text-sm text-slate-700">
                {t('hrImport.upload.chosen', { name: file.name, size: formatBytes(file.size) })}
              </p>
            )}
            {maxBytes !== undefined && (
              <p className="mt-2 text-xs text-slate-500">
                {t('hrImport.upload.limit', { limit: formatBytes(maxBytes) })}
              </p>
            )}
          </div>
          {isTooLarge && maxBytes !== undefined && (
            <ErrorBanner message={t('hrImport.upload.tooLarge', { limit: formatBytes(maxBytes) })} />
          )}
          <Select
            label={t('hrImport.upload.encoding')}
            containerClassName="max-w-xs"
            value={encoding}
            options={ENCODINGS.map((e) => ({ value: e, label: t(`hrImport.upload.encodings.${e}`) }))}
            onChange={(e) => setEncoding(e.target.value as typeof encoding)}
          />
          {upload.isError && (
            <ErrorBanner message={isApiError(upload.error) ? upload.error.message : t('errors.generic')} />
          )}
          <Button type="submit" disabled={!file || isTooLarge} isBusy={upload.isPending}>
            {t('hrImport.upload.submit')}
          </Button>
        </form>
      </Card>
    </div>
  );
}
