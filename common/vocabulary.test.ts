import { describe, expect, it } from 'vitest';
import {
  canonicalTerm,
  canonicalTerms,
  findTerm,
  suggestTerms,
  termLabel,
  termSpellings,
} from './vocabulary';

describe('vocabulary matching', () => {
  it('営業 = Sales = ｓａｌｅｓ = セールス: one skill, stored as its key', () => {
    for (const input of ['営業', 'Sales', 'ｓａｌｅｓ', ' SALES ', 'セールス', 'せーるす'])
      expect(canonicalTerm('skill', input)).toBe('Sales');
  });

  it('folds width, case, kana and spacing; aliases count', () => {
    expect(canonicalTerm('skill', 'ﾃﾞｰﾀ分析')).toBe('Data Analysis');
    expect(canonicalTerm('skill', 'data analysis')).toBe('Data Analysis');
    expect(canonicalTerm('skill', 'dataanalysis')).toBe('Data Analysis');
    expect(canonicalTerm('skill', 'k8s')).toBe('Kubernetes');
    expect(canonicalTerm('skill', 'node')).toBe('Node.js');
  });

  it('unknown skills stay free text, as typed (trimmed)', () => {
    expect(canonicalTerm('skill', '  茶道 ')).toBe('茶道');
    expect(findTerm('skill', '茶道')).toBeUndefined();
  });

  it('canonicalTerms keeps each term once', () => {
    expect(canonicalTerms('skill', ['営業', 'Sales', 'Python', 'パイソン', '茶道', '茶道'])).toEqual([
      'Sales',
      'Python',
      '茶道',
    ]);
  });

  it('labels in the viewer language; spellings in both for search', () => {
    expect(termLabel('skill', 'Sales', 'ja')).toBe('営業');
    expect(termLabel('skill', 'Sales', 'en')).toBe('Sales');
    expect(termLabel('skill', '茶道', 'en')).toBe('茶道');
    expect(termLabel('department', 'Sales', 'ja')).toBe('営業部');
    expect(termLabel('industry', 'healthcare', 'ja')).toBe('医療・ヘルスケア');
    expect(termSpellings('skill', 'Sales')).toEqual(expect.arrayContaining(['営業', 'Sales']));
  });

  it('suggests terms by prefix in either language', () => {
    expect(suggestTerms('skill', 'デー').map((t) => t.key)).toContain('Data Analysis');
    expect(suggestTerms('skill', 'mach').map((t) => t.key)).toEqual(['Machine Learning']);
    expect(suggestTerms('skill', '')).toEqual([]);
  });
});
