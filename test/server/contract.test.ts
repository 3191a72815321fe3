import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acceptor, arbitrary, objectArb, type Hints } from './contract/arbitraries';
import { compile, createAjv, operations, type Document, type Operation, type Schema } from './contract/schemas';
import { parameterViolations, violations } from './contract/violations';
import { TestClock, createToken, login, request, roleId, startServer, type ErrorReply, type Reply, type Session, type Started } from './harness';

// Property-based contract test: requests are built from the served OpenAPI document alone, and
// every answer must be documented for its operation and match the documented schema.

const RUNS_PER_OPERATION = 12;
const clock = new TestClock('2030-06-15T12:00:00.000Z');

let server: Started;
let admin: Session;
let publicAuth: Record<string, string>;
let publicTokenId: number;
let publicTokenRole: number;
let doc: Document;
const ajv = createAjv();
const accepts = acceptor((schema) => compile(ajv, schema));

// Rules the document states in prose only; values that keep them, so that a valid request never
// meets validation_failed (but for a roleId or moveTokensTo naming no role, or the role being
// deleted, which no schema can rule out).
const hints: Hints = {
  bySlot: {
    'whitelist[]': fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.')),
      fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255)).map((parts) => `${parts.join('.')}.0/24`),
      fc.constantFrom('2001:db8::/32', '2001:db8:1::7', '::1'),
    ),
    'if-match': fc.integer({ min: 1, max: 4 }).map((version) => `"${version}"`),
  },
  byFormat: {
    // Expiry dates may not be in the past: the server's clock is in 2030.
    date: fc.date({ min: new Date('2031-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  },
};

beforeAll(async () => {
  server = await startServer({ demo: true, clock: clock.now });
  admin = await login(server.port);
  const everything = await roleId(server.port, admin, 'Administrator');
  const { secret, token } = await createToken(server.port, admin, { name: 'Contract test', roleId: everything });
  publicTokenId = token.id;
  publicTokenRole = everything;
  // Ids mostly of records that exist, never the token the public calls use.
  hints.bySlot.id = fc
    .oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) })
    .filter((id) => id !== publicTokenId);
  // Roles that exist, so a body is judged on more than the first missing reference.
  const roles = (await request<{ items: { id: number }[] }>(server.port, '/api/admin/roles', { headers: admin.auth })).body.items;
  hints.bySlot.roleId = fc.constantFrom(...roles.map((role) => role.id));
  // Cursors the server gave: a page cursor fits only the listing it came from (else 400 naming it).
  const listing = (await request<{ nextCursor: string | null; changeCursor: string }>(server.port, '/api/admin/identification-tokens?pageSize=1', { headers: admin.auth })).body;
  hints.bySlot.changedSince = fc.constant(listing.changeCursor);
  hints.bySlot.cursor = fc.constant(listing.nextCursor ?? listing.changeCursor);
  publicAuth = { authorization: secret };
  doc = (await request<Document>(server.port, '/api/public/docs/openapi.json')).body;
});
// The first test may leave a random token policy behind (PUT is one of the operations it
// calls); each test starts without one, whatever the shuffled order.
beforeEach(async () => {
  const reset = await request(server.port, '/api/admin/settings/token-policy', {
    method: 'PUT',
    headers: admin.auth,
    json: { maxLifetimeDays: null, requireWhitelist: false, widestIpv4Prefix: null, widestIpv6Prefix: null },
  });
  expect(reset.status).toBe(200);
});
afterAll(async () => {
  await server.close();
});

interface Built {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body?: Record<string, unknown>;
}

function parametersOf(op: Operation, where: 'path' | 'query' | 'header') {
  return (op.parameters ?? []).filter((parameter) => parameter.in === where);
}

function bodySchema(op: Operation): Schema | undefined {
  return op.requestBody?.content['application/json']?.schema;
}

function requestArb(op: Operation): fc.Arbitrary<Built> {
  const group = (where: 'path' | 'query' | 'header') => {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const parameter of parametersOf(op, where)) {
      properties[parameter.name] = parameter.schema;
      if (parameter.required === true) required.push(parameter.name);
    }
    return objectArb({ type: 'object', properties, required }, hints, accepts);
  };
  const body = bodySchema(op);
  return fc.record({
    path: group('path'),
    query: group('query'),
    headers: group('header'),
    ...(body ? { body: objectArb(body, hints, accepts) } : {}),
  });
}

async function send(method: string, template: string, op: Operation, built: Built, auth?: Record<string, string>): Promise<Reply<ErrorReply>> {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(built.path[name])));
  const query = new URLSearchParams(Object.entries(built.query).map(([key, value]): [string, string] => [key, String(value)])).toString();
  const security = JSON.stringify(op.security ?? []);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(built.headers).map(([key, value]) => [key, String(value)])),
    ...(auth ?? (security.includes('adminBearer') ? admin.auth : security.includes('identificationToken') ? publicAuth : {})),
  };
  return request<ErrorReply>(server.port, query ? `${path}?${query}` : path, {
    method: method.toUpperCase(),
    headers,
    ...(built.body !== undefined ? { json: built.body } : {}),
  });
}

