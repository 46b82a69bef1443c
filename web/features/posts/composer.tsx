import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPANY_POST_KINDS,
  isCompanyKind,
  MEMBER_POST_KINDS,
  type Post,
  type PostAudiencePreset,
  type PostKind,
  type PostMedia,
} from '#common/posts';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Checkbox } from '#web/components/ui/checkbox';
import { FieldErrors } from '#web/components/ui/field-errors';
import { Select } from '#web/components/ui/select';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { PostBody } from './post-body';
import { previewPost, uploadPostMedia, useComposerInfo, useCreatePost, useMentionable } from './use-posts';

/**
 * Writing a post: kind, title, Markdown with a server-rendered preview, audience, files, a member
 * picker for mentions (only members the audience can see), and the share kit for company posts.
 * With `groupId` the post goes to that group.
 */
export function Composer({ groupId, onPosted }: { groupId?: string; onPosted?: (post: Post) => void }) {
  const { t } = useTranslation();
  const info = useComposerInfo();
  const create = useCreatePost();
  const canCompany = info.data?.canPostCompany ?? false;
  const [kind, setKind] = useState<PostKind>('insight');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [preset, setPreset] = useState<PostAudiencePreset>(groupId ? 'group' : 'everyone');
  const [media, setMedia] = useState<PostMedia[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadErrors, setUploadErrors] = useState<string[]>([]);
  const [shareTextJa, setShareTextJa] = useState('');
  const [shareTextEn, setShareTextEn] = useState('');
  const [shareUrl, setShareUrl] = useState('');
  const [onCareerPaths, setOnCareerPaths] = useState(false);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [previewHtml, setPreviewHtml] = useState('');
  const [mentionQ, setMentionQ] = useState('');
  const [done, setDone] = useState(false);
  const caret = useRef<number | null>(null);
  const company = isCompanyKind(kind);
  const mentionable = useMentionable(mentionQ, preset, groupId, mentionQ.trim().length > 0);
  const fields = isApiError(create.error) ? create.error.fields : {};

  const kinds = [...(canCompany ? COMPANY_POST_KINDS : []), ...MEMBER_POST_KINDS];
  const presets: PostAudiencePreset[] = groupId
    ? ['group']
    : company
      ? ['everyone', 'alumni', 'employees']
      : ['everyone'];

  const changeKind = (next: PostKind) => {
    setKind(next);
    if (!groupId && !isCompanyKind(next)) setPreset('everyone');
  };

  const insertMention = (member: { id: string; displayName: string }) => {
    const token = `@[${member.displayName}](member:${member.id}) `;
    const at = Math.min(caret.current ?? body.length, body.length);
    setBody(body.slice(0, at) + token + body.slice(at));
    setMentionQ('');
  };

  const onFiles = async (files: FileList | null) => {
    if (!files) return;
    setUploading(true);
    setUploadErrors([]);
    for (const file of Array.from(files)) {
      try {
        const uploaded = await uploadPostMedia(file);
        setMedia((m) => [...m, uploaded]);
      } catch (error) {
        const message = isApiError(error) ? (error.fields.file?.[0] ?? error.message) : String(error);
        setUploadErrors((e) => [...e, `${file.name}: ${message}`]);
      }
    }
    setUploading(false);
  };

  const showPreview = async () => {
    setTab('preview');
    setPreviewHtml(body.trim() ? (await previewPost(body)).bodyHtml : '');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    create.mutate(
      {
        kind,
        title: title || null,
        bodyMarkdown: body,
        audience: { preset, groupId: preset === 'group' ? groupId : null },
        mediaIds: media.map((m) => m.id),
        ...(company ? { shareTextJa, shareTextEn, shareUrl } : {}),
        onCareerPaths: kind === 'career_story' && onCareerPaths,
      },
      {
        onSuccess: (post) => {
          setTitle('');
          setBody('');
          setMedia([]);
          setShareTextJa('');
          setShareTextEn('');
          setShareUrl('');
          setOnCareerPaths(false);
          setTab('write');
          setDone(true);
          onPosted?.(post);
        },
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5"
      aria-label={t('posts.composer.title')}
      data-testid="composer"
    >
      <h2 className="text-lg font-semibold text-slate-900">{t('posts.composer.title')}</h2>
      {create.isError && !Object.keys(fields).length && <ErrorBanner message={create.error.message} />}
      {done && <SuccessBanner>{t('posts.composer.posted')}</SuccessBanner>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label={t('posts.composer.kind')}
          name="kind"
          value={kind}
          onChange={(e) => changeKind(e.target.value as PostKind)}
          options={kinds.map((k) => ({ value: k, label: t(`posts.kinds.${k}`) }))}
          errors={fields.kind}
        />
        {!groupId && (
          <Select
            label={t('posts.composer.audience')}
            name="audience"
            value={preset}
            onChange={(e) => setPreset(e.target.value as PostAudiencePreset)}
            options={presets.map((p) => ({ value: p, label: t(`posts.audience.${p}`, { name: '' }) }))}
            errors={fields['audience.preset'] ?? fields['audience.groupId']}
          />
        )}
      </div>
      <TextField
        label={t('posts.composer.postTitle')}
        name="title"
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
        errors={fields.title}
      />
      <div>
        <div className="mb-1 flex gap-2" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'write'}
            className={`rounded px-2 py-1 text-sm ${tab === 'write' ? 'bg-slate-200 font-medium' : 'text-slate-600'}`}
            onClick={() => setTab('write')}
          >
            {t('posts.composer.write')}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'preview'}
            className={`rounded px-2 py-1 text-sm ${tab === 'preview' ? 'bg-slate-200 font-medium' : 'text-slate-600'}`}
            onClick={() => void showPreview()}
          >
            {t('posts.composer.preview')}
          </button>
        </div>
        {tab === 'write' ? (
          <TextArea
            label={t('posts.composer.body')}
            hint={t('posts.composer.bodyHint')}
            name="bodyMarkdown"
            value={body}
            rows={6}
            onChange={(e) => {
              setBody(e.target.value);
              caret.current = e.target.selectionStart;
            }}
            onSelect={(e) => {
              caret.current = e.currentTarget.selectionStart;
            }}
            errors={fields.bodyMarkdown}
          />
        ) : (
          <div
            className="min-h-28 rounded-lg border border-slate-200 bg-slate-50 p-3"
            data-testid="composer-preview"
          >
            {previewHtml ? (
              <PostBody html={previewHtml} />
            ) : (
              <p className="text-sm text-slate-500">{t('posts.composer.previewEmpty')}</p>
            )}
          </div>
        )}
      </div>
      <div>
        <TextField
          label={t('posts.composer.mention')}
          name="mention"
          value={mentionQ}
          placeholder={t('posts.composer.mentionPlaceholder')}
          autoComplete="off"
          onChange={(e) => setMentionQ(e.target.value)}
        />
        {mentionQ.trim() && mentionable.data && (
          <ul
            className="mt-1 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
            data-testid="mention-results"
          >
            {mentionable.data.items.length === 0 && (
              <li className="px-3 py-2 text-sm text-slate-500">{t('posts.composer.mentionNone')}</li>
            )}
            {mentionable.data.items.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className="w-full px-3 py-2 text-left text-sm hover:bg-slate-50"
                  onClick={() => insertMention(m)}
                >
                  @{m.displayName}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <label className="block text-sm font-medium text-slate-800" htmlFor="post-files">
          {t('posts.composer.files')}
        </label>
        <p className="text-xs text-slate-500">{t('posts.composer.filesHint')}</p>
        <input
          id="post-files"
          type="file"
          multiple
          accept="image/png,image/jpeg,image/webp,application/pdf"
          className="mt-1 block w-full text-sm"
          onChange={(e) => {
            void onFiles(e.target.files);
            e.target.value = '';
          }}
        />
        {uploading && <p className="text-sm text-slate-600">{t('posts.composer.uploading')}</p>}
        <FieldErrors id="post-files-errors" errors={[...uploadErrors, ...(fields.mediaIds ?? [])]} />
        {media.length > 0 && (
          <ul className="mt-2 flex flex-wrap gap-2">
            {media.map((m) => (
              <li
                key={m.id}
                className="flex items-center gap-2 rounded-lg border border-slate-200 px-2 py-1 text-sm"
              >
                {m.kind === 'image' ? (
                  <img src={m.url} alt="" className="size-10 rounded object-cover" />
                ) : (
                  '📎'
                )}
                <span className="max-w-40 truncate">{m.fileName}</span>
                <button
                  type="button"
                  className="text-red-700"
                  aria-label={t('posts.composer.remove', { name: m.fileName })}
                  onClick={() => setMedia((all) => all.filter((x) => x.id !== m.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {company && (
        <fieldset className="space-y-3 rounded-xl border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">{t('posts.share.title')}</legend>
          <p className="text-xs text-slate-500">{t('posts.share.hint')}</p>
          <TextArea
            label={t('posts.share.ja')}
            name="shareTextJa"
            value={shareTextJa}
            rows={2}
            onChange={(e) => setShareTextJa(e.target.value)}
            errors={fields.shareTextJa}
          />
          <TextArea
            label={t('posts.share.en')}
            name="shareTextEn"
            value={shareTextEn}
            rows={2}
            onChange={(e) => setShareTextEn(e.target.value)}
            errors={fields.shareTextEn}
          />
          <TextField
            label={t('posts.share.url')}
            name="shareUrl"
            type="url"
            value={shareUrl}
            onChange={(e) => setShareUrl(e.target.value)}
            errors={fields.shareUrl}
          />
        </fieldset>
      )}
      {kind === 'career_story' && (
        <Checkbox
          label={t('posts.composer.careerPaths')}
          name="onCareerPaths"
          checked={onCareerPaths}
          onChange={(e) => setOnCareerPaths(e.target.checked)}
          errors={fields.onCareerPaths}
        />
      )}
      <div className="flex justify-end">
        <Button type="submit" disabled={create.isPending || uploading}>
          {create.isPending ? t('posts.composer.posting') : t('posts.composer.submit')}
        </Button>
      </div>
    </form>
  );
}
