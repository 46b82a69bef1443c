import { describe, expect, it } from 'vitest';
import {
  fadedScore,
  GENERATION_GAP_YEARS,
  type Idf,
  idfOf,
  mmrRerank,
  type ScoringPerson,
  scoreCandidate,
  similarity,
  WEIGHTS,
} from './suggestions.scoring';

const person = (p: Partial<ScoringPerson>): ScoringPerson => ({
  joinedOn: null,
  leftOn: null,
  departments: [],
  industry: null,
  skills: [],
  languages: [],
  location: null,
  country: null,
  ...p,
});
const idf: Idf = {
  total: 1000,
  skills: new Map([
    ['Excel', 500],
    ['Data science', 10],
  ]),
  languages: new Map([
    ['ja', 950],
    ['fr', 20],
  ]),
};
const opts = { mutual: 0, idf, thisYear: 2026 };

describe('people you may know: the ties people already have', () => {
  const me = person({ joinedOn: '2015-04-01', leftOn: '2018-03-31', departments: ['営業'] });

  it('a shared department with overlapping years counts, with the overlap', () => {
    const other = person({ joinedOn: '2012-04-01', leftOn: '2020-03-31', departments: ['営業'] });
    const { know } = scoreCandidate(me, other, opts);
    expect(know?.terms).toEqual([
      {
        kind: 'sameDepartment',
        department: '営業',
        from: 2015,
        to: 2018,
        weight: WEIGHTS.sameDepartment,
        points: WEIGHTS.sameDepartment + 4 * WEIGHTS.sameDepartmentPerYear,
      },
    ]);
  });

  it('the same department in years that never overlapped is no tie', () => {
    const other = person({ joinedOn: '2000-04-01', leftOn: '2005-03-31', departments: ['営業'] });
    expect(scoreCandidate(me, other, opts).know).toBeNull();
  });

  it('same intake, and mutual connections on a log scale', () => {
    const other = person({ joinedOn: '2015-10-01', departments: ['法務'] });
    const { know } = scoreCandidate(me, other, { ...opts, mutual: 3 });
    expect(know?.terms.map((t) => t.kind)).toEqual(['sameIntake', 'mutualConnections']);
    expect(know?.score).toBe(WEIGHTS.sameIntake + WEIGHTS.mutualConnections * 2);
  });
});

describe('diagonal (ナナメ): another generation and department or industry, yet shared interests', () => {
  const me = person({
    joinedOn: '2020-04-01',
    departments: ['IT'],
    industry: 'it',
    skills: ['Excel', 'Data science'],
    languages: ['ja', 'fr'],
    country: 'JP',
    location: 'Tokyo',
  });

  it('every term is stated with its weight and the member’s value; rare skills weigh more', () => {
    const other = person({
      joinedOn: '2005-04-01',
      departments: ['営業'],
      industry: 'healthcare',
      skills: ['Excel', 'Data science'],
      languages: ['ja', 'fr'],
      country: 'JP',
      location: 'Osaka',
    });
    const { diagonal, know } = scoreCandidate(me, other, opts);
    expect(know).toBeNull();
    const kinds = diagonal?.terms.map((t) => t.kind);
    expect(kinds).toEqual([
      'generationGap',
      'otherDepartment',
      'industry',
      'sharedSkills',
      'sharedLanguages',
      'sameLocation',
    ]);
    const gap = diagonal?.terms[0];
    expect(gap).toMatchObject({ kind: 'generationGap', years: 15, direction: 'before', points: 1.5 });
    const skills = diagonal?.terms.find((t) => t.kind === 'sharedSkills');
    // Sorted by weight: the rare skill first.
    expect(skills).toMatchObject({ skills: ['Data science', 'Excel'] });
    expect(skills?.points).toBeCloseTo(idfOf(1000, 10) + idfOf(1000, 500), 2);
    // Japanese, spoken by 95%, is no shared interest; French is.
    expect(diagonal?.terms.find((t) => t.kind === 'sharedLanguages')).toMatchObject({ languages: ['fr'] });
    const sum = diagonal?.terms.reduce((s, t) => s + t.points, 0) ?? 0;
    expect(diagonal?.score).toBeCloseTo(sum, 2);
  });

  it('needs a generation gap of at least N years', () => {
    const near = person({
      joinedOn: `${2020 - GENERATION_GAP_YEARS + 1}-04-01`,
      departments: ['営業'],
      skills: ['Data science'],
    });
    const far = { ...near, joinedOn: `${2020 - GENERATION_GAP_YEARS}-04-01` };
    expect(scoreCandidate(me, near, opts).diagonal).toBeNull();
    expect(scoreCandidate(me, far, opts).diagonal).not.toBeNull();
  });

  it('needs a different department or industry, and something shared', () => {
    const sameEverything = person({
      joinedOn: '2000-04-01',
      departments: ['IT'],
      industry: 'it',
      skills: ['Data science'],
    });
    expect(scoreCandidate(me, sameEverything, opts).diagonal).toBeNull();
    const nothingShared = person({
      joinedOn: '2000-04-01',
      departments: ['営業'],
      skills: ['Golf'],
      country: 'JP',
    });
    expect(scoreCandidate(me, nothingShared, opts).diagonal).toBeNull();
  });
});

describe('fading and diversity', () => {
  it('three showings are free, then each costs 20%', () => {
    expect(fadedScore(10, 0)).toBe(10);
    expect(fadedScore(10, 3)).toBe(10);
    expect(fadedScore(10, 4)).toBeCloseTo(8);
    expect(fadedScore(10, 6)).toBeCloseTo(5.12);
  });

  it('MMR keeps 20 suggestions from being one department, employer and generation', () => {
    const same = { department: '営業', employer: 'acme', generation: 403 };
    const items = [
      ...Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, score: 10 - i * 0.01, facets: same })),
      ...Array.from({ length: 5 }, (_, i) => ({
        id: `d${i}`,
        score: 6,
        facets: { department: `d${i}`, employer: `e${i}`, generation: 390 + i },
      })),
    ];
    const byScore = [...items].sort((a, b) => b.score - a.score).slice(0, 10);
    expect(byScore.every((i) => i.id.startsWith('s'))).toBe(true);
    const reranked = mmrRerank(items, 10);
    expect(reranked[0]?.id).toBe('s0');
    expect(reranked.filter((i) => i.id.startsWith('d')).length).toBe(5);
    expect(similarity(same, same)).toBe(1);
    expect(similarity(same, { department: null, employer: null, generation: null })).toBe(0);
  });
});
