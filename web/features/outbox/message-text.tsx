import { Fragment } from 'react';

const URL_PATTERN = /(https?:\/\/[^\s<>"'）」]+)/g;

/** A personal link the server masked (see `linksHidden`): shown, but not a link to nowhere. */
const isMasked = (url: string) => url.includes('•');

/** The plain text of an email with its web addresses as links (the invitation link, mostly). */
export function MessageText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <p className="whitespace-pre-wrap break-words text-sm leading-relaxed text-slate-800">
      {parts.map((part, i) =>
        i % 2 === 1 && !isMasked(part) ? (
          <a
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text never reorder
            key={i}
            href={part}
            className="break-all text-ai-700 underline hover:text-ai-900"
            rel="noreferrer"
          >
            {part}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text never reorder
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </p>
  );
}
