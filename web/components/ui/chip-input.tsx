import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { Field, inputClasses } from './field';

// ---- pure helpers (also used by the forms that hold a chip list) --------------------------------

const SEPARATOR = /[,，、\n]/;
const ENDS_WITH_SEPARATOR = /[,，、\n]$/;

/** Splits typed text into terms: comma (either width), Japanese comma or new line. */
export const splitTerms = (text: string): string[] =>
  text
    .split(SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);

/** What two terms are compared by: case and full/half width aside (as the server compares them). */
const termKey = (term: string) => term.normalize('NFKC').trim().toLowerCase();

/** Adds terms to a list, skipping repeats (case and width aside), up to `max` entries. */
export function addTerms(
  list: readonly string[],
  terms: readonly string[],
  max = Number.POSITIVE_INFINITY,
): string[] {
  const next = [...list];
  const seen = new Set(list.map(termKey));
  for (const term of terms) {
    if (next.length >= max) break;
    const key = termKey(term);
    if (seen.has(key)) continue;
    seen.add(key);
    next.push(term);
  }
  return next;
}

/**
 * Turns the typed text into chips. Terms that do not fit under `max`, or are longer than
 * `maxLength`, stay in the box, so nothing typed disappears without the member seeing it.
 */
export function commitDraft(
  list: readonly string[],
  draft: string,
  max = Number.POSITIVE_INFINITY,
  maxLength = Number.POSITIVE_INFINITY,
): { values: string[]; draft: string } {
  const terms = splitTerms(draft);
  const values = addTerms(
    list,
    terms.filter((term) => term.length <= maxLength),
    max,
  );
  const kept = new Set(values.map(termKey));
  const left = terms.filter((term) => !kept.has(termKey(term)));
  return { values, draft: left.join(', ') };
}

/** The typed terms longer than `maxLength` (they cannot become chips). */
export const tooLongTerms = (draft: string, maxLength = Number.POSITIVE_INFINITY): string[] =>
  splitTerms(draft).filter((term) => term.length > maxLength);

/**
 * The list a form sends: the chips plus whatever is still typed in the box. No `max` here: the
 * server says "too many" rather than the form dropping a term silently.
 */
export const withDraft = (list: readonly string[], draft: string): string[] =>
  addTerms(list, splitTerms(draft));

/**
 * The server's messages for a list field, for under its control: those of the list (`keywords`)
 * and those of single entries (`keywords.2`), the latter with the entry they are about, taken
 * from `sent` (the list as it was sent) and worded by `formatItem`.
 */
export function listErrors(
  fields: Record<string, string[]>,
  name: string,
  sent: readonly string[],
  formatItem: (value: string, message: string) => string,
): string[] {
  const items = Object.entries(fields)
    .filter(([key]) => key.startsWith(`${name}.`))
    .flatMap(([key, messages]) => {
      const value = sent[Number(key.slice(name.length + 1))];
      return messages.map((message) => (value ? formatItem(value, message) : message));
    });
  return [...(fields[name] ?? []), ...items];
}

/** `listErrors` over an API error's fields, each entry's message worded in the UI language. */
export function useListErrors(fields: Record<string, string[]>) {
  const { t } = useTranslation();
  return (name: string, sent: readonly string[]) =>
    listErrors(fields, name, sent, (value, message) => t('chipInput.itemError', { value, message }));
}

// ---- the control ----------------------------------------------------------------------------------

interface ChipInputProps {
  label: string;
  hint?: ReactNode;
  /** Field errors from the server (the list's and its entries'), shown under the control. */
  errors?: readonly string[];
  values: string[];
  onChange: (values: string[]) => void;
  /** What is typed but not yet a chip: kept by the form, which sends it on save (`withDraft`). */
  draft: string;
  onDraftChange: (text: string) => void;
  /** At most this many chips; once the list is full, Enter and Add do nothing and say why. */
  max?: number;
  /**
   * Longest entry. Checked per entry, not on the box (a pasted list may be longer): a longer entry
   * stays in the box with a message instead of being cut off.
   */
  maxLength?: number;
  placeholder?: string;
  name?: string;
}

