import { z } from 'zod';

// ---- contracts of /careers/paths (issue 11, item 7) --------------------------------------------

/** A bucket is shown only when at least this many people are in it (k-anonymity). */
export const CAREER_PATHS_MIN_COUNT = 3;

export const CareerPathsQuerySchema = z.object({
  /** A department as profiles spell it; empty = the viewer's own (first) department. */
  department: z.string().trim().max(80).optional(),
  /** A word of the role or title the alumni had when they left (last title). */
  q: z.string().trim().max(80).optional(),
});
export type CareerPathsQuery = z.infer<typeof CareerPathsQuerySchema>;

/** `value` null is "other": the smaller buckets merged, never shown one by one. */
export const PathBucketSchema = z.object({ value: z.string().nullable(), count: z.number().int() });
export type PathBucket = z.infer<typeof PathBucketSchema>;

/** An alumnus who consented to the directory, with what the viewer may see of them. */
export const ReachablePersonSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  currentTitle: z.string().nullable(),
  currentEmployer: z.string().nullable(),
  industry: z.string().nullable(),
});
export type ReachablePerson = z.infer<typeof ReachablePersonSchema>;

export const CareerStorySchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  /** Sanitised on the server at write time. */
  bodyHtml: z.string(),
  createdAt: z.string(),
  author: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});
export type CareerStory = z.infer<typeof CareerStorySchema>;

export const CareerPathsSchema = z.object({
  department: z.string().nullable(),
  q: z.string().nullable(),
  /** Alumni of the department (and title) counted; 0 when fewer than the minimum. */
  total: z.number().int(),
  minCount: z.number().int(),
  roles: z.array(PathBucketSchema),
  industries: z.array(PathBucketSchema),
  employers: z.array(PathBucketSchema),
  people: z.array(ReachablePersonSchema),
  stories: z.array(CareerStorySchema),
});
export type CareerPaths = z.infer<typeof CareerPathsSchema>;

export const CareerDepartmentsSchema = z.object({
  /** The viewer's own departments (the default choice), whether or not they qualify. */
  mine: z.array(z.string()),
  items: z.array(z.object({ department: z.string(), count: z.number().int() })),
});
export type CareerDepartments = z.infer<typeof CareerDepartmentsSchema>;
