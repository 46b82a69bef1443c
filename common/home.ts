import { z } from 'zod';
import { EventCardSchema } from './events';
import { RoleSchema } from './roles';

// ---- contracts of the home page (issue 11, item 6) ---------------------------------------------

/** The "getting started" items, each ticked from real data (never stored). */
export const CHECKLIST_ITEMS = ['profile', 'privacy', 'group', 'post', 'jobAlert'] as const;
export type ChecklistItemKey = (typeof CHECKLIST_ITEMS)[number];

export const ChecklistItemSchema = z.object({
  key: z.enum(CHECKLIST_ITEMS),
  done: z.boolean(),
  /** Where the member does it (an in-app path). */
  link: z.string(),
});

export const MemberHomeSchema = z.object({
  checklist: z.object({
    items: z.array(ChecklistItemSchema),
    doneCount: z.number().int(),
    /** Closed by the member; the page no longer shows it. */
    dismissed: z.boolean(),
  }),
  counts: z.object({
    /** Active groups the member belongs to. */
    groups: z.number().int(),
    /** Posts the member wrote (not deleted). */
    posts: z.number().int(),
    /** Active job alerts. */
    jobAlerts: z.number().int(),
  }),
});
export type MemberHome = z.infer<typeof MemberHomeSchema>;

export const ChecklistUpdateSchema = z.object({ dismissed: z.boolean({ message: 'kz.boolean' }) }).strict();
export type ChecklistUpdate = z.infer<typeof ChecklistUpdateSchema>;

/** HR's figures that need action, each with the page that handles it. */
export const HR_FIGURES = ['joinRequests', 'exitCases', 'reports', 'staleProfiles', 'invitations'] as const;
export type HrFigureKey = (typeof HR_FIGURES)[number];

export const HrFigureSchema = z.object({
  key: z.enum(HR_FIGURES),
  count: z.number().int(),
  /** A second figure where one helps (invitations: bounced or failed among the pending). */
  detail: z.number().int().nullable(),
  link: z.string(),
});

/** One line of the latest activity: what happened, who did it, when. */
export const ActivitySchema = z.object({
  id: z.string(),
  /** `joined`: a member joined; `posted`: a post; `audit`: an entry of the audit trail. */
  kind: z.enum(['joined', 'posted', 'audit']),
  at: z.string(),
  actor: z.object({ id: z.string(), displayName: z.string(), role: RoleSchema }).nullable(),
  /** The audit action (`job.published`) or the post's kind; null for a join. */
  action: z.string().nullable(),
  /** A post's title (as its author wrote it, shown as text). */
  title: z.string().nullable(),
  link: z.string().nullable(),
});
export type Activity = z.infer<typeof ActivitySchema>;

export const HrHomeQuerySchema = z.object({
  activity: z.coerce.number().int().min(1).max(50).default(12),
});
export type HrHomeQuery = z.infer<typeof HrHomeQuerySchema>;

export const HrHomeSchema = z.object({
  figures: z.array(HrFigureSchema),
  /** The freshness period behind "stale profiles", in months. */
  staleAfterMonths: z.number().int(),
  activity: z.array(ActivitySchema),
});
export type HrHome = z.infer<typeof HrHomeSchema>;

// ---- upcoming events for you (issue 13 §6) ------------------------------------------------------

export const HomeEventsQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(10).default(3) })
  .strict();
export type HomeEventsQuery = z.infer<typeof HomeEventsQuerySchema>;

export const HomeEventSchema = EventCardSchema.extend({
  /** Published within the last week. */
  isNew: z.boolean(),
});
export type HomeEvent = z.infer<typeof HomeEventSchema>;

export const HomeEventsSchema = z.object({
  /** The next published events the viewer may see, soonest first. */
  upcoming: z.array(HomeEventSchema),
  /** The viewer's own next event (a seat, an offer, a place in line or a request), if any. */
  myNext: EventCardSchema.nullable(),
});
export type HomeEvents = z.infer<typeof HomeEventsSchema>;
