import { z } from 'zod';
import { FieldVisibilitySchema } from './access';
import { normalizeEmployeeNumber } from './employee-number';
import {
  COUNTRY_CODE,
  HR_RECORD_FIELDS,
  INDUSTRIES,
  LANGUAGE_CODE,
  NAME_FIELDS,
  PROFILE_FIELDS,
} from './reference';
import { RoleSchema } from './roles';

export { HR_RECORD_FIELDS, NAME_FIELDS, PROFILE_FIELDS };

export const ProfileFieldSchema = z.enum(PROFILE_FIELDS);
export type ProfileField = z.infer<typeof ProfileFieldSchema>;

export const VisibilityMapSchema = z.partialRecord(ProfileFieldSchema, FieldVisibilitySchema);
export type VisibilityMap = z.infer<typeof VisibilityMapSchema>;

// Messages that are translation keys ("kz.*") are translated by the server for the requester.
const kana = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s]*$/u;
const latin = /^[\p{Script=Latin}\s'.-]*$/u;
const isoDate = z.iso.date({ message: 'kz.date' });

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

export const NameInputSchema = z.object({
  familyName: text(60).min(1),
  givenName: text(60).min(1),
  familyNameKana: text(60).regex(kana, { message: 'kz.kana' }).nullable().optional(),
  givenNameKana: text(60).regex(kana, { message: 'kz.kana' }).nullable().optional(),
  familyNameRomaji: text(60).regex(latin, { message: 'kz.romaji' }).nullable().optional(),
  givenNameRomaji: text(60).regex(latin, { message: 'kz.romaji' }).nullable().optional(),
});

const LinkSchema = z.object({
  label: text(60).min(1),
  url: z.url({ protocol: /^https?$/, message: 'kz.url' }).max(500),
});

export const ProfileUpdateSchema = NameInputSchema.partial()
  .extend({
    joinedOn: isoDate.nullable().optional(),
    leftOn: isoDate.nullable().optional(),
    departments: z.array(text(80).min(1)).max(10).optional(),
    lastTitle: optionalText(120),
    office: optionalText(120),
    companyCountry: z.string().regex(COUNTRY_CODE, { message: 'kz.country' }).nullable().optional(),
    currentEmployer: optionalText(160),
    currentTitle: optionalText(120),
    industry: z.enum(INDUSTRIES).nullable().optional(),
    location: optionalText(120),
    country: z.string().regex(COUNTRY_CODE, { message: 'kz.country' }).nullable().optional(),
    languages: z
      .array(z.string().regex(LANGUAGE_CODE, { message: 'kz.language' }))
      .max(10)
      .optional(),
    skills: z.array(text(50).min(1)).max(30).optional(),
    bio: optionalText(2000),
    links: z.array(LinkSchema).max(5).optional(),
    openToReturn: z.boolean().optional(),
    sideWork: z.boolean().optional(),
    mentoring: z.boolean().optional(),
    speaking: z.boolean().optional(),
    /** HR only; ignored keys are rejected, not dropped (see profiles service). */
    employeeNumber: text(40).min(1).transform(normalizeEmployeeNumber).nullable().optional(),
    visibility: VisibilityMapSchema.optional(),
  })
  .strict()
  .refine((v) => !(typeof v.joinedOn === 'string' && typeof v.leftOn === 'string' && v.leftOn < v.joinedOn), {
    path: ['leftOn'],
    message: 'kz.leftBeforeJoined',
    // Report it together with any other field's error, not in a second round.
    when: ({ value }) => {
      if (typeof value !== 'object' || value === null) return false;
      const v = value as { joinedOn?: unknown; leftOn?: unknown };
      return typeof v.joinedOn === 'string' && typeof v.leftOn === 'string';
    },
  });
export type ProfileUpdate = z.infer<typeof ProfileUpdateSchema>;

/** Photo uploads (decision 041): JPEG, PNG or WebP by their bytes, up to this size. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** The sides (px) the server stores: the profile header and lists. */
export const PHOTO_SIDES = { large: 512, small: 128 } as const;

/** A square crop of the upright image, in its pixels; absent, the centred square is used. */
export const PhotoCropSchema = z
  .object({
    x: z.coerce.number().int({ message: 'kz.photoCrop' }).min(0, { message: 'kz.photoCrop' }),
    y: z.coerce.number().int({ message: 'kz.photoCrop' }).min(0, { message: 'kz.photoCrop' }),
    size: z.coerce.number().int({ message: 'kz.photoCrop' }).min(16, { message: 'kz.photoCropSmall' }),
  })
  .partial();
export type PhotoCrop = z.infer<typeof PhotoCropSchema>;

export const PhotoSchema = z.object({ small: z.string(), large: z.string() });

/** A position after leaving the company; `endedOn` null while current. */
export const PositionInputSchema = z
  .object({
    employer: text(160).min(1),
    title: optionalText(120),
    startedOn: isoDate,
    endedOn: isoDate.nullable().optional(),
  })
  .strict()
  .refine((v) => !(v.endedOn && v.endedOn < v.startedOn), {
    path: ['endedOn'],
    message: 'kz.endedBeforeStarted',
  });
export type PositionInput = z.infer<typeof PositionInputSchema>;

export const PositionSchema = z.object({
  id: z.string(),
  employer: z.string(),
  title: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
});
export type Position = z.infer<typeof PositionSchema>;

/** "View as": the member's own profile as another tier sees it. */
export const VIEW_AS_TIERS = ['alumni', 'employee'] as const;
export const ProfileQuerySchema = z.object({ viewAs: z.enum(VIEW_AS_TIERS).optional() });

/** What a viewer receives. Every field the viewer may not see is absent (not null). */
export const ProfileSchema = z.object({
  id: z.string(),
  role: RoleSchema,
  displayName: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string().nullable(),
  givenNameKana: z.string().nullable(),
  familyNameRomaji: z.string().nullable(),
  givenNameRomaji: z.string().nullable(),
  email: z.string().optional(),
  employeeNumber: z.string().nullable().optional(),
  joinedOn: z.string().nullable().optional(),
  leftOn: z.string().nullable().optional(),
  departments: z.array(z.string()).optional(),
  lastTitle: z.string().nullable().optional(),
  office: z.string().nullable().optional(),
  companyCountry: z.string().nullable().optional(),
  currentEmployer: z.string().nullable().optional(),
  currentTitle: z.string().nullable().optional(),
  industry: z.enum(INDUSTRIES).nullable().optional(),
  location: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
  languages: z.array(z.string()).optional(),
  skills: z.array(z.string()).optional(),
  bio: z.string().nullable().optional(),
  links: z.array(LinkSchema).optional(),
  openToReturn: z.boolean().optional(),
  sideWork: z.boolean().optional(),
  mentoring: z.boolean().optional(),
  speaking: z.boolean().optional(),
  /** Only for the member themself and HR: the chosen visibility of each field. */
  visibility: VisibilityMapSchema.optional(),
  /** Only for the member themself and HR: the most open visibility HR allows per field. */
  visibilityLimits: VisibilityMapSchema.optional(),
  /** Only for the member themself and HR: when the profile was last confirmed or edited. */
  confirmedAt: z.string().optional(),
  /** The photo's URLs (both sizes), or null: initials are shown instead. */
  photo: PhotoSchema.nullable(),
  /** Positions after leaving, newest first; shown with `currentEmployer`'s visibility. */
  positions: z.array(PositionSchema).optional(),
  /** Set when the owner asked to see the profile as another tier does. */
  viewingAs: z.enum(VIEW_AS_TIERS).optional(),
  canEdit: z.boolean(),
});
export type Profile = z.infer<typeof ProfileSchema>;
