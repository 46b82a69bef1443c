import { getTableColumns, sql } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import type { Locale } from '#common/locale';
import { DATA_CATEGORIES, type DataCategory, type MyDataSummary } from '#common/privacy';
import type { Db } from '#server/db/client';
import { audit } from '#server/lib/audit';
import type { Clock } from '#server/lib/clock';
import { toCsv } from '#server/lib/csv';
import { notFound } from '#server/lib/errors';
import { findDataSubject, getErasureSettings } from './erasure.service';
import { columnLabel, readme } from './export-text';
import { exportedColumns, personalTables, tableName } from './personal-data';

type Row = Record<string, unknown>;

/** Every row the register links to the member, per table, with its exported columns. */
export async function collectMemberData(db: Db, { userId }: { userId: string }) {
  const subject = await findDataSubject(db, { userId });
  if (!subject) throw notFound();
  const tables: { name: string; category: DataCategory; via: string[]; columns: string[]; rows: Row[] }[] =
    [];
  for (const entry of personalTables()) {
    const all = getTableColumns(entry.table);
    const columns: string[] = [];
    const rows: Row[] = [];
    const seen = new Set<string>();
    const via: string[] = [];
    for (const link of entry.links) {
      const where = link.where(subject);
      if (!where) continue;
      const keys = exportedColumns(entry, link);
      const found = (await db
        .select(Object.fromEntries(keys.map((k) => [k, all[k]])) as never)
        .from(entry.table)
        .where(where)) as Row[];
      if (found.length) via.push(link.via);
      for (const key of keys) if (!columns.includes(key)) columns.push(key);
      for (const row of found) {
        const key = JSON.stringify(row);
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push(row);
      }
    }
    tables.push({ name: tableName(entry.table), category: entry.category, via, columns, rows });
  }
  return tables;
}

/** "What we hold": linked rows per category, for the member's own page. */
export async function summariseMemberData({
  db,
  userId,
}: {
  db: Db;
  userId: string;
}): Promise<MyDataSummary> {
  const subject = await findDataSubject(db, { userId });
  if (!subject) throw notFound();
  const counts = new Map<DataCategory, number>(DATA_CATEGORIES.map((c) => [c, 0]));
  for (const entry of personalTables()) {
    for (const link of entry.links) {
      const where = link.where(subject);
      if (!where) continue;
      const [row] = (await db.select({ n: sql<number>`count(*)::int` }).from(entry.table).where(where)) as {
        n: number;
      }[];
      counts.set(entry.category, (counts.get(entry.category) ?? 0) + Number(row?.n ?? 0));
    }
  }
  const { keepContent } = await getErasureSettings({ db });
  return { categories: [...counts].map(([category, rows]) => ({ category, rows })), keepContent };
}

const jsonValue = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

const csvValue = (value: unknown): string | number => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/**
 * The member's data as a zip: my-data.json (everything, by table), one CSV per table with headers
 * in their language, and a bilingual README. Built in memory: one member's data is small.
 * The export itself is audited (who exported what), with ids only.
 */
export async function exportMemberData({
  db,
  clock,
  userId,
  locale,
}: {
  db: Db;
  clock: Clock;
  userId: string;
  locale: Locale;
}): Promise<{ zip: Uint8Array; fileName: string }> {
  const now = clock.now();
  const tables = await collectMemberData(db, { userId });
  const generatedAt = now.toISOString();
  const json = {
    generatedAt,
    memberId: userId,
    tables: Object.fromEntries(
      tables.map((t) => [
        t.name,
        t.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, jsonValue(v)]))),
      ]),
    ),
  };
  const files: Record<string, Uint8Array> = {
    'my-data.json': strToU8(JSON.stringify(json, null, 2)),
  };
  for (const t of tables) {
    const header = t.columns.map((c) => columnLabel(c, locale));
    const body = t.rows.map((r) => t.columns.map((c) => csvValue(r[c])));
    // The one CSV writer: a BOM for Excel, formulas in the member's own text neutralised.
    files[`csv/${t.name}.csv`] = strToU8(toCsv([header, ...body]));
  }
  files['README.txt'] = strToU8(
    readme(
      tables.map((t) => ({ file: `${t.name}.csv`, category: t.category, via: t.via, rows: t.rows.length })),
      generatedAt,
    ),
  );
  await audit(db, {
    actorId: userId,
    action: 'member.exported',
    subjectType: 'member',
    subjectId: userId,
    data: {},
    at: now,
  });
  return { zip: zipSync(files, { level: 6 }), fileName: `kizuna-my-data-${generatedAt.slice(0, 10)}.zip` };
}
