import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '#server/db/client';
import { orgSettings } from '#server/db/schema/index';

/**
 * The organisation's settings: one row per key in `org_settings`, a JSON value checked by a zod
 * schema on the way in and on the way out. A feature declares its settings once with
 * `defineSetting` and reads and writes them only through this store.
 */
export interface Setting<T> {
  key: string;
  schema: z.ZodType<T>;
  /** The value when the row is missing or no longer matches the schema. */
  fallback: () => T;
}

export const defineSetting = <T>(key: string, schema: z.ZodType<T>, fallback: () => T): Setting<T> => ({
  key,
  schema,
  fallback,
});

/** The setting's value, or its fallback. `lock` takes a row lock (run it inside a transaction). */
export async function readSetting<T>(db: Db, setting: Setting<T>, { lock = false } = {}): Promise<T> {
  const query = db
    .select({ value: orgSettings.value })
    .from(orgSettings)
    .where(eq(orgSettings.key, setting.key));
  const [row] = lock ? await query.for('update') : await query;
  const parsed = setting.schema.safeParse(row?.value);
  return parsed.success ? parsed.data : setting.fallback();
}

/** Saves the setting (checked against its schema) and returns what was saved. */
export async function writeSetting<T>(db: Db, setting: Setting<T>, value: T): Promise<T> {
  const checked = setting.schema.parse(value);
  await db
    .insert(orgSettings)
    .values({ key: setting.key, value: checked })
    .onConflictDoUpdate({ target: orgSettings.key, set: { value: checked, updatedAt: sql`now()` } });
  return checked;
}

/** Removes the setting: the next read gives its fallback. */
export async function clearSetting(db: Db, setting: Setting<unknown>): Promise<void> {
  await db.delete(orgSettings).where(eq(orgSettings.key, setting.key));
}
