import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTO_TYPES, type Profile } from '#common/profiles';
import { Avatar } from '#web/components/avatar';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { isApiError } from '#web/lib/api';
import { useRemovePhoto, useSetPhoto } from './use-member';

const PREVIEW = 192;

interface Picked {
  file: File;
  url: string;
  width: number;
  height: number;
}

/**
 * Upload and crop (decision 041): the member picks the square to show with three sliders (zoom,
 * horizontal, vertical) over a live preview; the server cuts that square from the upright image —
 * the browser shows <img> upright too, so both count pixels the same way.
 */
export function PhotoEditor({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [zoom, setZoom] = useState(100);
  const [left, setLeft] = useState(50);
  const [top, setTop] = useState(50);
  const [notice, setNotice] = useState<'saved' | 'removed' | null>(null);
  const save = useSetPhoto(profile.id);
  const remove = useRemovePhoto(profile.id);

  const choose = (file: File | undefined) => {
    setNotice(null);
    save.reset();
    if (!file) return;
    // A data: URL, not a blob: one: the page's Content-Security-Policy allows images from data:.
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      const img = new Image();
      img.onload = () => {
        setPicked({ file, url, width: img.naturalWidth, height: img.naturalHeight });
        setZoom(100);
        setLeft(50);
        setTop(50);
      };
      // Not an image the browser can show: the server says why in the user's language.
      img.onerror = () => save.mutate({ file, crop: { x: 0, y: 0, size: 16 } });
      img.src = url;
    };
    reader.readAsDataURL(file);
  };

  const side = picked ? Math.min(picked.width, picked.height) : 0;
  const size = Math.max(16, Math.round((side * zoom) / 100));
  const x = picked ? Math.round(((picked.width - size) * left) / 100) : 0;
  const y = picked ? Math.round(((picked.height - size) * top) / 100) : 0;
  const scale = size > 0 ? PREVIEW / size : 1;
  const error = save.error ?? remove.error;
  const fieldErrors = isApiError(error) ? Object.values(error.fields).flat() : [];

  return (
    <Card title={t('photo.title')} id="photo">
      <div className="space-y-4">
        {notice && <SuccessBanner>{t(`photo.${notice}`)}</SuccessBanner>}
        {error && <ErrorBanner message={fieldErrors.join(' ') || error.message} />}
        <div className="flex flex-wrap items-center gap-4">
          <Avatar id={profile.id} name={profile.familyName} size="xl" photoUrl={profile.photo?.large} />
          <div className="space-y-2">
            <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
              {t('photo.choose')}
            </label>
            <input
              id={inputId}
              type="file"
              accept={PHOTO_TYPES.join(',')}
              onChange={(e) => choose(e.target.files?.[0])}
              className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-lg file:border-0 file:bg-ai-50 file:px-3 file:py-2 file:text-ai-800"
            />
            <p className="text-xs text-slate-500">{t('photo.hint')}</p>
            {profile.photo && !picked && (
              <Button
                variant="secondary"
                size="sm"
                isBusy={remove.isPending}
                onClick={() => remove.mutate(undefined, { onSuccess: () => setNotice('removed') })}
              >
                {t('photo.remove')}
              </Button>
            )}
          </div>
        </div>
        {picked && (
          <div className="flex flex-col gap-4 sm:flex-row">
            <figure>
              <div
                className="relative overflow-hidden rounded-full border border-slate-200 bg-slate-100"
                style={{ width: PREVIEW, height: PREVIEW }}
                data-testid="photo-preview"
              >
                <img
                  src={picked.url}
                  alt=""
                  className="absolute max-w-none origin-top-left"
                  style={{
                    width: picked.width * scale,
                    height: picked.height * scale,
                    left: -x * scale,
                    top: -y * scale,
                  }}
                />
              </div>
              <figcaption className="mt-1 text-xs text-slate-500">{t('photo.preview')}</figcaption>
            </figure>
            <div className="min-w-0 flex-1 space-y-3">
              <Slider label={t('photo.zoom')} value={zoom} min={20} max={100} onChange={setZoom} invert />
              <Slider label={t('photo.left')} value={left} min={0} max={100} onChange={setLeft} />
              <Slider label={t('photo.top')} value={top} min={0} max={100} onChange={setTop} />
              <Button
                isBusy={save.isPending}
                onClick={() =>
                  save.mutate(
                    { file: picked.file, crop: { x, y, size } },
                    {
                      onSuccess: () => {
                        setPicked(null);
                        setNotice('saved');
                      },
                    },
                  )
                }
              >
                {t('photo.save')}
              </Button>
            </div>
          </div>
        )}
      </div>
    </Card>
  );
}

function Slider({
  label,
  value,
  min,
  max,
  onChange,
  invert = false,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (v: number) => void;
  /** Zoom: moving right shows a smaller square (more zoom). */
  invert?: boolean;
}) {
  const id = useId();
  const shown = invert ? max + min - value : value;
  return (
    <div>
      <label htmlFor={id} className="block text-sm text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        value={shown}
        onChange={(e) => {
          const v = Number(e.target.value);
          onChange(invert ? max + min - v : v);
        }}
        className="w-full accent-ai-600"
      />
    </div>
  );
}
