import { z } from 'zod';
import { ConsentAnswersSchema } from './consents';
import { todayIn } from './dates';

/**
 * The offboarding checklist (issue #4, part 4): HR's templates, and the tasks copied from them
 * into each leaver case. Special kinds carry their own answer (see TaskCompleteSchema).
 */

export const TASK_KINDS = [
  'equipment',
  'handover',
  'confidentiality',
  'personal_email',
  'consents',
  'farewell',
  'custom',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const OWNER_ROLES = ['leaver', 'manager', 'hr'] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];

export const TaskKindSchema = z.enum(TASK_KINDS);
export const OwnerRoleSchema = z.enum(OWNER_ROLES);

const title = z.string().trim().min(1).max(200);
/** A year either side of the last day is plenty for any task. */
const offset = z.number().int().min(-365).max(365);

export const TemplateSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: TaskKindSchema,
  titleJa: z.string(),
  titleEn: z.string(),
  ownerRole: OwnerRoleSchema,
  dueOffsetDays: z.number().int(),
  active: z.boolean(),
});
export type Template = z.infer<typeof TemplateSchema>;
export const TemplateListSchema = z.object({ items: z.array(TemplateSchema) });
export type TemplateList = z.infer<typeof TemplateListSchema>;

export const TemplateCreateSchema = z
  .object({
    kind: TaskKindSchema,
    titleJa: title,
    titleEn: title,
    ownerRole: OwnerRoleSchema,
    dueOffsetDays: offset,
    /** Where it goes in the list; at the end when omitted. */
    position: z.number().int().min(0).max(10_000).optional(),
    active: z.boolean().default(true),
  })
  .strict();
export type TemplateCreate = z.input<typeof TemplateCreateSchema>;

export const TemplatePatchSchema = z
  .object({
    kind: TaskKindSchema,
    titleJa: title,
    titleEn: title,
    ownerRole: OwnerRoleSchema,
    dueOffsetDays: offset,
    position: z.number().int().min(0).max(10_000),
    active: z.boolean(),
  })
  .partial()
  .strict();
export type TemplatePatch = z.infer<typeof TemplatePatchSchema>;

export const TaskSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: TaskKindSchema,
  titleJa: z.string(),
  titleEn: z.string(),
  ownerRole: OwnerRoleSchema,
  assignee: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  dueOn: z.string(),
  /** Due before today (in the case's time zone) and not done. */
  isOverdue: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  note: z.string().nullable(),
  /** The signed-in member may complete or reopen it (the assignee, or HR). */
  canComplete: z.boolean(),
});
export type Task = z.infer<typeof TaskSchema>;

/** What the special tasks captured on the case (shown next to the checklist). */
export const ChecklistCaseSchema = z.object({
  id: z.string(),
  lastDay: z.string(),
  timeZone: z.string(),
  /** The leaver's and HR's eyes only (null for the manager). */
  personalEmail: z.string().nullable(),
  /** The leaver's and HR's eyes only (null for the manager). */
  networkDecision: z.enum(['pending', 'joined', 'declined']).nullable(),
  /** The leaver's and HR's eyes only (null for the manager), like the profile flag. */
  openToReturn: z.boolean().nullable(),
  /** Shown to HR, the manager and the leaver. */
  farewellMessage: z.string().nullable(),
});
export type ChecklistCase = z.infer<typeof ChecklistCaseSchema>;

export const TaskListSchema = z.object({
  case: ChecklistCaseSchema,
  /** The day "today" is for this case (its time zone): overdue means due before it. */
  today: z.string(),
  items: z.array(TaskSchema),
});
export type TaskList = z.infer<typeof TaskListSchema>;

export const MyTaskSchema = TaskSchema.extend({
  leaver: z.object({ id: z.string(), displayName: z.string() }),
  lastDay: z.string(),
});
export type MyTask = z.infer<typeof MyTaskSchema>;
export const MyTaskListSchema = z.object({ items: z.array(MyTaskSchema) });
export type MyTaskList = z.infer<typeof MyTaskListSchema>;

/**
 * Completing a task. Which fields are required depends on the task's kind (checked by the
 * service, with per-field messages): confidentiality → acknowledged: true; personal_email →
 * personalEmail; consents → networkDecision (+ consents and openToReturn when joining);
 * farewell → farewellMessage; the others → an optional note.
 */
export const TaskCompleteSchema = z
  .object({
    note: z.string().trim().max(2000).optional(),
    acknowledged: z.literal(true, { message: 'kz.acknowledge' }).optional(),
    personalEmail: z
      .string()
      .trim()
      .pipe(z.email({ message: 'kz.email' }).max(254))
      .optional(),
    networkDecision: z.enum(['joined', 'declined']).optional(),
    consents: ConsentAnswersSchema.optional(),
    openToReturn: z.boolean().optional(),
    farewellMessage: z.string().trim().min(1).max(4000).optional(),
  })
  .strict();
export type TaskComplete = z.infer<typeof TaskCompleteSchema>;

/** A task is overdue once its due day is over where the case lives, until it is done. */
export function isTaskOverdue(
  task: { dueOn: string; doneAt: Date | string | null },
  timeZone: string,
  now: Date,
): boolean {
  return task.doneAt === null && task.dueOn < todayIn(timeZone, now);
}
