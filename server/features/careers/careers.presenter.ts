import type { CareerDepartments, CareerPaths, PathBucket } from '#common/careers';
import { CAREER_PATHS_MIN_COUNT } from '#common/careers';
import type { CareerPathsData } from './careers.service';

const presentBuckets = (buckets: PathBucket[]) => buckets.map((b) => ({ value: b.value, count: b.count }));

export function presentCareerPaths(data: CareerPathsData): CareerPaths {
  return {
    department: data.department,
    q: data.q,
    total: data.total,
    minCount: CAREER_PATHS_MIN_COUNT,
    roles: presentBuckets(data.roles),
    industries: presentBuckets(data.industries),
    employers: presentBuckets(data.employers),
    people: data.people.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      currentTitle: p.currentTitle,
      currentEmployer: p.currentEmployer,
      industry: p.industry,
    })),
    stories: data.stories.map((s) => ({
      id: s.id,
      title: s.title,
      bodyHtml: s.bodyHtml,
      createdAt: s.createdAt.toISOString(),
      author: s.authorListed ? { id: s.authorId, displayName: s.authorName } : null,
    })),
  };
}

export function presentCareerDepartments(data: {
  mine: string[];
  items: { department: string; count: number }[];
}): CareerDepartments {
  return {
    mine: [...data.mine],
    items: data.items.map((i) => ({ department: i.department, count: i.count })),
  };
}
