import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CheckInResult } from '#common/event-attendance';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { AttendanceShell, QueryState } from './attendance-shell';
import { attendeesCsvUrl, useCheckIn, useCheckInList } from './use-attendance';

/** The part of the Barcode Detection API used here (not in every TypeScript DOM library yet). */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

const barcodeDetector = (): BarcodeDetectorClass | null =>
  (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector ?? null;
const canScan = () => Boolean(barcodeDetector() && navigator.mediaDevices?.getUserMedia);

/**
 * Reads QR codes from the rear camera with the browser's BarcodeDetector, a few times a second,
 * and hands each new code to `onCode`. Where the API or the camera is missing, says so: the typed
 * code always works.
 */
function Scanner({ onCode, onStop }: { onCode: (code: string) => void; onStop: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const last = useRef<string | null>(null);

  useEffect(() => {
    const Detector = barcodeDetector();
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    if (!Detector) {
      setFailed(true);
      return;
    }
    const detector = new Detector({ formats: ['qr_code'] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        timer = setInterval(() => {
          if (!video.current) return;
          detector
            .detect(video.current)
            .then((codes) => {
              const value = codes[0]?.rawValue?.trim();
              if (value && value !== last.current) {
                last.current = value;
                onCode(value);
              }
            })
            .catch(() => undefined);
        }, 300);
      })
      .catch(() => setFailed(true));
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onCode]);

  return (
    <div className="space-y-2">
      {failed ? (
        <p role="alert" className="text-sm text-red-800">
          {t('eventAttendance.checkIn.cameraUnavailable')}
        </p>
      ) : (
        <>
          <video
            ref={video}
            className="aspect-square w-full rounded-xl bg-slate-900 object-cover"
            muted
            playsInline
          />
          <p className="text-sm text-slate-600">{t('eventAttendance.checkIn.scanning')}</p>
        </>
      )}
      <Button variant="secondary" size="sm" onClick={onStop}>
        {t('eventAttendance.checkIn.stopScan')}
      </Button>
    </div>
  );
}

/** /events/:id/check-in — the host's phone at the door: typed or scanned codes, a live count, the list. */
export function CheckInPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const [q, setQ] = useState('');
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [result, setResult] = useState<CheckInResult | null>(null);
  const list = useCheckInList(id, q.trim());
  const checkIn = useCheckIn(id);
  const submitRef = useRef(checkIn.mutate);
  submitRef.current = checkIn.mutate;

  const send = (value: string) => {
    setResult(null);
    submitRef.current(value, {
      onSuccess: (r) => {
        setResult(r);
        setCode('');
      },
    });
  };
  const onScanned = useRef((value: string) => send(value)).current;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) send(code);
  };

  const data = list.data;
  const fieldErrors = isApiError(checkIn.error) ? checkIn.error.fields.code : undefined;
  return (
    <AttendanceShell
      eventId={id}
      title={
        data ? `${t('eventAttendance.checkIn.title')}: ${data.title}` : t('eventAttendance.checkIn.title')
      }
      subtitle={
        data &&
        t('eventAttendance.checkIn.window', {
          opens: format.dateTime(data.opensAt),
          closes: format.dateTime(data.closesAt),
        })
      }
    >
      {!data ? (
        <QueryState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <p
            aria-live="polite"
            className="rounded-2xl bg-ai-700 px-4 py-3 text-center text-2xl font-bold text-white"
          >
            {t('eventAttendance.checkIn.count', { checkedIn: data.checkedIn, confirmed: data.confirmed })}
          </p>
          <Card>
            <form onSubmit={onSubmit} className="space-y-3" noValidate>
              <TextField
                label={t('eventAttendance.checkIn.codeLabel')}
                hint={t('eventAttendance.checkIn.codeHint')}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                inputMode="text"
                className="font-mono text-lg tracking-widest uppercase"
                errors={fieldErrors}
              />
              <div className="flex flex-wrap gap-2">
                <Button type="submit" isBusy={checkIn.isPending}>
                  {t('eventAttendance.checkIn.submit')}
                </Button>
                {canScan() && !scanning && (
                  <Button variant="secondary" onClick={() => setScanning(true)}>
                    {t('eventAttendance.checkIn.scan')}
                  </Button>
                )}
              </div>
            </form>
            {scanning && (
              <div className="mt-4">
                <Scanner onCode={onScanned} onStop={() => setScanning(false)} />
              </div>
            )}
            <div className="mt-4">
              {result && <SuccessBanner>{result.message}</SuccessBanner>}
              {checkIn.error && !fieldErrors && (
                <ErrorBanner
                  message={isApiError(checkIn.error) ? checkIn.error.message : t('errors.generic')}
                />
              )}
            </div>
          </Card>
          <Card title={t('eventAttendance.checkIn.listLabel')} as="h2">
            <TextField
              label={t('eventAttendance.checkIn.search')}
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            {data.items.length === 0 ? (
              <p className="mt-3 text-sm text-slate-600">{t('eventAttendance.checkIn.empty')}</p>
            ) : (
              <ul
                className="mt-3 divide-y divide-slate-200"
                aria-label={t('eventAttendance.checkIn.listLabel')}
              >
                {data.items.map((a) => (
                  <li key={a.registrationId} className="flex items-center justify-between gap-3 py-2">
                    <span className="min-w-0 truncate font-medium text-slate-900">
                      {a.displayName}
                      {a.guests > 0 && <span className="ml-1 text-sm text-slate-600">+{a.guests}</span>}
                    </span>
                    <span
                      className={`shrink-0 text-sm ${a.checkedInAt ? 'font-medium text-emerald-700' : 'text-slate-500'}`}
                    >
                      {a.checkedInAt
                        ? `✓ ${t('eventAttendance.checkIn.checkedInAt', { time: format.dateTime(a.checkedInAt) })}`
                        : t('eventAttendance.checkIn.notYet')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <a href={attendeesCsvUrl(id)} className={buttonClasses('ghost', 'sm')} download>
            {t('eventAttendance.export')}
          </a>
        </>
      )}
    </AttendanceShell>
  );
}
