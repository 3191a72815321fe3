import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scheduler } from '../../../main/ports';
import { allowedErrors, type Channel, CHANNELS, ipcContract } from '../../../shared/ipc/contract';
import { envelopeSchema } from '../../../shared/ipc/errors';
import { APP_SENDER, buildConsole, type TestConsole } from '../support/console';
import { InMemoryStore } from '../support/memory-store';
import { closedPortUrl } from '../support/stub-server';

// Every IPC argument schema, fed arbitrary structured-clone values and near-valid objects
// through the real router and services. Valid arguments fail fast: nobody is signed in, and the
// one profile points at a loopback port nothing listens on.

const RUNS = { numRuns: 10_000 };
const TIMEOUT_MS = 120_000;

// Clipboard timers are not the subject here; none is left running.
const idleScheduler: Scheduler = { setTimeout: () => 0, clearTimeout: () => undefined };

let closedUrl: string;
let closedProfileId: string;
let userDataDir: string;

beforeAll(async () => {
  closedUrl = await closedPortUrl();
  userDataDir = mkdtempSync(join(tmpdir(), 'wifox-ipc-properties-'));
});

afterAll(() => rmSync(userDataDir, { recursive: true, force: true }));

const newConsole = (): TestConsole =>
  buildConsole({ store: new InMemoryStore(), scheduler: idleScheduler, userDataDir, http: { timeoutMs: 1_000, retryDelayMs: 1 } });

const withClosedProfile = async (): Promise<TestConsole> => {
  const console = newConsole();
  const saved = (await console.call('profiles.save', { name: 'Closed port', baseUrl: closedUrl, email: 'admin@example.test' })) as {
    ok: boolean;
    value: { id: string };
  };
  expect(saved.ok).toBe(true);
  closedProfileId = saved.value.id;
  return console;
};

// Whatever a page could put through structured clone.
const anyValue = fc.anything({
  maxDepth: 3,
  maxKeys: 5,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withObjectString: true,
});

const wrongValue = fc.oneof(
  anyValue,
  fc.constantFrom('', ' ', -1, 0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, null, [], {}, true, '__proto__', 'x'.repeat(5_000)),
);

const ABSENT = Symbol('absent');
type Field = { valid: fc.Arbitrary<unknown>; optional?: boolean };

// Objects shaped like the schema: each field valid most of the time, sometimes wrong, sometimes
// missing, now and then with unknown keys (and __proto__) beside them.
const nearValid = (shape: Record<string, Field>): fc.Arbitrary<unknown> => {
  const fields = Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [
      key,
      fc.oneof(
        { weight: 6, arbitrary: field.valid },
        { weight: 2, arbitrary: wrongValue },
        { weight: field.optional ? 2 : 1, arbitrary: fc.constant(ABSENT) },
      ),
    ]),
  );
  const extra = fc.option(fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor')), anyValue, { maxKeys: 3 }), {
    nil: undefined,
    freq: 4,
  });
  return fc.tuple(fc.record(fields), extra).map(([values, more]) => {
    const object: Record<string, unknown> = { ...more };
    for (const [key, value] of Object.entries(values)) if (value !== ABSENT) object[key] = value;
    return object;
  });
};

const id = fc.oneof(fc.integer({ min: 1, max: 2 ** 31 }), fc.constant(1));
const isoDate = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2200-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const tokenName = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._-]{2,63}$/),
  fc.string({ maxLength: 70 }),
  fc.string({ unit: 'grapheme', maxLength: 70 }),
);
const whitelist = fc.array(
  fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('10.0.0.0/8', '2001:db8::/32', '1.2.3.4/33', '01.2.3.4', '::ffff:1.2.3.4/90'), fc.string({ maxLength: 40 })),
  { maxLength: 6 },
);
const roleRights = fc.dictionary(
  fc.oneof(fc.constantFrom('clients', 'logs', 'security', 'kyc-documents'), fc.string({ maxLength: 12 })),
  nearValid({
    view: { valid: fc.constantFrom('none', 'own', 'all') },
    manage: { valid: fc.array(fc.constantFrom('create_edit', 'manage_own', 'manage_all', 'delete', 'x'), { maxLength: 5 }) },
  }),
  { maxKeys: 4 },
);
const snapshotId = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), fc.constantFrom('..', '../../etc/passwd', 'a/b', 'CON', ''));
// The existing profile now and then: each sign-in with it is a refused connection (~15 ms).
const profileId = () =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(closedProfileId) }, { weight: 30, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) });