/**
 * A list of short terms shown as removable chips. Enter or a comma (、，,) turns the typed text
 * into chips, repeats (case and width aside) are skipped; Backspace in an empty box takes the last
 * chip back into the box for editing. Leaving the box does not add a chip: the chips moving the
 * form under the pointer would swallow the next click. The form sends what is still typed.
 */
export function ChipInput({
  label,
  hint,
  errors,
  values,
  onChange,
  draft,
  onDraftChange,
  max = Number.POSITIVE_INFINITY,
  maxLength,
  placeholder,
  name,
}: ChipInputProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const full = values.length >= max;
  const tooLong = maxLength === undefined ? [] : tooLongTerms(draft, maxLength);

  const commit = (text: string) => {
    const next = commitDraft(values, text, max, maxLength);
    if (next.values.length !== values.length) onChange(next.values);
    onDraftChange(next.draft);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // While an IME converts, Enter confirms the conversion (Safari reports it as keyCode 229).
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter' || event.key === ',' || event.key === '、' || event.key === '，') {
      event.preventDefault();
      commit(draft);
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      event.preventDefault();
      onDraftChange(values[values.length - 1] ?? '');
      onChange(values.slice(0, -1));
    }
  };
  // A separator that arrives without a key press of its own (pasted text, a phone keyboard, the
  // IME confirming 、) ends a term too.
  const onText = (text: string, isComposing: boolean) => {
    if (!isComposing && ENDS_WITH_SEPARATOR.test(text)) commit(text);
    else onDraftChange(text);
  };
  const remove = (value: string) => {
    onChange(values.filter((v) => v !== value));
    input.current?.focus(); // the removed chip's button is gone; keep focus in the field
  };

  return (
    <Field label={label} hint={hint} errors={errors}>
      {(control) => (
        <div>
          {values.length > 0 && (
            <ul className="mb-2 flex flex-wrap gap-1.5" aria-label={t('chipInput.chosen', { field: label })}>
              {values.map((value) => (
                <li
                  key={value}
                  className="inline-flex items-center gap-1 rounded-full bg-ai-50 py-0.5 pr-1 pl-3 text-sm text-ai-800 ring-1 ring-ai-200"
                >
                  <span className="break-all">{value}</span>
                  <button
                    type="button"
                    className="inline-flex size-6 items-center justify-center rounded-full text-ai-700 hover:bg-ai-100 focus-visible:outline-3 focus-visible:outline-ai-300"
                    aria-label={t('chipInput.remove', { value })}
                    onClick={() => remove(value)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="flex gap-2">
            <input
              {...control}
              ref={input}
              name={name}
              className={`${inputClasses} min-w-0 flex-1`}
              value={draft}
              placeholder={placeholder}
              onChange={(e) => onText(e.target.value, (e.nativeEvent as InputEvent).isComposing ?? false)}
              onCompositionEnd={(e) => onText(e.currentTarget.value, false)}
              onKeyDown={onKeyDown}
              enterKeyHint="done"
              autoComplete="off"
            />
            <Button
              variant="secondary"
              className="shrink-0 whitespace-nowrap"
              aria-label={t('chipInput.addTo', { field: label })}
              onClick={() => {
                commit(draft);
                input.current?.focus();
              }}
              disabled={full || draft.trim() === ''}
            >
              {t('chipInput.add')}
            </Button>
          </div>
          {(Number.isFinite(max) || maxLength !== undefined) && (
            // Present before the list fills up, so a screen reader announces the change.
            <p className="mt-1 text-xs text-slate-600" role="status">
              {full ? t('chipInput.full', { max }) : null}
              {tooLong.length > 0
                ? ` ${t('chipInput.tooLong', { max: maxLength, value: tooLong[0] })}`
                : null}
            </p>
          )}
        </div>
      )}
    </Field>
  );
}
