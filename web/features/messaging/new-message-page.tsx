import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { MESSAGE_MAX_LENGTH } from '#common/messaging';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Spinner } from '#web/components/ui/spinner';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { NewGroupPage } from './new-group-page';
import { useConversations, useStartConversation } from './use-messaging';

/**
 * /messages/new?to=<member id> — other features link here ("Message" on a profile). When a direct
 * conversation with that member exists it opens; otherwise the first message starts one.
 * /messages/new without `to` starts a group conversation with several connections.
 */
export function NewMessagePage() {
  const [params] = useSearchParams();
  const to = params.get('to') ?? '';
  return to ? <NewDirectMessage to={to} /> : <NewGroupPage />;
}

function NewDirectMessage({ to }: { to: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('messaging.newTitle'));
  const list = useConversations();
  const start = useStartConversation();
  const navigate = useNavigate();
  const [body, setBody] = useState('');
  if (list.isPending) return <Spinner />;
  const existing = list.data?.items.find(
    (c) => c.kind === 'direct' && c.participants.length === 1 && c.participants[0]?.id === to,
  );
  if (existing) return <Navigate to={`/messages/${existing.id}`} replace />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    start.mutate(
      { participantIds: [to], body },
      { onSuccess: (sent) => navigate(`/messages/${sent.conversationId}`, { replace: true }) },
    );
  };
  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-6 sm:py-8">
      <h1 className="text-2xl font-bold text-slate-900">{t('messaging.newTitle')}</h1>
      {start.isError && <ErrorBanner message={start.error.message} />}
      <form onSubmit={submit} className="flex flex-col gap-3">
        <label htmlFor="first-message" className="text-sm font-medium text-slate-800">
          {t('messaging.composer.label')}
        </label>
        <textarea
          id="first-message"
          rows={4}
          maxLength={MESSAGE_MAX_LENGTH}
          value={body}
          placeholder={t('messaging.composer.placeholder')}
          onChange={(e) => setBody(e.target.value)}
          className="rounded-lg border border-slate-300 px-3 py-2 text-sm"
        />
        <div>
          <Button type="submit" disabled={start.isPending || !body.trim() || !to}>
            {start.isPending ? t('messaging.composer.sending') : t('messaging.composer.send')}
          </Button>
        </div>
      </form>
    </div>
  );
}
