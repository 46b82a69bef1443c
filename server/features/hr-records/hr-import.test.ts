import { existsSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erasureSuppressions, hrImportErrors, hrImports, hrRecords } from '#server/db/schema/index';
import { suppressionHash } from '#server/lib/suppression';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { importFilePath } from './hr-import.service';

failOnConsoleError();
let t: TestApp;
let hr: { cookie: string };
beforeAll(async () => {
  t = await createTestApp({
    env: { DATA_DIR: `/tmp/kizuna-test-imports-${process.pid}`, IMPORT_MAX_BYTES: 64 * 1024 },
  });
  hr = await signedIn(t, { role: 'alumni_manager' });
});
afterAll(async () => {
  await t.close();
  const { rm } = await import('node:fs/promises');
  await rm(t.env.DATA_DIR, { recursive: true, force: true });
});

const HEADER = '社員番号,姓,名,セイ,メイ,入社日,退職日,部署,メール,個人メール';
let serial = 0;
/** A unique employee-number prefix per test, so tests do not see each other's records. */
const prefix = () => `T${++serial}-`;

function upload(body: string | Uint8Array, { fileName = 'hr.csv', cookie = hr.cookie, encoding = '' } = {}) {
  const qs = new URLSearchParams({ fileName, ...(encoding ? { encoding } : {}) });
  return t.request(`/api/hr-imports?${qs}`, {
    method: 'POST',
    cookie,
    body: body as BodyInit,
    headers: { 'content-type': 'text/csv', 'accept-language': 'en' },
  });
}

/** Upload → confirm the suggested mapping → start → run the job; returns the final import. */
async function importCsv(text: string | Buffer) {
  const res = await upload(text);
  expect(res.status).toBe(201);
  const created = await res.json();
  const mapped = await t.request(`/api/hr-imports/${created.id}/mapping`, {
    method: 'PUT',
    cookie: hr.cookie,
    json: { mapping: created.suggestedMapping },
  });
  expect(mapped.status).toBe(200);
  const started = await t.request(`/api/hr-imports/${created.id}/start`, {
    method: 'POST',
    cookie: hr.cookie,
  });
  expect(started.status).toBe(202);
  await t.queue.drain({ names: ['hr-import.run'] });
  const done = await t.request(`/api/hr-imports/${created.id}`, {
    cookie: hr.cookie,
    headers: { 'accept-language': 'en' },
  });
  return done.json();
}

const row = (p: string, n: number, extra: Partial<Record<'left' | 'dept' | 'email', string>> = {}) =>
  `${p}${n},山田,太郎${n},やまだ,たろう,2015/4/1,${extra.left ?? '2024-03-31'},${extra.dept ?? '営業部/東京支店'},${extra.email ?? `${p}taro${n}@corp.example`},`;

