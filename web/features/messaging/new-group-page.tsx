import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MemberRef } from '#common/connections';
import {
  CONVERSATION_MAX_PARTICIPANTS,
  CONVERSATION_TITLE_MAX,
  ConversationCreateSchema,
  MESSAGE_MAX_LENGTH,
} from '#common/messaging';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Field, inputClasses } from '#web/components/ui/field';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { type FieldErrorMap, validateWithSchema } from '#web/lib/zod-form';
import { ConnectionPicker } from './connection-picker';
import { useStartConversation } from './use-messaging';

/** The others a group holds besides its creator (the server's limit). */
const MAX_OTHERS = CONVERSATION_MAX_PARTICIPANTS - 1;
const MIN_OTHERS = 2;

const isParticipantsKey = (key: string) => key === 'participantIds' || key.startsWith('participantIds.');

/** Every message about the participants, whichever item of the list the server named. */
const participantErrors = (fields: FieldErrorMap) =>
  Object.entries(fields)
    .filter(([key]) => isParticipantsKey(key))
    .flatMap(([, messages]) => messages);

/**
 * /messages/new without `to`: a small-group conversation with two or more of one's connections —
 * the people, an optional name, the first message. The new conversation opens once sent.
 */
export function NewGroupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('messaging.group.title'));
  const start = useStartConversation();
  const navigate = useNavigate();
  const [people, setPeople] = useState<MemberRef[]>([]);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const input = { participantIds: people.map((p) => p.id), title, body };
    const checked = validateWithSchema(ConversationCreateSchema, input);
    const found: FieldErrorMap = checked.ok ? {} : { ...checked.fields };
    if (people.length < MIN_OTHERS) found.participantIds = [t('messaging.group.atLeastTwo')];
    setErrors(found);
    if (!checked.ok || Object.keys(found).length > 0) return;
    start.mutate(
      { participantIds: checked.data.participantIds, title: checked.data.title, body: checked.data.body },
      {
        onSuccess: (sent) => navigate(`/messages/${sent.conversationId}`, { replace: true }),
        onError: (error) => {
          if (!isApiError(error)) setFailure(t('errors.generic'));
          // Someone picked is no longer reachable (blocked, or gone): say so by the people.
          else if (error.status === 404) setErrors({ participantIds: [t('messaging.group.unreachable')] });
          else if (Object.keys(error.fields).length > 0) setErrors(error.fields);
          else setFailure(error.message);
        },
      },
    );
  };

  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-6 sm:py-8">
      <div>
        <Link to="/messages" className="text-sm text-ai-700 hover:underline">
          ← {t('messaging.back')}
        </Link>
        <h1 className="text-2xl font-bold text-slate-900">{t('messaging.group.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('messaging.group.lead')}</p>
      </div>
      {failure && <ErrorBanner message={failure} />}
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <ConnectionPicker
          label={t('messaging.group.people')}
          value={people}
          onChange={(next) => {
            setPeople(next);
            setErrors((prev) =>
              Object.fromEntries(Object.entries(prev).filter(([key]) => !isParticipantsKey(key))),
            );
          }}
          max={MAX_OTHERS}
          hint={t('messaging.group.peopleHint', { max: MAX_OTHERS })}
          errors={participantErrors(errors)}
        />
        <Field label={t('messaging.group.name')} errors={errors.title}>
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={CONVERSATION_TITLE_MAX}
              value={title}
              placeholder={t('messaging.group.namePlaceholder')}
              onChange={(e) => setTitle(e.target.value)}
              className={inputClasses}
            />
          )}
        </Field>
        <Field label={t('messaging.group.firstMessage')} errors={errors.body} isRequired>
          {(control) => (
            <textarea
              {...control}
              rows={4}
              required
              maxLength={MESSAGE_MAX_LENGTH}
              value={body}
              placeholder={t('messaging.composer.placeholder')}
              onChange={(e) => setBody(e.target.value)}
              className={inputClasses}
            />
          )}
        </Field>
        <div>
          <Button type="submit" isBusy={start.isPending}>
            {start.isPending ? t('messaging.group.starting') : t('messaging.group.start')}
          </Button>
        </div>
      </form>
    </div>
  );
}
