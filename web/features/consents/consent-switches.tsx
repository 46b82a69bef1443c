import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_PURPOSES, type ConsentPurpose } from '#common/consent-purposes';
import type { ConsentChoices } from './use-consents';

/** One switch per purpose, each with what it means; the same on /welcome and the privacy page. */
export function ConsentSwitches({
  value,
  onChange,
  disabled = false,
}: {
  value: ConsentChoices;
  onChange: (next: ConsentChoices) => void;
  disabled?: boolean;
}) {
  return (
    <ul className="divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
      {CONSENT_PURPOSES.map((purpose) => (
        <ConsentSwitch
          key={purpose}
          purpose={purpose}
          checked={value[purpose]}
          disabled={disabled}
          onToggle={() => onChange({ ...value, [purpose]: !value[purpose] })}
        />
      ))}
    </ul>
  );
}

function ConsentSwitch({
  purpose,
  checked,
  disabled,
  onToggle,
}: {
  purpose: ConsentPurpose;
  checked: boolean;
  disabled: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  return (
    <li className="flex items-start gap-4 px-4 py-4 sm:px-5">
      <div className="min-w-0 flex-1">
        <p id={titleId} className="font-medium text-slate-900">
          {t(`consents.purposes.${purpose}.title`)}
        </p>
        <p id={bodyId} className="mt-1 text-sm text-slate-600">
          {t(`consents.purposes.${purpose}.body`)}
        </p>
      </div>
      <div className="flex shrink-0 flex-col items-center gap-1 pt-0.5">
        <button
          type="button"
          role="switch"
          aria-checked={checked}
          aria-labelledby={titleId}
          aria-describedby={bodyId}
          disabled={disabled}
          onClick={onToggle}
          className={
            'relative inline-flex h-7 w-12 items-center rounded-full transition-colors focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-ai-500 disabled:opacity-60 ' +
            (checked ? 'bg-ai-700' : 'bg-slate-300')
          }
        >
          <span
            aria-hidden="true"
            className={
              'inline-block size-5 rounded-full bg-white shadow transition-transform ' +
              (checked ? 'translate-x-6' : 'translate-x-1')
            }
          />
        </button>
        <span aria-hidden="true" className={`text-xs ${checked ? 'text-ai-700' : 'text-slate-500'}`}>
          {checked ? t('consents.on') : t('consents.off')}
        </span>
      </div>
    </li>
  );
}

/** Answers from the server, or all off (nothing pre-ticked) for a member who never answered. */
export function choicesFrom(
  purposes: readonly { purpose: ConsentPurpose; granted: boolean }[],
): ConsentChoices {
  const choices = Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, false])) as ConsentChoices;
  for (const p of purposes) choices[p.purpose] = p.granted;
  return choices;
}