describe('POST /api/hr-imports (upload)', () => {
  it('401 signed out; 404 for members who are not HR', async () => {
    expect(
      (
        await t.request('/api/hr-imports?fileName=a.csv', {
          method: 'POST',
          body: 'a',
          headers: { 'content-type': 'text/csv' },
        })
      ).status,
    ).toBe(401);
    const alumni = await signedIn(t, { role: 'alumni' });
    expect((await upload(`${HEADER}\n`, { cookie: alumni.cookie })).status).toBe(404);
    const employee = await signedIn(t, { role: 'employee' });
    expect((await t.request('/api/hr-imports', { cookie: employee.cookie })).status).toBe(404);
    expect((await t.request('/api/hr-records', { cookie: employee.cookie })).status).toBe(404);
  });

  it('400 without a file name, for a file with no header, for UTF-16', async () => {
    const res = await t.request('/api/hr-imports', {
      method: 'POST',
      cookie: hr.cookie,
      body: 'a,b\n',
      headers: { 'content-type': 'text/csv', 'accept-language': 'ja' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.fileName).toEqual(['必須項目です。']);
    expect((await upload('')).status).toBe(400);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]);
    const bad = await upload(utf16);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain('UTF-16');
  });

  it('413 with the limit in the message when the file is too large, leaving no file behind', async () => {
    const big = `${HEADER}\n${'x'.repeat(70 * 1024)}\n`;
    const res = await upload(big);
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toBe('The file is larger than the upload limit of 64 KB.');
    // Streamed without a Content-Length: the limit is enforced while reading.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(10 * 1024)));
        controller.close();
      },
    });
    const streamed = await t.app.request('http://localhost:3000/api/hr-imports?fileName=s.csv', {
      method: 'POST',
      body: stream,
      headers: { cookie: hr.cookie, origin: 'http://localhost:3000', 'content-type': 'text/csv' },
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const [{ n }] = (await t.db
      .select({ n: count() })
      .from(hrImports)
      .where(eq(hrImports.fileName, 's.csv'))) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('detects UTF-8 with BOM, counts rows with quoted newlines, and suggests a mapping', async () => {
    const text = `\uFEFF${HEADER}\r\nA1,"山田",太郎,やまだ,たろう,2015-04-01,2020-03-31,"営業部, 東京",a@x.example,\r\nA2,鈴木,"花\r\n子",すずき,はなこ,2016-04-01,,開発部,,\r\n`;
    const res = await upload(text);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ encoding: 'utf-8', rowsTotal: 2, status: 'uploaded', fileName: 'hr.csv' });
    expect(body.headers[0]).toBe('社員番号');
    expect(body.suggestedMapping).toEqual({
      社員番号: 'employeeNumber',
      姓: 'familyName',
      名: 'givenName',
      セイ: 'familyNameKana',
      メイ: 'givenNameKana',
      入社日: 'joinedOn',
      退職日: 'leftOn',
      部署: 'departments',
      メール: 'workEmail',
      個人メール: 'personalEmail',
    });
    expect(existsSync(importFilePath(t.env, body.id))).toBe(true);
  });

  it('detects CP932 (Shift_JIS from Excel) and previews it decoded', async () => {
    const text = `${HEADER}\r\nS1,髙橋,一郎,たかはし,いちろう,2010/4/1,2019/3/31,総務部,ichiro@corp.example,\r\n`;
    const res = await upload(iconv.encode(text, 'cp932'));
    const body = await res.json();
    expect(body.encoding).toBe('cp932');
    const preview = await (
      await t.request(`/api/hr-imports/${body.id}/preview`, { cookie: hr.cookie })
    ).json();
    expect(preview.rows[0]).toMatchObject({
      line: 2,
      values: {
        employeeNumber: 'S1',
        familyName: '髙橋',
        joinedOn: '2010-04-01',
        familyNameRomaji: 'Takahashi',
      },
      errors: {},
    });
  });
});

