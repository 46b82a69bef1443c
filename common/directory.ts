import { z } from 'zod';
import {
  AVAILABILITY_FLAGS,
  COUNTRY_CODE,
  DIRECTORY_FACETS,
  DIRECTORY_MAX_PAGE_SIZE,
  DIRECTORY_SORTS,
  INDUSTRIES,
} from './reference';
import { RoleSchema } from './roles';

export { DIRECTORY_FACETS, DIRECTORY_MAX_PAGE_SIZE, DIRECTORY_SORTS };

/** `a,b,c` in a query string → ['a','b','c']; empty → undefined. */
const csv = <T extends z.ZodType>(item: T, max = 20) =>
  z.preprocess((v) => {
    const raw = Array.isArray(v) ? v.join(',') : v;
    if (typeof raw !== 'string' || raw.trim() === '') return undefined;
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }, z.array(item).max(max).optional());

export const DirectoryQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    role: csv(RoleSchema),
    department: csv(z.string().min(1).max(80)),
    industry: csv(z.enum(INDUSTRIES)),
    country: csv(z.string().regex(COUNTRY_CODE, { message: 'kz.country' })),
    skill: csv(z.string().min(1).max(50)),
    availability: csv(z.enum(AVAILABILITY_FLAGS)),
    tenureMin: z.coerce.number().int().min(0).max(60).optional(),
    tenureMax: z.coerce.number().int().min(0).max(60).optional(),
    sort: z.enum(DIRECTORY_SORTS).default('relevance'),
    /**
     * `directory`: members who consented to be listed (everyone's directory). `all`: every member,
     * for HR's member admin only (decision 010); anyone else gets a 404.
     */
    scope: z.enum(['directory', 'all']).default('directory'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(DIRECTORY_MAX_PAGE_SIZE).default(20),
  })
  .superRefine((v, ctx) => {
    if (v.tenureMin !== undefined && v.tenureMax !== undefined && v.tenureMax < v.tenureMin) {
      ctx.addIssue({ code: 'custom', path: ['tenureMax'], message: 'kz.rangeOrder' });
    }
  });
export type DirectoryQuery = z.infer<typeof DirectoryQuerySchema>;

/** A member's photo in a list (128 px), or null: the initial is shown instead (decision 041). */
export const ListPhotoSchema = z.object({ small: z.string() }).nullable();
export type ListPhoto = z.infer<typeof ListPhotoSchema>;

export const MemberCardSchema = z.object({
  id: z.string(),
  role: RoleSchema,
  displayName: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string().nullable(),
  givenNameKana: z.string().nullable(),
  familyNameRomaji: z.string().nullable(),
  givenNameRomaji: z.string().nullable(),
  departments: z.array(z.string()).optional(),
  lastTitle: z.string().nullable().optional(),
  currentEmployer: z.string().nullable().optional(),
  currentTitle: z.string().nullable().optional(),
  industry: z.enum(INDUSTRIES).nullable().optional(),
  country: z.string().nullable().optional(),
  skills: z.array(z.string()).optional(),
  openToReturn: z.boolean().optional(),
  sideWork: z.boolean().optional(),
  mentoring: z.boolean().optional(),
  speaking: z.boolean().optional(),
  photo: ListPhotoSchema,
});
export type MemberCard = z.infer<typeof MemberCardSchema>;

const FacetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const DirectoryResultSchema = z.object({
  items: z.array(MemberCardSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Whether another page follows. The exact count comes with the facets (decision 005). */
  hasMore: z.boolean(),
});
export type DirectoryResult = z.infer<typeof DirectoryResultSchema>;

/** Counts per value over the same matches, each counting only values the viewer may see. */
export const DirectoryFacetsSchema = z.object({
  /** Every match, counted exactly. */
  total: z.number().int(),
  role: FacetSchema,
  department: FacetSchema,
  industry: FacetSchema,
  country: FacetSchema,
  skill: FacetSchema,
  availability: FacetSchema,
});
export type DirectoryFacets = z.infer<typeof DirectoryFacetsSchema>;
