import fc from 'fast-check';

/**
 * fast-check arbitraries from the API's own OpenAPI document (decision 024): valid-looking
 * values from each JSON schema, the same with one field broken, and hostile JSON — reserved key
 * names (`constructor`, `__proto__`…), lone UTF-16 surrogates, NUL, formulas, huge and odd values.
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
};

export const RESERVED_KEYS = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
];

/** A string with a lone surrogate somewhere in it. */
export const malformedString = fc
  .tuple(fc.string({ maxLength: 5 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 5 }))
  .map(([a, unit, b]) => `${a}${String.fromCharCode(unit)}${b}`);

const nastyString = fc.oneof(
  malformedString,
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '=1+2',
    '+1',
    '-1',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    '<script>alert(1)</script>',
    "' or 1=1 --",
    '%ED%A0%80',
    '\ufeff',
    '\u202e',
    '0',
    '-0',
    'NaN',
    'null',
    'true',
    '1e309',
    '9'.repeat(40),
    '2024-02-30',
    '0000-00-00',
    '../../etc/passwd',
    ...RESERVED_KEYS,
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer({ min: 100, max: 20_000 }).map((n) => 'あ'.repeat(n)),
);

const nastyNumber = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    1,
    2 ** 31,
    -(2 ** 31),
    2 ** 53,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    0.5,
    -0.0,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const reservedKey = fc.constantFrom(...RESERVED_KEYS);
const anyKey = fc.oneof(reservedKey, fc.string({ maxLength: 12 }), malformedString);

/** Any JSON value, hostile keys and strings included. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A value of the wrong kind for any field. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.dictionary(reservedKey, fc.integer(), { minKeys: 1, maxKeys: 2 }),
  hostileJson,
);

const ISO_DATE = fc
  .date({ min: new Date('1950-01-01'), max: new Date('2060-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function resolve(schema: JsonSchema, doc: unknown): JsonSchema {
  if (!schema.$ref) return schema;
  const parts = schema.$ref.replace(/^#\//, '').split('/');
  let node: unknown = doc;
  for (const p of parts) node = (node as Record<string, unknown>)?.[p];
  return resolve((node ?? {}) as JsonSchema, doc);
}

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'date') return ISO_DATE;
  if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'uri' || s.format === 'url') return fc.webUrl({ validSchemes: ['https'] });
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern, 'u'));
    } catch {
      // A pattern JavaScript cannot compile: plain strings.
    }
  }
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 40, 40));
  return fc.string({ minLength, maxLength });
}

/** Values that (mostly) satisfy the schema; refinements the document cannot express may still fail. */
export function validArb(schema: JsonSchema, doc: unknown, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union && union.length > 0) return fc.oneof(...union.map((u) => validArb(u, doc, depth + 1)));
  if (s.allOf && s.allOf.length > 0) {
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const part of s.allOf.map((p) => resolve(p, doc))) {
      Object.assign(merged.properties as object, part.properties);
      merged.required?.push(...(part.required ?? []));
    }
    return validArb(merged, doc, depth + 1);
  }
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => validArb({ ...s, type }, doc, depth + 1)));
  switch (types[0]) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return fc.integer({
        min: Math.max(s.minimum ?? -1000, -(2 ** 31)),
        max: Math.min(s.maximum ?? 1000, 2 ** 31),
      });
    case 'number':
      return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 6) return fc.constant([]);
      const minLength = s.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(s.maxItems ?? 3, 3));
      return fc.array(validArb(s.items ?? {}, doc, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      if (depth > 6) return fc.constant({});
      const props = s.properties ?? {};
      const record = fc.record(
        Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validArb(v, doc, depth + 1)])),
        { requiredKeys: (s.required ?? []).filter((k) => k in props) },
      );
      if (typeof s.additionalProperties === 'object' && Object.keys(props).length === 0) {
        const values = validArb(s.additionalProperties, doc, depth + 1);
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), values, { maxKeys: 3 });
      }
      return record;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Paths (as key lists) of a JSON value, the value itself first. */
function pathsOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(path);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) pathsOf(v, [...path, i], out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

/** A copy of `value` with the value at `path` replaced (or, for an object, a key added). */
function mutateAt(
  value: unknown,
  path: (string | number)[],
  replacement: unknown,
  addKey: string | null,
): unknown {
  if (path.length === 0) {
    if (addKey !== null && value && typeof value === 'object' && !Array.isArray(value)) {
      const copy: Record<string, unknown> = Object.create(null);
      Object.assign(copy, value);
      Object.defineProperty(copy, addKey, {
        value: replacement,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return copy;
    }
    return replacement;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = mutateAt(copy[head as number], rest, replacement, addKey);
    return copy;
  }
  const copy: Record<string, unknown> = Object.create(null);
  Object.assign(copy, value);
  copy[head as string] = mutateAt(copy[head as string], rest, replacement, addKey);
  return copy;
}

/** A valid-looking value with one field broken: replaced by a hostile value, or an extra key. */
export function nearValidArb(schema: JsonSchema, doc: unknown): fc.Arbitrary<unknown> {
  return validArb(schema, doc).chain((valid) => {
    const paths = pathsOf(valid);
    return fc
      .tuple(fc.constantFrom(...paths), nastyValue, fc.option(anyKey, { freq: 3 }))
      .map(([path, replacement, addKey]) => mutateAt(valid, path, replacement, addKey));
  });
}

/** A request body as text: mostly JSON of the kinds above, sometimes raw hostile text. */
export function bodyTextArb(schema: JsonSchema | null, doc: unknown): fc.Arbitrary<string> {
  const weighted: { arbitrary: fc.Arbitrary<unknown>; weight: number }[] = [
    { arbitrary: hostileJson, weight: 2 },
  ];
  if (schema) {
    weighted.push(
      { arbitrary: validArb(schema, doc), weight: 3 },
      { arbitrary: nearValidArb(schema, doc), weight: 5 },
    );
  }
  const json = fc.oneof(...weighted).map((v) => JSON.stringify(v) ?? 'null');
  return fc.oneof(
    { arbitrary: json, weight: 12 },
    // `__proto__` spelled in the text: JSON.parse makes it an own key, as an attacker's client would.
    {
      arbitrary: json.map((t) => (t.startsWith('{') ? `{"__proto__":{"isAdmin":true},${t.slice(1)}` : t)),
      weight: 2,
    },
    { arbitrary: json.map((t) => t.slice(0, Math.max(1, t.length - 1))), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 50 }), weight: 1 },
  );
}

/** One query-string value: the schema's own, or something hostile (always text). */
export function queryValueArb(schema: JsonSchema, doc: unknown): fc.Arbitrary<string> {
  const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  return fc.oneof(
    { arbitrary: validArb(schema, doc).map(asText), weight: 3 },
    { arbitrary: nastyValue.map(asText), weight: 2 },
  );
}

/** encodeURIComponent, or a raw escape that is not UTF-8 for text it cannot encode. */
export const encodeComponent = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};