describe('mapping and preview', () => {
  it('previews per-row errors in the viewer language and rejects an incomplete mapping', async () => {
    const text = `${HEADER}\nP1,山田,太郎,やまだ,たろう,2015/02/30,2014-01-01,,not-an-email,\nP2,,花子,,,,,,,\n`;
    const { id } = await (await upload(text)).json();
    const ja = await (
      await t.request(`/api/hr-imports/${id}/preview`, {
        cookie: hr.cookie,
        headers: { 'accept-language': 'ja' },
      })
    ).json();
    expect(ja.rows[0].errors).toEqual({
      joinedOn: '日付ではありません（2024-04-01 や 2024/4/1 の形式で入力してください）。',
      workEmail: 'メールアドレスの形式が正しくありません。',
    });
    expect(ja.rows[1].errors).toEqual({ familyName: '必須項目です。' });

    const mapping = encodeURIComponent(JSON.stringify({ 姓: 'familyName' }));
    const partial = await (
      await t.request(`/api/hr-imports/${id}/preview?mapping=${mapping}`, {
        cookie: hr.cookie,
        headers: { 'accept-language': 'en' },
      })
    ).json();
    expect(partial.mappingErrors.employeeNumber).toEqual(['Map a column to this field.']);

    const bad = await t.request(`/api/hr-imports/${id}/preview?mapping=%7Bnope`, { cookie: hr.cookie });
    expect(bad.status).toBe(400);

    const put = await t.request(`/api/hr-imports/${id}/mapping`, {
      method: 'PUT',
      cookie: hr.cookie,
      json: { mapping: { 姓: 'familyName', 名: 'givenName', 無い列: 'office' } },
      headers: { 'accept-language': 'en' },
    });
    expect(put.status).toBe(400);
    const { error } = await put.json();
    expect(error.fields.employeeNumber).toEqual(['Map a column to this field.']);
    expect(error.fields.無い列).toEqual(['The file has no such column.']);
    const wrongField = await t.request(`/api/hr-imports/${id}/mapping`, {
      method: 'PUT',
      cookie: hr.cookie,
      json: { mapping: { 姓: 'salary' } },
    });
    expect(wrongField.status).toBe(400);
  });

  it('409 when starting before the mapping is confirmed; 404 for an unknown id', async () => {
    const { id } = await (await upload(`${HEADER}\n${row('Z', 1)}\n`)).json();
    expect(
      (await t.request(`/api/hr-imports/${id}/start`, { method: 'POST', cookie: hr.cookie })).status,
    ).toBe(409);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await t.request(`/api/hr-imports/${unknown}`, { cookie: hr.cookie })).status).toBe(404);
    expect((await t.request('/api/hr-imports/not-a-uuid', { cookie: hr.cookie })).status).toBe(400);
  });
});

