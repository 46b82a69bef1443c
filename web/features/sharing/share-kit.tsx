import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SharePost, shareIntents, shareText } from '#common/sharing';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { useLanguage } from '#web/lib/format';
import { useCreateShareLink, useShareKit } from './use-sharing';

/** Copies text; answers whether it worked (the clipboard may be unavailable). */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The share kit of a company post: the ready text in the viewer's language, a copy button, the
 * viewer's personal link (made on request) and "share on" links to X, LinkedIn and Facebook. The
 * link counts clicks, never who clicked.
 */
export function ShareKit({ post }: { post: SharePost }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const kit = useShareKit(post.id);
  const create = useCreateShareLink(post.id);
  const [copied, setCopied] = useState<'text' | 'link' | null>(null);
  const link = kit.data?.link ?? null;
  const text = shareText(post, lang);
  const fullText = link ? `${text} ${link.url}` : text;
  const intents = link ? shareIntents(text, link.url) : null;

  const copyAndSay = async (what: 'text' | 'link', value: string) => {
    if (await copy(value)) setCopied(what);
  };

  return (
    <section
      aria-labelledby={`share-kit-${post.id}`}
      className="space-y-4 rounded-xl border border-ai-100 bg-ai-50/40 p-4"
    >
      <div>
        <h2 id={`share-kit-${post.id}`} className="text-lg font-semibold text-slate-900">
          {t('sharing.title')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('sharing.lead')}</p>
      </div>
      {text && (
        <div>
          <h3 className="text-sm font-medium text-slate-700">{t('sharing.readyText')}</h3>
          <p
            data-testid="share-text"
            className="mt-1 whitespace-pre-wrap rounded-lg bg-white p-3 text-slate-800 shadow-sm"
          >
            {fullText}
          </p>
          <Button
            variant="secondary"
            size="sm"
            className="mt-2"
            onClick={() => void copyAndSay('text', fullText)}
          >
            {t('sharing.copyText')}
          </Button>
        </div>
      )}
      <div>
        <h3 className="text-sm font-medium text-slate-700">{t('sharing.myLink')}</h3>
        {link ? (
          <div className="mt-1 space-y-2">
            <p className="flex flex-wrap items-center gap-2">
              <code
                data-testid="share-link"
                className="break-all rounded bg-white px-2 py-1 text-sm shadow-sm"
              >
                {link.url}
              </code>
              <Button variant="secondary" size="sm" onClick={() => void copyAndSay('link', link.url)}>
                {t('sharing.copyLink')}
              </Button>
            </p>
            <p className="text-sm text-slate-600">{t('sharing.linkClicks', { count: link.clicks })}</p>
          </div>
        ) : (
          <Button size="sm" className="mt-1" isBusy={create.isPending} onClick={() => create.mutate()}>
            {t('sharing.createLink')}
          </Button>
        )}
        {create.isError && <ErrorBanner message={create.error.message} />}
      </div>
      {copied && (
        <p role="status" className="text-sm text-green-700">
          {t('sharing.copied')}
        </p>
      )}
      {intents && (
        <div>
          <h3 className="text-sm font-medium text-slate-700">{t('sharing.shareOn')}</h3>
          <ul className="mt-1 flex flex-wrap gap-2">
            {(['x', 'linkedin', 'facebook'] as const).map((site) => (
              <li key={site}>
                <a
                  href={intents[site]}
                  target="_blank"
                  rel="noopener noreferrer"
                  className={buttonClasses('secondary', 'sm')}
                >
                  {t(`sharing.${site}`)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