const snapshotRef = () =>
  fc.oneof(
    fc.constant({ kind: 'live' }),
    profileId().map((id) => ({ kind: 'cached', profileId: id })),
    snapshotId.map((id) => ({ kind: 'opened', id })),
    nearValid({ kind: { valid: fc.constantFrom('live', 'cached', 'opened') }, profileId: { valid: profileId(), optional: true }, id: { valid: snapshotId, optional: true } }),
  );

const argumentsOf = (): Record<Exclude<Channel, NoArgChannel>, fc.Arbitrary<unknown>> => ({
  'profiles.save': nearValid({
    id: { valid: profileId(), optional: true },
    name: { valid: fc.string({ minLength: 1, maxLength: 90 }) },
    baseUrl: { valid: fc.oneof(fc.constant(closedUrl), fc.webUrl(), fc.constantFrom('http://wifox.example.com', 'https://u:p@wifox.example', 'http://[::1]:1/')) },
    email: { valid: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 30 })) },
  }),
  'profiles.remove': nearValid({ id: { valid: profileId() } }),
  'profiles.signingKeys': nearValid({ profileId: { valid: profileId() } }),
  'profiles.acceptSigningKey': nearValid({ profileId: { valid: profileId() }, keyId: { valid: fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), fc.string({ maxLength: 20 })) } }),
  'session.signIn': nearValid({ profileId: { valid: profileId() }, password: { valid: fc.string({ minLength: 1, maxLength: 64 }) } }),
  'tokens.get': nearValid({ id: { valid: id } }),
  'tokens.delete': nearValid({ id: { valid: id } }),
  'tokens.create': nearValid({
    name: { valid: tokenName },
    roleId: { valid: id },
    expiresOn: { valid: fc.oneof(isoDate, fc.constant(null)), optional: true },
    whitelist: { valid: whitelist, optional: true },
  }),
  'tokens.update': nearValid({
    id: { valid: id },
    version: { valid: fc.integer({ min: 1, max: 1_000 }) },
    changes: {
      valid: nearValid({
        name: { valid: tokenName, optional: true },
        roleId: { valid: id, optional: true },
        expiresOn: { valid: fc.oneof(isoDate, fc.constant(null)), optional: true },
        whitelist: { valid: whitelist, optional: true },
      }),
    },
  }),
  'tokens.rotateSecret': nearValid({
    id: { valid: id },
    version: { valid: fc.integer({ min: 1, max: 1_000 }) },
    overlapHours: { valid: fc.constantFrom(0, 1, 24, 168, 169, -1) },
  }),
  'tokens.listRest': nearValid({ listId: { valid: snapshotId }, offset: { valid: fc.integer({ min: 0, max: 100_000 }) } }),
  'tokens.endOverlap': nearValid({ id: { valid: id }, version: { valid: fc.integer({ min: 1, max: 1_000 }) } }),
  'leaks.check': nearValid({ text: { valid: fc.oneof(fc.string({ maxLength: 200 }), fc.constant('wfx_0000000000000000000000000000000000000 and wfx_short')) } }),
  'audit.list': nearValid({
    tokenId: { valid: fc.oneof(id, id.map(String)), optional: true },
    limit: { valid: fc.integer({ min: 1, max: 500 }), optional: true },
    before: { valid: id, optional: true },
  }),
  'auditLog.page': nearValid({
    filter: { valid: nearValid({ action: { valid: fc.constantFrom('token.denied', 'token.created', 'x'), optional: true }, ip: { valid: fc.string({ maxLength: 70 }), optional: true }, from: { valid: isoDate, optional: true } }) },
    cursor: { valid: fc.string({ maxLength: 40 }), optional: true },
    limit: { valid: fc.integer({ min: 0, max: 501 }) },
  }),
  'auditLog.refusals': nearValid({ window: { valid: fc.constantFrom('24h', '7d', '1y') } }),
  'auditLog.export': nearValid({ filter: { valid: nearValid({ actor: { valid: fc.string({ maxLength: 210 }), optional: true } }) } }),
  'usage.token': nearValid({ id: { valid: id } }),
  'clipboard.copySecret': nearValid({ secret: { valid: fc.string({ minLength: 1, maxLength: 520 }) } }),
  'inventory.cachedInfo': nearValid({ profileId: { valid: profileId() } }),
  'inventory.cached': nearValid({ profileId: { valid: profileId() } }),
  'inventory.rows': nearValid({ id: { valid: snapshotId }, offset: { valid: fc.integer({ min: 0, max: 100_000 }) } }),
  'inventory.close': nearValid({ id: { valid: snapshotId } }),
  'inventory.export': nearValid({ source: { valid: snapshotRef() }, format: { valid: fc.constantFrom('json', 'csv') } }),
  'inventory.compare': nearValid({ left: { valid: snapshotRef() }, right: { valid: snapshotRef() } }),
  'roles.create': nearValid({
    name: { valid: fc.string({ maxLength: 110 }) },
    type: { valid: fc.constantFrom('employee', 'affiliate') },
    rank: { valid: fc.integer({ min: 0, max: 1_001 }) },
    rights: { valid: roleRights },
  }),
  'policy.update': nearValid({
    version: { valid: fc.integer({ min: 1, max: 1_000 }) },
    rules: {
      valid: nearValid({
        maxLifetimeDays: { valid: fc.option(fc.integer({ min: 0, max: 4_000 })) },
        requireWhitelist: { valid: fc.boolean() },
        widestIpv4Prefix: { valid: fc.option(fc.integer({ min: 0, max: 33 })) },
        widestIpv6Prefix: { valid: fc.option(fc.integer({ min: 0, max: 129 })) },
      }),
    },
  }),
  'roles.update': nearValid({
    id: { valid: id },
    version: { valid: fc.integer({ min: 1, max: 1_000 }) },
    changes: {
      valid: nearValid({
        type: { valid: fc.constantFrom('employee', 'affiliate'), optional: true },
        rank: { valid: fc.integer({ min: 0, max: 1_001 }), optional: true },
        rights: { valid: roleRights, optional: true },
      }),
    },
  }),
  'roles.duplicate': nearValid({ id: { valid: id }, name: { valid: fc.string({ maxLength: 110 }) }, rank: { valid: fc.integer({ min: 0, max: 1_001 }), optional: true } }),
  'roles.delete': nearValid({ id: { valid: id }, version: { valid: fc.integer({ min: 1, max: 1_000 }) }, moveTokensTo: { valid: id, optional: true } }),
  'settings.set': nearValid({
    clipboardClearSeconds: { valid: fc.constantFrom(10, 30, 60, 120, null), optional: true },
    theme: { valid: fc.constantFrom('system', 'light', 'dark'), optional: true },
    reminderHorizonDays: { valid: fc.integer({ min: 0, max: 100 }), optional: true },
    expiryNotifications: { valid: fc.boolean(), optional: true },
  }),
  'tokens.bulk': nearValid({
    action: {
      valid: fc.oneof(
        fc.constant({ kind: 'delete' }),
        isoDate.map((expiresOn) => ({ kind: 'setExpiry', expiresOn })),
        fc.integer({ min: 0, max: 4_000 }).map((days) => ({ kind: 'extendExpiry', days })),
        id.map((roleId) => ({ kind: 'moveRole', roleId })),
        nearValid({ kind: { valid: fc.constantFrom('delete', 'setExpiry', 'extendExpiry', 'moveRole', 'x') }, days: { valid: fc.integer(), optional: true } }),
      ),
    },
    items: {
      valid: fc.array(
        nearValid({ id: { valid: id }, version: { valid: fc.integer({ min: 1, max: 1_000 }) }, expiresOn: { valid: fc.oneof(isoDate, fc.constant(null)) } }),
        { maxLength: 3 },
      ),
    },
  }),
});