describe('running an import', () => {
  it('imports good rows, rejects bad ones with line numbers, and serves the error CSV', async () => {
    const p = prefix();
    const lines = [
      HEADER,
      row(p, 1),
      row(p, 2, { left: '2010-01-01' }), // left before joined
      `${p}3,"佐藤","次郎","さとう","じろう",2018-04-01,,"企画部;経営企画部","jiro@corp.example","jiro@home.example"`,
      `${p}4,佐藤`, // too few columns
      row(p, 1), // duplicate employee number
      `${p}5,"鈴木","五郎",すずき,ごろう,2019-04-01,,"人事部","goro@corp.example","unterminated`,
      `${p}6,late,row,,,,,,,`,
    ];
    const result = await importCsv(`${lines.join('\r\n')}\r\n`);
    expect(result).toMatchObject({
      status: 'done',
      rowsTotal: 6,
      rowsDone: 6,
      rowsCreated: 2,
      rowsUpdated: 0,
      rowsUnchanged: 0,
      rowsRejected: 4,
      percent: 100,
    });
    const jiro = await t.db
      .select()
      .from(hrRecords)
      .where(eq(hrRecords.employeeNumber, `${p}3`));
    expect(jiro[0]).toMatchObject({
      departments: ['企画部', '経営企画部'],
      familyNameRomaji: 'Sato',
      givenNameRomaji: 'Jiro',
      personalEmail: 'jiro@home.example',
      joinedOn: '2018-04-01',
      leftOn: null,
    });
    expect(jiro[0]?.matchName).toBe('佐藤 次郎 さとう じろう sato jiro');

    const csv = await t.request(`/api/hr-imports/${result.id}/errors.csv`, {
      cookie: hr.cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads it as UTF-8
    const out = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(out[0]).toBe('Line,Employee number,Reasons');
    expect(out[1]).toBe(`3,${p}2,Left on: The last day is before the first day.`);
    expect(out[2]).toBe(`5,${p}4,Row: The row has fewer columns than the header.`);
    expect(out[3]).toContain(`6,${p}1,Employee number: This employee number appears earlier in the file`);
    expect(out[4]).toBe('7,,Row: The row could not be read (for example an unclosed quote).');
    expect(out).toHaveLength(5);
    // The file is removed once the import is done.
    expect(existsSync(importFilePath(t.env, result.id))).toBe(false);
  });

  it('errors.csv neutralises cells a spreadsheet would run as formulas (= + - @)', async () => {
    const numbers = ['=1+2', '+SUM(A1)', '-2+3', '@A1'];
    const lines = [
      HEADER,
      ...numbers.map((n) => `"${n}",山田,太郎,やまだ,たろう,2015/4/1,2010-01-01,営業部,,`),
    ];
    const result = await importCsv(`${lines.join('\r\n')}\r\n`);
    expect(result).toMatchObject({ status: 'done', rowsRejected: 4 });
    const csv = await t.request(`/api/hr-imports/${result.id}/errors.csv`, { cookie: hr.cookie });
    const out = Buffer.from(await csv.arrayBuffer())
      .subarray(3)
      .toString('utf8')
      .trim()
      .split('\r\n');
    expect(out.slice(1).map((l) => l.split(',')[1])).toEqual(numbers.map((n) => `'${n}`));
  });

  it('rejects only the rows with a NUL character in a mapped cell (PostgreSQL text cannot hold it)', async () => {
    const p = prefix();
    // One more column than the mapping uses: a NUL there is never read, so its row is imported.
    const lines = [
      `${HEADER},社内コメント`,
      `${row(p, 1)},`,
      `${p}2,山\0田,太郎,やまだ,たろう,2015/4/1,,営業部,${p}2@corp.example,,`, // in a name
      `${row(p, 3)},`,
      `${p}4\0,山田,太郎,やまだ,たろう,2015/4/1,,営業部\0/東京,,,`, // in the number and the list
      `${p}5\0,佐藤`, // too few columns: the number is still reported, without the NUL
      `${row(p, 6)},see\0note`, // unmapped column
      `${p}7,鈴木,花子,すずき,はな\0こ,2020-13-01,,,,,`, // with another problem in the row
      `${row(p, 8)},`,
    ];
    const { id, suggestedMapping } = await (await upload(`${lines.join('\r\n')}\r\n`)).json();
    expect(Object.keys(suggestedMapping)).not.toContain('社内コメント');

    // The preview says so, in the viewer's language.
    const preview = await (
      await t.request(`/api/hr-imports/${id}/preview`, {
        cookie: hr.cookie,
        headers: { 'accept-language': 'ja' },
      })
    ).json();
    expect(preview.rows[1].errors).toEqual({
      familyName: '保存できないNUL文字（U+0000）が含まれています。元のファイルから取り除いてください。',
    });
    expect(preview.rows[6].errors).toMatchObject({ givenNameKana: expect.stringContaining('U+0000') });

    await t.request(`/api/hr-imports/${id}/mapping`, {
      method: 'PUT',
      cookie: hr.cookie,
      json: { mapping: suggestedMapping },
    });
    await t.request(`/api/hr-imports/${id}/start`, { method: 'POST', cookie: hr.cookie });
    await t.queue.drain({ names: ['hr-import.run'] });
    const [result] = await t.db.select().from(hrImports).where(eq(hrImports.id, id));
    expect(result).toMatchObject({ status: 'done', rowsDone: 8, rowsCreated: 4, rowsRejected: 4 });
    const imported = await t.db
      .select({ number: hrRecords.employeeNumber })
      .from(hrRecords)
      .where(eq(hrRecords.lastImportId, id))
      .orderBy(hrRecords.employeeNumber);
    expect(imported.map((r) => r.number)).toEqual([`${p}1`, `${p}3`, `${p}6`, `${p}8`]);

    const errors = await t.db
      .select()
      .from(hrImportErrors)
      .where(eq(hrImportErrors.importId, id))
      .orderBy(hrImportErrors.line);
    expect(errors.map((e) => [e.line, e.employeeNumber, e.reasons])).toEqual([
      [3, `${p}2`, { familyName: 'nul_character' }],
      [5, `${p}4`, { employeeNumber: 'nul_character', departments: 'nul_character' }],
      [6, `${p}5`, { _row: 'column_count' }],
      [8, `${p}7`, { givenNameKana: 'nul_character', joinedOn: 'invalid_date' }],
    ]);

    const csv = await t.request(`/api/hr-imports/${id}/errors.csv`, {
      cookie: hr.cookie,
      headers: { 'accept-language': 'en' },
    });
    const out = Buffer.from(await csv.arrayBuffer())
      .subarray(3)
      .toString('utf8')
      .trim()
      .split('\r\n');
    const nul = 'Contains a NUL character (U+0000) that cannot be stored. Remove it in the source file.';
    expect(out[1]).toBe(`3,${p}2,Family name: ${nul}`);
    // Two reasons, in the order the database keeps them.
    expect(out[2]?.startsWith(`5,${p}4,`)).toBe(true);
    expect(out[2]?.slice(`5,${p}4,`.length).split(' / ').sort()).toEqual([
      `Departments: ${nul}`,
      `Employee number: ${nul}`,
    ]);
  });

  it('accepts a NUL character in a header (left out of the stored name)', async () => {
    const p = prefix();
    const res = await upload(`${HEADER},メ\0モ\n${row(p, 1)},x\n`);
    expect(res.status).toBe(201);
    expect((await res.json()).headers.at(-1)).toBe('メモ');
  });

  it('imports the CP932 fixture: full names split, katakana readings, a newline inside quotes', async () => {
    const { readFileSync } = await import('node:fs');
    const result = await importCsv(readFileSync('tests/fixtures/hr-export-cp932.csv'));
    expect(result).toMatchObject({ encoding: 'cp932', rowsTotal: 40, rowsDone: 40, rowsRejected: 3 });
    expect(result.rowsCreated + result.rowsUnchanged).toBe(37);
    const [s7030] = await t.db.select().from(hrRecords).where(eq(hrRecords.employeeNumber, 'S7030'));
    expect(s7030).toMatchObject({
      familyName: '林',
      givenName: 'さくら',
      familyNameKana: 'ハヤシ',
      givenNameKana: 'サクラ',
      familyNameRomaji: 'Hayashi',
      givenNameRomaji: 'Sakura',
    });
    // NFKC folds the full-width brackets; the line break typed inside the quotes is kept.
    expect(s7030?.departments).toEqual(['企画部\r\n(兼)広報部']);
    const errors = await t.db.select().from(hrImportErrors).where(eq(hrImportErrors.importId, result.id));
    // Row 30 spans lines 31–32, so the bad rows keep the lines an editor shows.
    expect(errors.map((e) => e.line)).toEqual([8, 14, 22]);
  });

  it('re-importing the same file changes nothing; a changed row updates its record', async () => {
    const p = prefix();
    const file = [HEADER, row(p, 1), row(p, 2), row(p, 3)].join('\n');
    const first = await importCsv(file);
    expect(first).toMatchObject({ rowsCreated: 3, rowsUpdated: 0, rowsUnchanged: 0 });
    const before = await t.db
      .select()
      .from(hrRecords)
      .where(eq(hrRecords.employeeNumber, `${p}2`));
    t.clock.advance(60_000);

    const second = await importCsv(file);
    expect(second).toMatchObject({ rowsCreated: 0, rowsUpdated: 0, rowsUnchanged: 3, rowsRejected: 0 });
    const after = await t.db
      .select()
      .from(hrRecords)
      .where(eq(hrRecords.employeeNumber, `${p}2`));
    expect(after[0]?.updatedAt).toEqual(before[0]?.updatedAt);
    expect(after[0]?.lastImportId).toBe(first.id);

    const changed = [HEADER, row(p, 1), row(p, 2, { dept: '人事部' }), row(p, 3), row(p, 4)].join('\n');
    const third = await importCsv(changed);
    expect(third).toMatchObject({ rowsCreated: 1, rowsUpdated: 1, rowsUnchanged: 2 });
    const updated = await t.db
      .select()
      .from(hrRecords)
      .where(eq(hrRecords.employeeNumber, `${p}2`));
    expect(updated[0]).toMatchObject({ departments: ['人事部'], lastImportId: third.id, id: before[0]?.id });
  });

  it('stores awkward values exactly: quotes, backslashes, braces and commas in lists; empty cells as null', async () => {
    const p = prefix();
    const file = [
      HEADER,
      `${p}1,"O""Brien",太郎,おぶらいえん,たろう,,,"R&D ""Lab"" \\ {1}, 東京/NULL/a\\""b",,`,
      `${p}2,山田,花子,,,2001/2/3,,,,`,
    ].join('\n');
    const result = await importCsv(file);
    expect(result).toMatchObject({ rowsCreated: 2, rowsRejected: 0 });
    const [first] = await t.db
      .select()
      .from(hrRecords)
      .where(eq(hrRecords.employeeNumber, `${p}1`));
    expect(first).toMatchObject({
      familyName: 'O"Brien',
      departments: ['R&D "Lab" \\ {1}, 東京', 'NULL', 'a\\"b'],
      joinedOn: null,
      workEmail: null,
      familyNameRomaji: 'Oburaien',
    });
    const [second] = await t.db
      .select()
      .from(hrRecords)
      .where(eq(hrRecords.employeeNumber, `${p}2`));
    expect(second).toMatchObject({ departments: [], joinedOn: '2001-02-03', familyNameKana: null });
    expect(second?.matchName).toContain('山田');
    expect(await importCsv(file)).toMatchObject({ rowsCreated: 0, rowsUpdated: 0, rowsUnchanged: 2 });
  });

  it('keeps the member link of an existing record when the import updates it', async () => {
    const p = prefix();
    const member = await createTestMember(t, { role: 'alumni' });
    await importCsv([HEADER, row(p, 1)].join('\n'));
    await t.db
      .update(hrRecords)
      .set({ userId: member.id })
      .where(eq(hrRecords.employeeNumber, `${p}1`));
    await importCsv([HEADER, row(p, 1, { dept: '法務部' })].join('\n'));
    const [record] = await t.db
      .select()
      .from(hrRecords)
      .where(eq(hrRecords.employeeNumber, `${p}1`));
    expect(record).toMatchObject({ userId: member.id, departments: ['法務部'] });
  });

  it('skips people who asked to be erased (by employee number or email) and says why', async () => {
    const p = prefix();
    await t.db
      .insert(erasureSuppressions)
      .values([
        { hash: suppressionHash(t.env, `${p}2`) },
        { hash: suppressionHash(t.env, `${p.toUpperCase()}TARO3@Corp.example`) },
      ]);
    const result = await importCsv([HEADER, row(p, 1), row(p, 2), row(p, 3)].join('\n'));
    expect(result).toMatchObject({ rowsCreated: 1, rowsRejected: 2 });
    const errors = await t.db.select().from(hrImportErrors).where(eq(hrImportErrors.importId, result.id));
    expect(errors.map((e) => [e.line, e.reasons])).toEqual([
      [3, { _row: 'erased' }],
      [4, { _row: 'erased' }],
    ]);
    const found = await t.db
      .select()
      .from(hrRecords)
      .where(eq(hrRecords.employeeNumber, `${p}2`));
    expect(found).toHaveLength(0);
  });

  it('resumes after a crash between batches with no row lost or written twice', async () => {
    const p = prefix();
    const rows = Array.from({ length: 25 }, (_, i) => row(p, i + 1));
    rows.splice(10, 0, `${p}bad,,,,,,,,,`); // a rejected row in the second batch
    const { id, suggestedMapping } = await (await upload([HEADER, ...rows].join('\n'))).json();
    await t.request(`/api/hr-imports/${id}/mapping`, {
      method: 'PUT',
      cookie: hr.cookie,
      json: { mapping: suggestedMapping },
    });
    await t.request(`/api/hr-imports/${id}/start`, { method: 'POST', cookie: hr.cookie });
    const { runImport } = await import('./hr-import.job');
    const deps = {
      db: t.db,
      env: t.env,
      clock: t.clock,
      logger: { info() {}, warn() {}, error() {}, debug() {} },
    };
    // "Crash" after the second committed batch: the run is abandoned mid-file.
    let batches = 0;
    await expect(
      runImport(deps as never, {
        importId: id,
        batchSize: 5,
        onBatch: () => {
          if (++batches === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const [mid] = await t.db.select().from(hrImports).where(eq(hrImports.id, id));
    expect(mid).toMatchObject({ status: 'running', rowsDone: 10, rowsCreated: 10 });

    expect(await runImport(deps as never, { importId: id, batchSize: 5 })).toBe('done');
    const [done] = await t.db.select().from(hrImports).where(eq(hrImports.id, id));
    expect(done).toMatchObject({
      status: 'done',
      rowsDone: 26,
      rowsCreated: 25,
      rowsRejected: 1,
      rowsUnchanged: 0,
    });
    const [{ n }] = (await t.db
      .select({ n: count() })
      .from(hrRecords)
      .where(eq(hrRecords.lastImportId, id))) as [{ n: number }];
    expect(n).toBe(25);
  });

  it('a second runner that falls behind commits nothing (no double counting)', async () => {
    const p = prefix();
    const rows = Array.from({ length: 12 }, (_, i) => row(p, i + 1));
    const { id, suggestedMapping } = await (await upload([HEADER, ...rows].join('\n'))).json();
    await t.request(`/api/hr-imports/${id}/mapping`, {
      method: 'PUT',
      cookie: hr.cookie,
      json: { mapping: suggestedMapping },
    });
    await t.request(`/api/hr-imports/${id}/start`, { method: 'POST', cookie: hr.cookie });
    const { runImport } = await import('./hr-import.job');
    const deps = {
      db: t.db,
      env: t.env,
      clock: t.clock,
      logger: { info() {}, warn() {}, error() {}, debug() {} },
    };
    // Runner B starts after runner A's first batch; both then race through the same file.
    let second: Promise<string> | undefined;
    const outcome = await runImport(deps as never, {
      importId: id,
      batchSize: 4,
      onBatch: ({ rowsDone }) => {
        if (rowsDone === 4) second = runImport(deps as never, { importId: id, batchSize: 4 });
      },
    });
    // Whichever commits a batch first goes on; the other stops without writing (on PostgreSQL
    // the two really run at once, so either may win).
    expect([outcome, await second].sort()).toEqual(['done', 'stopped']);
    const [done] = await t.db.select().from(hrImports).where(eq(hrImports.id, id));
    expect(done).toMatchObject({ rowsDone: 12, rowsCreated: 12, rowsUnchanged: 0 });
  });

  it('cancel stops the import and removes the file; a finished import cannot be cancelled', async () => {
    const p = prefix();
    const { id, suggestedMapping } = await (await upload([HEADER, row(p, 1)].join('\n'))).json();
    await t.request(`/api/hr-imports/${id}/mapping`, {
      method: 'PUT',
      cookie: hr.cookie,
      json: { mapping: suggestedMapping },
    });
    await t.request(`/api/hr-imports/${id}/start`, { method: 'POST', cookie: hr.cookie });
    const res = await t.request(`/api/hr-imports/${id}/cancel`, { method: 'POST', cookie: hr.cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('cancelled');
    await t.queue.drain({ names: ['hr-import.run'] });
    const [after] = await t.db.select().from(hrImports).where(eq(hrImports.id, id));
    expect(after).toMatchObject({ status: 'cancelled', rowsDone: 0 });
    expect(existsSync(importFilePath(t.env, id))).toBe(false);
    expect(
      (await t.request(`/api/hr-imports/${id}/cancel`, { method: 'POST', cookie: hr.cookie })).status,
    ).toBe(409);
  });

  it('fails with a clear reason when the uploaded file has gone', async () => {
    const p = prefix();
    const { id, suggestedMapping } = await (await upload([HEADER, row(p, 1)].join('\n'))).json();
    await t.request(`/api/hr-imports/${id}/mapping`, {
      method: 'PUT',
      cookie: hr.cookie,
      json: { mapping: suggestedMapping },
    });
    await t.request(`/api/hr-imports/${id}/start`, { method: 'POST', cookie: hr.cookie });
    const { rm } = await import('node:fs/promises');
    await rm(importFilePath(t.env, id));
    await t.queue.drain({ names: ['hr-import.run'] });
    const res = await t.request(`/api/hr-imports/${id}`, {
      cookie: hr.cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(await res.json()).toMatchObject({
      status: 'failed',
      error: 'The uploaded file is no longer on the server. Please upload it again.',
    });
  });

  it('lists imports newest first with progress figures', async () => {
    const res = await t.request('/api/hr-imports', { cookie: hr.cookie });
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.length).toBeGreaterThan(3);
    const done = items.find((i: { status: string }) => i.status === 'done');
    expect(done).toMatchObject({ percent: 100, secondsLeft: null });
  });
});

describe('GET /api/hr-imports/{id}/errors (the rejected rows on the page, issue 9)', () => {
  it('lists the rejected rows a page at a time with the column and the reason in the viewer’s language', async () => {
    const p = prefix();
    const lines = [HEADER, row(p, 1), row(p, 2, { left: '2010-01-01' })];
    for (let i = 3; i <= 54; i++) lines.push(`${p}${i},山田,太郎,やまだ,たろう,2020-13-01,,,,`);
    const result = await importCsv(`${lines.join('\n')}\n`);
    expect(result).toMatchObject({ rowsCreated: 1, rowsRejected: 53 });

    const ja = await t.request(`/api/hr-imports/${result.id}/errors`, {
      cookie: hr.cookie,
      headers: { 'accept-language': 'ja' },
    });
    expect(ja.status).toBe(200);
    const first = await ja.json();
    expect(first).toMatchObject({ total: 53, page: 1, pageSize: 50 });
    expect(first.items).toHaveLength(50);
    expect(first.items[0]).toEqual({
      line: 3,
      employeeNumber: `${p}2`,
      reasons: [{ field: 'leftOn', label: '退職日', message: expect.stringContaining('入社日') }],
    });
    const en = await t.request(`/api/hr-imports/${result.id}/errors?page=2`, {
      cookie: hr.cookie,
      headers: { 'accept-language': 'en' },
    });
    const second = await en.json();
    expect(second.items.map((i: { line: number }) => i.line)).toEqual([53, 54, 55]);
    expect(second.items[0].reasons).toEqual([
      { field: 'joinedOn', label: 'Joined on', message: 'Not a date (use 2024-04-01 or 2024/4/1).' },
    ]);
  });

  it('400 for a bad page, 401 signed out, 404 for non-HR and for an unknown import', async () => {
    const result = await importCsv(`${HEADER}\n${row(prefix(), 1)}\n`);
    const path = `/api/hr-imports/${result.id}/errors`;
    const bad = await t.request(`${path}?page=0`, {
      cookie: hr.cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(['page']);
    expect((await t.request(path)).status).toBe(401);
    const alumni = await signedIn(t, { role: 'alumni' });
    expect((await t.request(path, { cookie: alumni.cookie })).status).toBe(404);
    const unknown = '/api/hr-imports/00000000-0000-4000-8000-000000000000/errors';
    expect((await t.request(unknown, { cookie: hr.cookie })).status).toBe(404);
    expect(await (await t.request(path, { cookie: hr.cookie })).json()).toMatchObject({
      items: [],
      total: 0,
    });
  });
});
