import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '#tests/factories';
import { createTestApp, type TestApp } from '#tests/setup';
import { operationIdFor } from './openapi';

type Operation = {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, { $ref?: string }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    securitySchemes?: Record<string, { type: string; in: string; name: string }>;
  };
  security?: unknown[];
};

let t: TestApp;
let doc: Doc;
beforeAll(async () => {
  t = await createTestApp();
  const { cookie } = await signedIn(t);
  doc = await (await t.request('/api/openapi.json', { cookie })).json();
});
afterAll(() => t.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  );

/** A string each pattern of the document must accept (the zod schema accepts it too). */
const GOOD_SAMPLES: Record<string, string[]> = {
  '^[A-Z]{2}$': ['JP'],
  '^[A-Z]{3}$': ['JPY'],
  '^[a-z]{2}$': ['ja'],
  '^[a-z0-9_]+$': ['fit_score'],
  '^[A-Za-z0-9_-]+$': ['q3v9Yl0b8x_-Zk2N1p4RtWm7cA5sD6fG8hJ0kL2mN4o'],
  '^[a-z0-9_.-]*$': ['kizuna.alumni-1'],
  '^\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?$': ['2026-11', '2026-11-24'],
  '^\\d{4}-(0[1-9]|1[0-2])$': ['2026-12', '2027-01'],
  '^[a-z0-9_]{1,40}$': ['diet', 'track_a'],
  '^[A-Za-z0-9_-]{20,100}\\.ics$': ['q3v9Yl0b8x_-Zk2N1p4RtWm7cA5sD6fG8hJ0kL2mN4o.ics'],
  '^[\\p{Script=Hiragana}\\p{Script=Katakana}ー・\\s]*$': ['たなか', 'タナカ ヨウコ'],
  "^[\\p{Script=Latin}\\s'.-]*$": ["O'Brien", 'Tanaka Yoko'],
};

function collectPatterns(value: unknown, found: Set<string>) {
  if (Array.isArray(value)) for (const v of value) collectPatterns(v, found);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'pattern' && typeof v === 'string') found.add(v);
      else collectPatterns(v, found);
    }
  }
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 for a third-party validator', async () => {
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('has only patterns that compile as ECMA-262 (Unicode) and accept a known-good value', () => {
    const patterns = new Set<string>();
    collectPatterns(doc, patterns);
    expect(patterns.size).toBeGreaterThan(0);
    for (const pattern of patterns) {
      const samples = GOOD_SAMPLES[pattern];
      expect(samples, `add a known-good sample for ${pattern}`).toBeDefined();
      const re = new RegExp(pattern, 'u');
      for (const sample of samples ?? []) expect(re.test(sample), `${pattern} ~ ${sample}`).toBe(true);
    }
  });

  it('lets a standard validator accept familyNameKana "たなか" in the profile update', () => {
    const body = doc.paths['/api/members/{id}']?.patch?.requestBody?.content['application/json']?.schema as {
      properties: Record<string, object>;
    };
    const validate = new Ajv2020({ strict: false }).compile({
      type: 'object',
      properties: {
        familyNameKana: body.properties.familyNameKana,
        familyNameRomaji: body.properties.familyNameRomaji,
      },
    });
    expect(
      validate({ familyNameKana: 'たなか', familyNameRomaji: 'Tanaka' }),
      JSON.stringify(validate.errors),
    ).toBe(true);
    expect(validate({ familyNameKana: 'tanaka' })).toBe(false);
    expect(validate({ familyNameRomaji: 'たなか' })).toBe(false);
  });

  it('declares the session cookie scheme globally and none on public endpoints', () => {
    expect(doc.components.securitySchemes?.sessionCookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'kizuna.session_token',
    });
    expect(doc.security).toEqual([{ sessionCookie: [] }]);
    const publicOps = operations().filter(({ op }) => Array.isArray(op.security) && op.security.length === 0);
    expect(publicOps.map(({ method, path }) => `${method} ${path}`)).toEqual(
      expect.arrayContaining([
        'get /api/invitations/accept/{token}',
        'post /api/invitations/accept/{token}',
        'post /api/join-requests',
        'post /api/freshness/confirm',
        'post /api/referral-consent/view',
      ]),
    );
    expect(doc.paths['/api/me']?.get?.security).toBeUndefined();
    // GET /api/join-requests is HR's list: same path as the public POST, still behind sign-in.
    expect(publicOps.some(({ method, path }) => method === 'get' && path === '/api/directory')).toBe(false);
  });

  it('gives every operation a unique camelCase operationId', () => {
    const ids = operations().map(({ op }) => op.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/members/{id}']?.get?.operationId).toBe('getMembersById');
    expect(operationIdFor('post', '/api/hr-imports/{id}/errors.csv')).toBe('postHrImportsByIdErrorsCsv');
  });

  it('shares ErrorBody as one component and documents 403 and 413 on every write', () => {
    expect(doc.components.schemas.ErrorBody).toBeDefined();
    expect(JSON.stringify(doc.paths)).not.toContain('"forbidden_origin","payload_too_large"');
    for (const { path, method, op } of operations()) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      expect(op.responses['403'], `${method} ${path}`).toEqual({
        $ref: '#/components/responses/ForbiddenOrigin',
      });
      expect(op.responses['413'], `${method} ${path}`).toBeDefined();
    }
    expect(doc.paths['/api/me']?.get?.responses['401']).toEqual({
      $ref: '#/components/responses/Unauthenticated',
    });
  });
});