const NO_ARG = [
  'profiles.list',
  'session.signOut',
  'session.state',
  'policy.get',
  'catalog.modules',
  'roles.list',
  'roles.settings',
  'settings.org',
  'tokens.list',
  'settings.get',
  'inventory.open',
  'usage.totals',
  'reminders.status',
] as const satisfies readonly Channel[];
type NoArgChannel = (typeof NO_ARG)[number];

// The promise: dispatch never throws, always answers an envelope, and a refusal carries a code
// the channel declares (never a crash) and a message a person can read. Plain checks rather
// than expect(): 10,000 cases a channel make expect's bookkeeping the slowest part.
const checkAnswer = async (console: TestConsole, channel: Channel, arg: unknown): Promise<void> => {
  const refuse = (why: string, answer: unknown): never => {
    throw new Error(`${channel}: ${why}: ${String(JSON.stringify(answer)).slice(0, 300)}`);
  };
  let answer: unknown;
  try {
    answer = await console.router.dispatch(channel, arg, APP_SENDER);
  } catch (error) {
    return refuse('dispatch threw', String(error));
  }
  const envelope = envelopeSchema.safeParse(answer);
  if (!envelope.success) return refuse('not an envelope', answer);
  if (envelope.data.ok) {
    const result = ipcContract[channel].result as { safeParse(value: unknown): { success: boolean } };
    if (!result.safeParse(envelope.data.value).success) refuse('a result outside the contract', answer);
    return;
  }
  const { error } = envelope.data;
  if (!allowedErrors(channel).includes(error.code)) refuse('a code the channel does not declare', answer);
  if (error.code === 'internal') refuse('an internal error', answer);
  if (error.message.trim() === '') refuse('an empty message', answer);
  if ((error.details ?? []).some((detail) => detail.message.trim() === '')) refuse('a detail without a message', answer);
};

