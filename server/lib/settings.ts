import { eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '#server/db/client';
import { orgSettings } from '#server/db/schema/index';

/**
 * The organisation's settings: one row per key in `org_settings`, a JSON value checked by a zod
 * schema on the way in and on the way out. A feature declares its settings once with
 * `defineSetting` and reads and writes them only through this store (internal state kept there,
 * such as a job's cursor or a one-time marker, too).
 */
export interface Setting<T> {
  key: string;
  schema: z.ZodType<T>;
  /** The value when the row is missing or no longer matches the schema. */
  fallback: () => T;
}

/** The database or a transaction on it. */
type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export const defineSetting = <T>(key: string, schema: z.ZodType<T>, fallback: () => T): Setting<T> => ({
  key,
  schema,
  fallback,
});

const checkedValue = <T>(setting: Setting<T>, stored: unknown): T => {
  const parsed = setting.schema.safeParse(stored);
  return parsed.success ? parsed.data : setting.fallback();
};

/** The setting's value, or its fallback. `lock` takes a row lock (run it inside a transaction). */
export async function readSetting<T>(db: Executor, setting: Setting<T>, { lock = false } = {}): Promise<T> {
  const query = db
    .select({ value: orgSettings.value })
    .from(orgSettings)
    .where(eq(orgSettings.key, setting.key));
  const [row] = lock ? await query.for('update') : await query;
  return checkedValue(setting, row?.value);
}

type Values<S extends readonly Setting<unknown>[]> = {
  [I in keyof S]: S[I] extends Setting<infer T> ? T : never;
};

/**
 * Several settings in one statement (with `lock`, their rows are locked together), in the order
 * asked.
 */
export async function readSettings<const S extends readonly Setting<unknown>[]>(
  db: Executor,
  settings: S,
  { lock = false } = {},
): Promise<Values<S>> {
  const query = db
    .select({ key: orgSettings.key, value: orgSettings.value })
    .from(orgSettings)
    .where(
      inArray(
        orgSettings.key,
        settings.map((s) => s.key),
      ),
    );
  const rows = lock ? await query.for('update') : await query;
  return settings.map((s) => checkedValue(s, rows.find((r) => r.key === s.key)?.value)) as Values<S>;
}

/**
 * One top-level field of the stored value as text (`value->>'field'`), or null: for a large value
 * of which a page needs a small part (the logo's etag, not its bytes). Not checked by the schema.
 */
export async function readSettingField<T>(
  db: Executor,
  setting: Setting<T>,
  field: keyof NonNullable<T> & string,
): Promise<string | null> {
  const [row] = await db
    .select({ field: sql<string | null>`${orgSettings.value}->>${field}` })
    .from(orgSettings)
    .where(eq(orgSettings.key, setting.key));
  return row?.field ?? null;
}

/** Saves the setting (checked against its schema) and returns what was saved. */
export async function writeSetting<T>(db: Executor, setting: Setting<T>, value: T): Promise<T> {
  const checked = setting.schema.parse(value);
  await db
    .insert(orgSettings)
    .values({ key: setting.key, value: checked })
    .onConflictDoUpdate({ target: orgSettings.key, set: { value: checked, updatedAt: sql`now()` } });
  return checked;
}

/**
 * Saves the setting only if it has no row yet; true when this call saved it. Two calls at the same
 * moment: the second waits on the primary key, then saves nothing (a once-only marker).
 */
export async function writeSettingOnce<T>(db: Executor, setting: Setting<T>, value: T): Promise<boolean> {
  const checked = setting.schema.parse(value);
  const saved = await db
    .insert(orgSettings)
    .values({ key: setting.key, value: checked })
    .onConflictDoNothing()
    .returning({ key: orgSettings.key });
  return saved.length > 0;
}

/** Removes the setting: the next read gives its fallback. */
export async function clearSetting(db: Executor, setting: Setting<unknown>): Promise<void> {
  await db.delete(orgSettings).where(eq(orgSettings.key, setting.key));
}
