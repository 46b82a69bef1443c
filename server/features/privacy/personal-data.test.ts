import { getTableColumns, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/client';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { PERSONAL_DATA, registryByName, SYSTEM_TABLES, schemaTables, tableName } from './personal-data';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the personal-data register', () => {
  it('lists every table of the Drizzle schema exactly once', () => {
    const tables = schemaTables().map(tableName).sort();
    expect(tables.length).toBeGreaterThan(10);
    const missing = tables.filter((name) => !registryByName.has(name));
    expect(missing, 'add these tables to server/features/privacy/personal-data.ts').toEqual([]);
    const names = PERSONAL_DATA.map((e) => tableName(e.table));
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists every table of the public schema in the database, and knows the other schemas', async () => {
    const rows = await queryRows<{ schema: string; name: string }>(
      t.db,
      sql`select table_schema as schema, table_name as name from information_schema.tables
          where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    );
    const publicTables = rows.filter((r) => r.schema === 'public').map((r) => r.name);
    expect(publicTables).toContain('users');
    expect(publicTables.filter((name) => !registryByName.has(name))).toEqual([]);
    const others = rows.filter((r) => r.schema !== 'public');
    expect(others.map((r) => r.schema)).toContain('pgboss');
    const unknown = others.filter(
      (r) => !(`${r.schema}.${r.name}` in SYSTEM_TABLES) && !(`${r.schema}.*` in SYSTEM_TABLES),
    );
    expect(unknown, 'add these schemas/tables to SYSTEM_TABLES in personal-data.ts').toEqual([]);
  });

  it('classifies every column of every personal table, and only real columns', () => {
    for (const entry of PERSONAL_DATA) {
      if (entry.kind !== 'personal') {
        expect(entry.reason.length, tableName(entry.table)).toBeGreaterThan(20);
        continue;
      }
      const columns = Object.keys(getTableColumns(entry.table)).sort();
      expect(Object.keys(entry.columns).sort(), `columns of ${tableName(entry.table)}`).toEqual(columns);
      expect(entry.links.length).toBeGreaterThan(0);
      for (const link of entry.links) {
        for (const key of link.exportColumns ?? []) expect(columns, tableName(entry.table)).toContain(key);
        if (typeof link.erase === 'object' && 'set' in link.erase) {
          for (const key of Object.keys(link.erase.set)) expect(columns).toContain(key);
        }
      }
    }
  });

  it('never exports a secret column', () => {
    for (const entry of PERSONAL_DATA) {
      if (entry.kind !== 'personal') continue;
      for (const link of entry.links) {
        for (const key of link.exportColumns ?? []) expect(entry.columns[key]).not.toBe('secret');
      }
    }
  });
});