describe('every IPC argument schema, through the real router (10,000 cases each)', () => {
  it('covers every channel of the contract', () => {
    expect([...Object.keys(argumentsOf()), ...NO_ARG].sort()).toEqual([...CHANNELS].sort());
  });

  for (const channel of Object.keys(ipcContract) as Channel[]) {
    if ((NO_ARG as readonly string[]).includes(channel)) continue;
    it(
      `${channel}: arbitrary and near-valid arguments never throw, and every refusal is explained`,
      async () => {
        const console = await withClosedProfile();
        const initialProfiles = console.store.get('profiles');
        const arbitrary = fc.oneof({ weight: 1, arbitrary: anyValue }, { weight: 3, arbitrary: argumentsOf()[channel as Exclude<Channel, NoArgChannel>] });
        let accepted = 0;
        await fc.assert(
          fc.asyncProperty(arbitrary, async (arg) => {
            // Saved or removed profiles would carry over; each case starts from the one profile.
            console.store.set('profiles', initialProfiles);
            const before = (ipcContract[channel].arg as { safeParse(v: unknown): { success: boolean } }).safeParse(arg).success;
            if (before) accepted++;
            await checkAnswer(console, channel, arg);
          }),
          RUNS,
        );
        // The generators must reach past the schema sometimes, or the services were never asked.
        expect(accepted).toBeGreaterThan(100);
      },
      TIMEOUT_MS,
    );
  }

  it(
    'channels without an argument: any value is refused or ignored, never a crash',
    async () => {
      const console = await withClosedProfile();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...NO_ARG), fc.oneof(anyValue, fc.constant(undefined)), async (channel, arg) => {
          await checkAnswer(console, channel, arg);
        }),
        RUNS,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'unknown channel names are refused with validation, whatever the argument',
    async () => {
      const console = newConsole();
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'tokens', 'tokens.list.x')), anyValue, async (channel, arg) => {
          const answer = await console.router.dispatch(channel, arg, APP_SENDER);
          if ((CHANNELS as string[]).includes(channel)) return;
          if (answer.ok || answer.error.code !== 'validation' || answer.error.message.trim() === '') {
            throw new Error(`unknown channel ${JSON.stringify(channel)} answered ${JSON.stringify(answer).slice(0, 300)}`);
          }
        }),
        RUNS,
      );
    },
    TIMEOUT_MS,
  );
});
