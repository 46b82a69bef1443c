import { describe, expect, it } from 'vitest';
import { addTerms, commitDraft, listErrors, splitTerms, tooLongTerms, withDraft } from './chip-input';

describe('chip input terms', () => {
  it('splits typed text on commas of either width, the Japanese comma and new lines', () => {
    expect(splitTerms('TypeScript, Go，営業、 カスタマーサクセス\nSQL')).toEqual([
      'TypeScript',
      'Go',
      '営業',
      'カスタマーサクセス',
      'SQL',
    ]);
    expect(splitTerms(' , 、，\n ')).toEqual([]);
    expect(splitTerms('  Product Management  ')).toEqual(['Product Management']);
  });

  it('adds terms in order, skipping repeats that differ only in case or width', () => {
    expect(addTerms(['TypeScript'], ['typescript', 'ＳＱＬ', 'sql', 'Go'])).toEqual([
      'TypeScript',
      'ＳＱＬ',
      'Go',
    ]);
    expect(addTerms([], ['東京', '東京'])).toEqual(['東京']);
  });

  it('stops at the maximum and leaves the list it was given alone', () => {
    const list = ['a', 'b'];
    expect(addTerms(list, ['c', 'd', 'e'], 3)).toEqual(['a', 'b', 'c']);
    expect(addTerms(list, ['c'], 2)).toEqual(['a', 'b']);
    expect(list).toEqual(['a', 'b']);
  });

  it('commits the typed text, keeping what does not fit in the box', () => {
    expect(commitDraft(['Go'], 'Rust, go、SQL')).toEqual({ values: ['Go', 'Rust', 'SQL'], draft: '' });
    expect(commitDraft(['a', 'b'], 'c, d, e', 3)).toEqual({ values: ['a', 'b', 'c'], draft: 'd, e' });
    // A repeat is not "left over": it is already a chip.
    expect(commitDraft(['a', 'b', 'c'], 'A, d', 3)).toEqual({ values: ['a', 'b', 'c'], draft: 'd' });
    expect(commitDraft(['a'], '  ')).toEqual({ values: ['a'], draft: '' });
  });

  it('checks the length per entry: a long entry stays in the box, the short ones become chips', () => {
    const long = 'x'.repeat(11);
    expect(commitDraft([], `営業、${long}、企画`, 10, 10)).toEqual({ values: ['営業', '企画'], draft: long });
    expect(tooLongTerms(`営業、${long}`, 10)).toEqual([long]);
    expect(tooLongTerms('営業、企画', 10)).toEqual([]);
    // A pasted list longer than one entry may be is fine as long as each entry fits.
    const many = Array.from({ length: 12 }, (_, i) => `term${i}`).join(', ');
    expect(many.length).toBeGreaterThan(10);
    expect(commitDraft([], many, 100, 10).values).toHaveLength(12);
  });

  it('sends what is still typed with the chips, never capped, so nothing is dropped on save', () => {
    expect(withDraft(['営業'], '企画、マーケティング')).toEqual(['営業', '企画', 'マーケティング']);
    expect(withDraft(['営業'], '')).toEqual(['営業']);
    const eleven = Array.from({ length: 11 }, (_, i) => `t${i}`);
    expect(withDraft(eleven.slice(0, 10), 't10')).toEqual(eleven);
  });
});

describe('list errors', () => {
  const item = (value: string, message: string) => `「${value}」: ${message}`;

  it('shows the list’s own messages first, then each entry’s with the entry it is about', () => {
    const fields = {
      'keywords.1': ['Too long.'],
      keywords: ['At most 10.'],
      locations: ['Required.'],
      'keywords.7': ['Unknown entry.'],
    };
    expect(listErrors(fields, 'keywords', ['Go', 'x'.repeat(60)], item)).toEqual([
      'At most 10.',
      `「${'x'.repeat(60)}」: Too long.`,
      'Unknown entry.',
    ]);
  });

  it('does not take the messages of a field whose name only starts the same', () => {
    const fields = { keywordsExtra: ['No.'], 'keywordsExtra.0': ['No.'] };
    expect(listErrors(fields, 'keywords', ['Go'], item)).toEqual([]);
  });
});
