import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './ui/button';
import { inputClasses } from './ui/field';

interface SearchBoxProps {
  initialValue?: string;
  onSearch: (q: string) => void;
  /** Called while typing (debounced by the caller if needed). */
  onType?: (q: string) => void;
  size?: 'md' | 'lg';
  autoFocus?: boolean;
  /** Placeholder and label text, when the box searches something other than members. */
  placeholder?: string;
  label?: string;
}

/** A search: one labelled input ("検索" / "Search") and a submit button (directory, jobs). */
export function SearchBox({
  initialValue = '',
  onSearch,
  onType,
  size = 'md',
  autoFocus,
  placeholder,
  label,
}: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(initialValue);
  // Follow the URL (back button, links) without eating a space the user is typing right now.
  useEffect(() => setValue((v) => (v.trim() === initialValue.trim() ? v : initialValue)), [initialValue]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim());
  };

  return (
    <search className="block w-full">
      <form onSubmit={submit} className="flex w-full gap-2">
        <label htmlFor={id} className="sr-only">
          {label ?? t('search.label')}
        </label>
        <div className="relative min-w-0 flex-1">
          <span className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-slate-400">
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
              <path
                fillRule="evenodd"
                d="M9 3.5a5.5 5.5 0 1 0 3.3 9.9l3.15 3.15a.75.75 0 1 0 1.06-1.06l-3.15-3.15A5.5 5.5 0 0 0 9 3.5ZM5 9a4 4 0 1 1 8 0 4 4 0 0 1-8 0Z"
                clipRule="evenodd"
              />
            </svg>
          </span>
          <input
            id={id}
            type="search"
            name="q"
            enterKeyHint="search"
            autoComplete="off"
            // biome-ignore lint/a11y/noAutofocus: the search page exists to type into this box
            autoFocus={autoFocus}
            placeholder={placeholder ?? t('search.placeholder')}
            value={value}
            maxLength={200}
            onChange={(e) => {
              setValue(e.target.value);
              onType?.(e.target.value);
            }}
            className={`${inputClasses} pl-10 ${size === 'lg' ? 'min-h-12 text-base' : ''}`}
          />
        </div>
        <Button type="submit" className={size === 'lg' ? 'min-h-12' : ''}>
          {t('search.submit')}
        </Button>
      </form>
    </search>
  );
}
