import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * Profiles worth visiting (issue 12 §5, decision 041): the bilingual vocabulary of skills,
 * industries and departments, the positions a member held after leaving (their timeline), and
 * their photo.
 */

/** One term: stored values use `key`; labels in both languages and aliases are what members type. */
export const vocabularyTerms = pgTable(
  'vocabulary_terms',
  {
    kind: text('kind', { enum: ['skill', 'industry', 'department'] }).notNull(),
    key: text('key').notNull(),
    labelJa: text('label_ja').notNull(),
    labelEn: text('label_en').notNull(),
    aliases: text('aliases').array().notNull().default(sql`'{}'`),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] })],
);

/** A position after leaving (employer, title, from, to): the timeline's "after" part. */
export const profilePositions = pgTable(
  'profile_positions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    employer: text('employer').notNull(),
    title: text('title'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    /** Null while the position is current. */
    endedOn: date('ended_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('profile_positions_user_idx').on(t.userId, t.startedOn),
    check('profile_positions_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * A member's photo, re-encoded (WebP, square, no metadata) in the sizes the UI uses. Kept in the
 * database, not on disk: any process serves it and erasing the member deletes it with the row.
 */
export const profilePhotos = pgTable('profile_photos', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Changes with every upload: part of the photo's URL, so caches never show an old one. */
  version: text('version').notNull(),
  large: bytea('large').notNull(),
  small: bytea('small').notNull(),
  side: integer('side').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});
