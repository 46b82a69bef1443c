/**
 * Variant kanji (異体字) common in Japanese personal names, folded onto the everyday form so that a
 * search for 高橋 finds 髙橋 and 山崎 finds 山﨑 (decision 028). Used for search keys and for the
 * query alike, never for what is stored or shown: 髙橋 stays 髙橋 on the profile.
 *
 * The list follows the usual 人名 variant tables (旧字体/俗字 → 新字体/通用字体) of name-search
 * systems, kept to characters seen in names; NFKC (applied before this) already folds the CJK
 * compatibility ideographs that have a canonical form, but not 﨑 (U+FA11) and the other eleven
 * "unified" ones in that block, which are listed here.
 */
export const KANJI_VARIANTS: Readonly<Record<string, string>> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  碕: '崎',
  邊: '辺',
  邉: '辺',
  齋: '斎',
  齊: '斎',
  斉: '斎',
  澤: '沢',
  濱: '浜',
  濵: '浜',
  嶋: '島',
  嶌: '島',
  櫻: '桜',
  廣: '広',
  德: '徳',
  龍: '竜',
  國: '国',
  圀: '国',
  關: '関',
  眞: '真',
  實: '実',
  惠: '恵',
  榮: '栄',
  壽: '寿',
  藏: '蔵',
  淺: '浅',
  增: '増',
  條: '条',
  渕: '淵',
  冨: '富',
  槇: '槙',
  萬: '万',
  黑: '黒',
  戶: '戸',
  峯: '峰',
  舘: '館',
  瀨: '瀬',
  來: '来',
  兒: '児',
  檜: '桧',
  遙: '遥',
  凜: '凛',
  禮: '礼',
  傳: '伝',
  縣: '県',
  驛: '駅',
  曾: '曽',
  彌: '弥',
  與: '与',
  﨔: '欅',
  𠮷: '吉',
};

// Ideographic variation selectors (U+E0100–U+E01EF) and standard ones (U+FE00–U+FE0F) only pick a
// glyph: 葛󠄀 and 葛 are the same character for search.
const VARIATION_SELECTORS = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/g;

/** Folds name variant kanji onto their everyday form and drops variation selectors. */
export function foldKanjiVariants(text: string): string {
  let out = '';
  for (const ch of text.replace(VARIATION_SELECTORS, '')) out += KANJI_VARIANTS[ch] ?? ch;
  return out;
}
