import { toRomaji } from 'wanakana';

export interface PersonNames {
  familyName: string;
  givenName: string;
  familyNameKana?: string | null;
  givenNameKana?: string | null;
  familyNameRomaji?: string | null;
  givenNameRomaji?: string | null;
}

const isLatin = (s: string) => /^[\p{Script=Latin}\s'.-]+$/u.test(s);

/** 田中 太郎 (family first) for Japanese-script names; "Emma Wilson" (given first) for Latin ones. */
export function displayName(n: PersonNames): string {
  return isLatin(n.familyName) ? `${n.givenName} ${n.familyName}` : `${n.familyName} ${n.givenName}`;
}

const capitalise = (s: string) =>
  s.replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());

/** Word-processor romaji of a kana reading, long vowels spelt out: さとう → satou. */
export const kanaToRomaji = (kana: string) => toRomaji(kana.trim()).toLowerCase();

/** Passport (Hepburn) style, as names are written in Latin letters: satou → sato, oono → ono. */
export const passportRomaji = (romaji: string) => romaji.replace(/ou|oo/g, 'o').replace(/uu/g, 'u');

/** Romaji from the kana reading (さとう → Sato) when not given; Latin names are their own romaji. */
export function deriveRomaji(
  name: string,
  kana: string | null | undefined,
  romaji: string | null | undefined,
) {
  if (romaji?.trim()) return romaji.trim();
  if (isLatin(name)) return name;
  if (kana?.trim()) return capitalise(passportRomaji(kanaToRomaji(kana)));
  return null;
}
