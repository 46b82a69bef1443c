import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';

/**
 * A post's body as the server rendered and sanitised it (raw HTML off, an allow-list of tags and
 * attributes, links http/https/mailto with rel="nofollow noopener ugc"): the only place the web
 * inserts HTML. Links inside the app (`/members/…`, `/topics/…`) navigate without a reload.
 */
export function PostBody({ html, className = '' }: { html: string; className?: string }) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    const anchor = (event.target as HTMLElement).closest('a');
    const href = anchor?.getAttribute('href');
    if (href && /^\/(members|topics)\//.test(href)) {
      event.preventDefault();
      navigate(href);
    }
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the links inside are the interactive elements; this only routes their clicks
    <div
      className={`prose-post break-words text-slate-800 [&_a]:text-ai-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:text-xl [&_h1]:font-bold [&_h2]:text-lg [&_h2]:font-bold [&_li]:ml-5 [&_ol]:list-decimal [&_p]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_ul]:list-disc ${className}`}
      onClick={onClick}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised HTML (server/lib/markdown.ts)
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
