import { renderMarkdown } from './markdown';

/**
 * What members write (posts, comments): Markdown with @mentions and #topics (issue 11).
 *
 * - A mention is `@[Display name](member:<id>)`, inserted by the composer's member picker. It
 *   becomes a link to the profile only when the writer's feature allowed that member (someone
 *   the post's audience can see); otherwise it stays plain text and notifies nobody.
 * - A topic is `#word` after a space or at the start of a line (letters, digits, `_`, any
 *   script); it is stored normalised (NFKC, lower case) and links to `/topics/<topic>`.
 * Code (fenced blocks and `inline spans`) is left as written.
 */
const MENTION = /@\[([^\]\n]{1,100})\]\(member:([A-Za-z0-9_-]{1,64})\)/g;
const TOPIC = /(^|[\s(（、。])#([\p{L}\p{N}_]{1,50})/gu;
const CODE = /(```[\s\S]*?(?:```|$)|`[^`\n]*`)/g;

export const MAX_TOPICS = 10;
export const MAX_MENTIONS = 20;

export const normalizeTopic = (topic: string) => topic.normalize('NFKC').toLowerCase();

/** Splits a source into prose and code, so rewriting never touches code. */
function mapProse(source: string, rewrite: (prose: string) => string): string {
  return source
    .split(CODE)
    .map((part, i) => (i % 2 === 1 ? part : rewrite(part)))
    .join('');
}

/** The members mentioned and the topics tagged (unique, in order of first appearance). */
export function parseMemberText(source: string): { mentionIds: string[]; topics: string[] } {
  const mentionIds = new Set<string>();
  const topics = new Set<string>();
  mapProse(source, (prose) => {
    for (const m of prose.matchAll(MENTION)) mentionIds.add(m[2] as string);
    for (const m of prose.replace(MENTION, ' ').matchAll(TOPIC)) topics.add(normalizeTopic(m[2] as string));
    return prose;
  });
  return { mentionIds: [...mentionIds], topics: [...topics] };
}

const escapeMarkdown = (text: string) => text.replace(/([\\`*_{}[\]()#+\-.!<>|~])/g, '\\$1');

/**
 * Sanitised HTML of a member text. `mentions` maps the ids the writer may mention to the name to
 * show (the current name, not the one typed); any other mention is left as plain `@name`.
 */
export function renderMemberText(source: string, mentions: ReadonlyMap<string, string>): string {
  const prepared = mapProse(source, (prose) =>
    prose
      .replace(MENTION, (_, typed: string, id: string) => {
        const name = mentions.get(id);
        return name ? `[@${escapeMarkdown(name)}](/members/${id})` : `@${escapeMarkdown(typed)}`;
      })
      .replace(
        TOPIC,
        (_, before: string, topic: string) =>
          `${before}[#${escapeMarkdown(topic)}](/topics/${encodeURIComponent(normalizeTopic(topic))})`,
      ),
  );
  return renderMarkdown(prepared);
}