/** The answer's status is documented for the operation, and its body is the documented one. */
function expectDocumented(label: string, op: Operation, reply: Reply): void {
  const documented = op.responses[String(reply.status)];
  expect(documented, `${label}: undocumented ${reply.status} ${reply.text}`).toBeDefined();
  for (const [name, header] of Object.entries(documented?.headers ?? {})) {
    const value = reply.headers[name.toLowerCase()];
    expect(typeof value, `${label}: header ${name}`).toBe('string');
    const typed = header.schema.type === 'integer' ? Number(value) : value;
    if (header.schema.type === 'integer') expect(String(value), `${label}: header ${name}`).toMatch(/^\d+$/);
    expect(compile(ajv, header.schema)(typed), `${label}: header ${name}: ${String(value)}`).toBe(true);
  }
  const media = documented?.content?.['application/json'];
  if (!media) {
    expect(reply.text, `${label}: ${reply.status} has no content`).toBe('');
    return;
  }
  expect(reply.headers['content-type'], label).toMatch(/^application\/json/);
  const validate = compile(ajv, media.schema);
  expect(validate(reply.body), `${label}: ${JSON.stringify(validate.errors)} in ${reply.text.slice(0, 500)}`).toBe(true);
}

function expectRefused(label: string, reply: Reply<ErrorReply>, field: string): void {
  expect(reply.status, `${label}: ${reply.text}`).toBe(400);
  expect(reply.body.code, label).toBe('validation_failed');
  const fields = (reply.body.details ?? []).map((detail) => detail.field);
  expect(fields.some((name) => name === field || name.startsWith(`${field}.`)), `${label}: fields ${fields.join(', ')}`).toBe(true);
}

const sample = <T>(arb: fc.Arbitrary<T>, seed: number): T => fc.sample(arb, { numRuns: 1, seed })[0] as T;

describe('the server keeps to its OpenAPI document', () => {
  it('answers valid requests built from the document with a documented status and body', async () => {
    const all = operations(doc);
    expect(all.length).toBeGreaterThan(20);
    const succeeded = new Set<string>();
    for (const { method, path, op } of all) {
      await fc.assert(
        fc.asyncProperty(requestArb(op), async (built) => {
          // Signing out ends the session: each run signs out a session of its own.
          const auth = path.endsWith('/logout') ? (await login(server.port)).auth : undefined;
          const label = `${method.toUpperCase()} ${path} ${JSON.stringify(built).slice(0, 300)}`;
          const reply = await send(method, path, op, built, auth);
          expectDocumented(label, op, reply);
          if (reply.status < 300) succeeded.add(`${method} ${path}`);
          // A role id may name no role, and opaque cursors cannot be built from the document.
          if (reply.status === 400 && reply.body.code === 'validation_failed') {
            const fields = (reply.body.details ?? []).map((detail) => detail.field);
            expect(fields.length, `${label}: ${reply.text}`).toBe(1);
            expect([path.startsWith('/api/admin/roles') ? 'moveTokensTo' : 'roleId', 'cursor', 'changedSince'], `${label}: ${reply.text}`).toContain(fields[0]);
          }
        }),
        { numRuns: RUNS_PER_OPERATION, seed: 19, endOnFailure: true },
      );
    }
    // Random credentials never sign in; every other operation met success at least once.
    const unsigned = all.filter(({ path }) => path.endsWith('/login') || path.endsWith('/refresh')).map(({ method, path }) => `${method} ${path}`);
    expect(all.map(({ method, path }) => `${method} ${path}`).filter((key) => !succeeded.has(key) && !unsigned.includes(key))).toEqual([]);
  });

  it('refuses each documented constraint broken in turn with 400 validation_failed naming the field', async () => {
    let checked = 0;
    // A token that exists, so rules checked after the lookup are reached.
    const target = await createToken(server.port, admin, { name: 'Contract target', roleId: publicTokenRole });
    for (const { method, path, op } of operations(doc)) {
      const sampled = sample(requestArb(op), 19);
      const baseline = 'id' in sampled.path ? { ...sampled, path: { ...sampled.path, id: target.token.id } } : sampled;
      const label = (where: string, rule: string) => `${method.toUpperCase()} ${path} ${where} ${rule}`;
      for (const where of ['path', 'query'] as const) {
        for (const parameter of parametersOf(op, where)) {
          for (const violation of parameterViolations(parameter.schema)) {
            const built = { ...baseline, [where]: { ...baseline[where], [parameter.name]: violation.value } };
            expectRefused(label(parameter.name, violation.rule), await send(method, path, op, built), parameter.name);
            checked++;
          }
        }
      }
      const body = bodySchema(op);
      if (!body || !baseline.body) continue;
      const properties = (body.properties ?? {}) as Record<string, Schema>;
      for (const [name, schema] of Object.entries(properties)) {
        const items = (schema.items ?? {}) as Schema;
        const itemArb = arbitrary(items, hints, `${name}[]`, accepts);
        const over = typeof schema.maxItems === 'number' ? schema.maxItems + 1 : 0;
        const broken = violations(
          schema,
          () => sample(itemArb, 7),
          () => sample(fc.uniqueArray(itemArb, { minLength: over, maxLength: over, selector: (value) => JSON.stringify(value) }), 7),
        );
        for (const violation of broken) {
          expect(compile(ajv, schema)(violation.value), label(name, `${violation.rule} breaks the document`)).toBe(false);
          const built = { ...baseline, body: { ...baseline.body, [name]: violation.value } };
          expectRefused(label(name, violation.rule), await send(method, path, op, built), name);
          checked++;
        }
        if (((body.required ?? []) as string[]).includes(name)) {
          const { [name]: _omitted, ...rest } = baseline.body;
          expectRefused(label(name, 'required'), await send(method, path, op, { ...baseline, body: rest }), name);
          checked++;
        }
      }
      if (body.additionalProperties === false) {
        const built = { ...baseline, body: { ...baseline.body, unexpectedField: 1 } };
        expectRefused(label('unexpectedField', 'additionalProperties'), await send(method, path, op, built), 'unexpectedField');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
