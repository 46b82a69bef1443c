import { describe, expect, it } from 'vitest';
import { cjkGrams, normalizeForSearch, queryGrams, tokenizeQuery } from './search-text';

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
