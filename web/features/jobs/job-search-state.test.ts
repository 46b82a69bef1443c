import { describe, expect, it } from 'vitest';
import { jobsQuery, parseJobSearch, toJobSearchParams } from './job-search-state';

describe('job search state in the URL', () => {
  it('reads values and ignores malformed ones', () => {
    const state = parseJobSearch(
      new URLSearchParams('q=エンジニア&department=人事部&remote=moon&type=side_job&page=-2'),
    );
    expect(state).toEqual({
      q: 'エンジニア',
      department: '人事部',
      location: '',
      remote: '',
      type: 'side_job',
      page: 1,
    });
  });

  it('round-trips, leaving defaults out of the URL', () => {
    const params = new URLSearchParams('q=pm&location=東京&remote=hybrid&page=3');
    expect(toJobSearchParams(parseJobSearch(params)).toString()).toBe(params.toString());
    expect(toJobSearchParams(parseJobSearch(new URLSearchParams())).toString()).toBe('');
  });

  it('builds the API query: the type filter is employmentType; a value with a comma is not sent', () => {
    const qs = jobsQuery(parseJobSearch(new URLSearchParams('type=contract&department=a,b&page=2')), 20);
    expect(new URLSearchParams(qs.slice(1)).get('employmentType')).toBe('contract');
    expect(new URLSearchParams(qs.slice(1)).has('department')).toBe(false);
    expect(new URLSearchParams(qs.slice(1)).get('page')).toBe('2');
  });
});
