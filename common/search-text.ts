import { foldKanjiVariants } from './kanji-variants';

/**
 * Text normalisation shared by the indexer (server, at insert time) and anything that shows
 * what matched. NFKC folds full-width/half-width forms; katakana is folded to hiragana so that
 * タナカ ≡ たなか; everything is lower-cased. See docs/decisions/005-directory-search.md.
 */
export function normalizeForSearch(input: string): string {
  const nfkc = input.normalize('NFKC').toLowerCase();
  let out = '';
  for (const ch of nfkc) {
    const code = ch.codePointAt(0) ?? 0;
    // Katakana ァ (U+30A1) … ヶ (U+30F6) map onto hiragana ぁ (U+3041) … ゖ (U+3096).
    out += code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

const isAscii = (s: string) => /^\p{ASCII}*$/u.test(s);

/**
 * Index grams for scripts pg_trgm cannot handle well (CJK, kana): every non-ASCII character
 * and every pair of adjacent non-ASCII characters. A two-character query such as 田中 is then
 * one GIN lookup (`grams @> '{田中}'`), a one-character one such as 林 too.
 */
export function cjkGrams(normalized: string): string[] {
  const grams = new Set<string>();
  for (const word of normalized.split(/[\s,、。・/()（）]+/)) {
    const chars = [...word];
    for (let i = 0; i < chars.length; i++) {
      const a = chars[i] as string;
      if (isAscii(a)) continue;
      grams.add(a);
      const b = chars[i + 1];
      if (b !== undefined && !isAscii(b)) grams.add(a + b);
    }
  }
  return [...grams];
}

/** The grams a query token needs: each non-ASCII run's bigrams, or the character when alone. */
export function queryGrams(token: string): string[] {
  const grams = new Set<string>();
  for (const run of token.match(/\P{ASCII}+/gu) ?? []) {
    const chars = [...run];
    if (chars.length === 1) grams.add(run);
    for (let i = 0; i + 1 < chars.length; i++) grams.add((chars[i] as string) + (chars[i + 1] as string));
  }
  return [...grams];
}

export const isAsciiToken = isAscii;

/** Split a query into normalised tokens (at most 8, to bound the SQL). */
export function tokenizeQuery(q: string | undefined): string[] {
  if (!q) return [];
  return normalizeForSearch(q).split(' ').filter(Boolean).slice(0, 8);
}

/**
 * The directory's normalisation: `normalizeForSearch` plus name variant kanji folded (髙 → 高),
 * for its search keys and its query words alike (decision 028).
 */
export const normalizeForDirectory = (input: string) => foldKanjiVariants(normalizeForSearch(input));

/** The directory's query words: `tokenizeQuery` with name variant kanji folded. */
export const tokenizeDirectoryQuery = (q: string | undefined) => tokenizeQuery(q).map(foldKanjiVariants);

/**
 * Marks a full-name key (family and given name written together: たなかようこ, tanakayoko) inside
 * the name column, so an exact full-name query can be told from a word that happens to equal one
 * part of a name. A control character nobody types; pg_trgm and the CJK grams ignore it.
 */
export const FULL_NAME_MARK = '\u001f';

/** The full-name keys an exact query may equal: its words joined, in the order typed and reversed. */
export function fullNameQueries(tokens: string[]): string[] {
  if (tokens.length === 0 || tokens.length > 2) return [];
  return [...new Set([tokens.join(''), [...tokens].reverse().join('')])];
}
