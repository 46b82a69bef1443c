import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REACTION_EMOJI, REACTION_TYPES, type ReactionState, type ReactionType } from '#common/comments';
import { ErrorBanner } from '#web/components/ui/banners';
import { useToggleReaction } from './use-comments';

/**
 * The reactions under a post: one toggle button per reaction (emoji, label, count), pressed when
 * the viewer reacted. The text label is always shown (at 390 px too): without an emoji font the
 * emoji is a box, and the label is what names the button. The server's answer replaces the local state, so counts stay exact.
 */
export function ReactionsBar({
  postId,
  counts,
  mine,
}: {
  postId: string;
  counts: Record<string, number>;
  mine: string[];
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<ReactionState>({ counts, mine: mine as ReactionType[] });
  useEffect(() => setState({ counts, mine: mine as ReactionType[] }), [counts, mine]);
  const toggle = useToggleReaction(postId);

  return (
    <div>
      <ul aria-label={t('reactions.label')} className="flex flex-wrap gap-2">
        {REACTION_TYPES.map((reaction) => {
          const pressed = state.mine.includes(reaction);
          const count = state.counts[reaction] ?? 0;
          const label = t(`reactions.${reaction}`);
          return (
            <li key={reaction}>
              <button
                type="button"
                aria-pressed={pressed}
                aria-label={t('reactions.toggle', { reaction: label, count })}
                title={label}
                disabled={toggle.isPending}
                onClick={() =>
                  toggle.mutate({ reaction, on: !pressed }, { onSuccess: (next) => setState(next) })
                }
                className={`inline-flex min-h-9 items-center gap-1.5 rounded-full border px-3 text-sm transition-colors focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-ai-500 ${
                  pressed
                    ? 'border-ai-600 bg-ai-50 text-ai-800'
                    : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'
                }`}
              >
                <span aria-hidden="true">{REACTION_EMOJI[reaction]}</span>
                <span data-testid="reaction-label">{label}</span>
                <span className="tabular-nums">{count}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {toggle.isError && (
        <div className="mt-2">
          <ErrorBanner message={toggle.error.message} />
        </div>
      )}
    </div>
  );
}
