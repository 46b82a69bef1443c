import { describe, expect, it } from 'vitest';
import { yearsAtCompany } from '#server/features/pipeline/pipeline.presenter';
import { tenureYears } from './dates';

describe('tenureYears: one count of years at the company for the profile and the pipeline', () => {
  it.each([
    // joined, last day, today, years
    ['2010-04-01', '2021-03-31', '2026-12-07', 11], // the last day counts as worked
    ['2010-04-01', '2021-03-30', '2026-12-07', 10], // one day short of the anniversary
    ['2010-04-01', '2021-04-01', '2026-12-07', 11],
    ['2016-02-29', '2017-02-28', '2026-12-07', 1], // leap-day joiner: a full year by 28 February
    ['2016-02-29', '2017-02-27', '2026-12-07', 0],
    ['2016-02-29', '2020-02-28', '2026-12-07', 4], // …also in a leap year (29 Feb 2020 not reached)
    ['2016-02-29', '2020-02-27', '2026-12-07', 3],
    ['2020-01-01', '2020-01-01', '2026-12-07', 0], // a single day
    ['2020-12-31', '2021-12-30', '2026-12-07', 1], // across the year end
  ] as const)('joined %s, left %s → %i', (joined, left, today, years) => {
    expect(tenureYears(joined, left, today)).toBe(years);
  });

  it('while employed, counts up to today: a year more from the anniversary day itself', () => {
    expect(tenureYears('2016-12-07', null, '2026-12-06')).toBe(9);
    expect(tenureYears('2016-12-07', null, '2026-12-07')).toBe(10);
    // A leap-day joiner's anniversary in other years is 1 March (28 February is then worked through).
    expect(tenureYears('2016-02-29', null, '2027-02-28')).toBe(10);
    expect(tenureYears('2016-02-29', null, '2027-03-01')).toBe(11);
    expect(tenureYears('2026-12-07', null, '2026-12-07')).toBe(0);
  });

  it('a last day still to come counts up to today; missing or broken dates give null', () => {
    expect(tenureYears('2016-04-01', '2027-03-31', '2026-12-07')).toBe(10);
    expect(tenureYears(null, '2020-03-31', '2026-12-07')).toBeNull();
    expect(tenureYears('not-a-date', null, '2026-12-07')).toBeNull();
    expect(tenureYears('2030-01-01', null, '2026-12-07')).toBe(0);
  });

  it('the pipeline card counts the same years as the profile', () => {
    for (const [joinedOn, leftOn] of [
      ['2010-04-01', '2021-03-31'],
      ['2010-04-01', '2021-09-30'],
      ['2016-02-29', '2017-02-28'],
      ['2015-04-01', '2019-06-30'],
    ] as const) {
      expect(yearsAtCompany({ joinedOn, leftOn })).toBe(tenureYears(joinedOn, leftOn, '2026-12-07'));
    }
  });
});
