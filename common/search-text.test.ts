import { describe, expect, it } from 'vitest';
import { foldKanjiVariants } from './kanji-variants';
import {
  cjkGrams,
  fullNameQueries,
  normalizeForDirectory,
  normalizeForSearch,
  queryGrams,
  tokenizeDirectoryQuery,
  tokenizeQuery,
} from './search-text';

describe('search text', () => {
  it('folds width, case and katakana to one form', () => {
    expect(normalizeForSearch('ＴＡＮＡＫＡ タナカ ﾀﾅｶ  Tanaka')).toBe('tanaka たなか たなか tanaka');
  });
  it('indexes every CJK character and adjacent pair, not ASCII', () => {
    expect(cjkGrams('田中 太郎 sato').sort()).toEqual(['太', '太郎', '田', '田中', '中', '郎'].sort());
  });
  it('asks for the bigrams of a query token, or the character alone', () => {
    expect(queryGrams('田中')).toEqual(['田中']);
    expect(queryGrams('林')).toEqual(['林']);
    expect(queryGrams('たなか')).toEqual(['たな', 'なか']);
    expect(queryGrams('abc')).toEqual([]);
  });
  it('splits queries on any white space, including the ideographic space', () => {
    expect(tokenizeQuery('田中\u3000太郎  tanaka')).toEqual(['田中', '太郎', 'tanaka']);
  });
});

describe('directory folding (decision 028)', () => {
  it('folds name variant kanji after NFKC, drops variation selectors, keeps everything else', () => {
    expect(foldKanjiVariants('髙橋 山﨑 渡邊 渡邉 齋藤 齊藤 澤田 濱田 嶋 櫻井 廣田 德川 龍 國分')).toBe(
      '高橋 山崎 渡辺 渡辺 斎藤 斎藤 沢田 浜田 島 桜井 広田 徳川 竜 国分',
    );
    expect(foldKanjiVariants('葛\u{E0100}飾 藤田')).toBe('葛飾 藤田');
    expect(tokenizeDirectoryQuery('ＴＡＮＡＫＡ　髙橋')).toEqual(['tanaka', '高橋']);
    expect(normalizeForDirectory('山﨑 タロウ')).toBe('山崎 たろう');
  });

  it('an exact full-name query is its words joined, in the order typed and reversed (one or two words)', () => {
    expect(fullNameQueries(['yoko', 'tanaka'])).toEqual(['yokotanaka', 'tanakayoko']);
    expect(fullNameQueries(['tanakayoko'])).toEqual(['tanakayoko']);
    expect(fullNameQueries(['a', 'b', 'c'])).toEqual([]);
  });
});
