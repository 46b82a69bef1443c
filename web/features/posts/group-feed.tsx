import { useTranslation } from 'react-i18next';
import { Composer } from './composer';
import { PostList } from './feed';

/**
 * The posts of a group, on the group's page (its pins on top), with a composer for its members
 * (`canPost`; the server checks membership anyway).
 */
export function GroupFeed({ groupId, canPost = true }: { groupId: string; canPost?: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('posts.feedTitle')} className="space-y-4">
      {canPost && <Composer groupId={groupId} />}
      <PostList path="/posts" params={{ groupId }} />
    </section>
  );
}
