import { describe, expect, it } from 'vitest';
import { facetsQuery, parseDirectoryState, resultsQuery, toSearchParams } from './search-state';

describe('directory search state in the URL', () => {
  it('reads multi-values, numbers and defaults', () => {
    const state = parseDirectoryState(
      new URLSearchParams('q=田中&role=alumni,employee&tenureMin=3&sort=name&page=2&country=JP'),
    );
    expect(state.q).toBe('田中');
    expect(state.filters.role).toEqual(['alumni', 'employee']);
    expect(state.filters.country).toEqual(['JP']);
    expect(state.filters.skill).toEqual([]);
    expect(state.tenureMin).toBe('3');
    expect(state.tenureMax).toBe('');
    expect(state.sort).toBe('name');
    expect(state.page).toBe(2);
  });

  it('ignores malformed values instead of sending them', () => {
    const state = parseDirectoryState(new URLSearchParams('page=-4&sort=random&tenureMin=abc'));
    expect(state.page).toBe(1);
    expect(state.sort).toBe('relevance');
    expect(state.tenureMin).toBe('');
  });

  it('round-trips, leaving defaults out of the URL', () => {
    const params = new URLSearchParams('q=tanaka&availability=mentoring&skill=Go,Rust');
    expect(toSearchParams(parseDirectoryState(params)).toString()).toBe(params.toString());
    expect(toSearchParams(parseDirectoryState(new URLSearchParams())).toString()).toBe('');
  });

  it('asks the API for a page of results, and for facets without paging', () => {
    const state = parseDirectoryState(new URLSearchParams('q=x&role=alumni&page=3'));
    expect(resultsQuery(state, 20)).toBe('?q=x&role=alumni&sort=relevance&page=3&pageSize=20');
    expect(facetsQuery(state)).toBe('?q=x&role=alumni');
  });
});
