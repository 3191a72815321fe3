import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../../server/src/audit/audit-log';
import { openStore } from '../../server/src/db/open-store';
import type { Store } from '../../server/src/db/store';
import type { NewAuditEvent } from '../../server/src/repositories/audit';
import { newStoreLocation, tempDir } from './harness';

// Refusals on the public API are audited through insertSoon: one statement per event-loop
// turn instead of one per refused request.

const refusal = (ip: string): NewAuditEvent => ({
  at: new Date('2030-06-15T12:00:00.000Z'),
  actor: { type: 'token', id: null, name: 'unknown token' },
  action: 'token.denied',
  ip,
  reason: 'unknown_token',
});

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await nextTurn();
};

describe('deferred refusal audit rows', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function open(): Promise<{ path: string; store: Store; audit: AuditLog }> {
    const { dir, remove } = tempDir('wifox-audit-');
    const path = await newStoreLocation(dir, 'audit.db');
    const store = await openStore(path);
    let closed = false;
    cleanups.push(async () => {
      if (!closed) await store.close();
      remove();
    });
    const close = store.close.bind(store);
    store.close = async () => {
      closed = true;
      await close();
    };
    return { path, store, audit: new AuditLog(store.repos.audit) };
  }

  const countFromAnotherConnection = async (path: string): Promise<number> => {
    const other = await openStore(path);
    try {
      return (await other.repos.audit.list({ limit: 10_000 })).length;
    } finally {
      await other.close();
    }
  };

  it('writes a burst of refusals after the event-loop turn, all of them, in order', async () => {
    const { path, audit } = await open();
    for (let i = 1; i <= 50; i++) audit.insertSoon(refusal(`127.0.0.${i}`));
    // Queued, not written, within the turn that refused them.
    expect(audit.queued).toBe(50);
    // Nothing but the turn's own scheduled flush writes them.
    await vi.waitFor(async () => expect(await countFromAnotherConnection(path)).toBe(50), { timeout: 10_000, interval: 20 });
    const ips = (await audit.list({ limit: 100 })).map((event) => event.ip).reverse();
    expect(ips).toEqual(Array.from({ length: 50 }, (_, i) => `127.0.0.${i + 1}`));
  });

  it('flushes queued refusals before any other row and before a read, so ids keep time order', async () => {
    const { audit } = await open();
    audit.insertSoon(refusal('127.0.0.7'));
    await audit.insert({ at: new Date('2030-06-15T12:00:01.000Z'), actor: { type: 'employee', id: 1, name: 'Ada' }, action: 'login.failed', ip: '127.0.0.1' });
    audit.insertSoon(refusal('127.0.0.8'));
    // Read at once: the queued row is there too.
    expect((await audit.list({ limit: 10 })).map((event) => `${event.action}@${event.ip}`)).toEqual([
      'token.denied@127.0.0.8',
      'login.failed@127.0.0.1',
      'token.denied@127.0.0.7',
    ]);
  });

  it('keeps queued refusals when flushed before the store closes', async () => {
    const { path, store, audit } = await open();
    audit.insertSoon(refusal('127.0.0.9'));
    await audit.flush();
    await store.close();
    // The turn's scheduled flush finds nothing left to write and a closed store: no throw.
    await settle();
    expect(await countFromAnotherConnection(path)).toBe(1);
  });

  it('keeps a batch the store refused and writes it, once, on the next flush', async () => {
    const { path, store } = await open();
    let failNext = true;
    const repository = store.repos.audit;
    const flaky = Object.create(repository) as typeof repository;
    flaky.insertMany = async (events) => {
      if (failNext) {
        failNext = false;
        throw new Error('store unreachable');
      }
      return repository.insertMany(events);
    };
    const audit = new AuditLog(flaky);
    audit.insertSoon(refusal('127.0.0.10'));
    audit.insertSoon(refusal('127.0.0.11'));
    await expect(audit.flush()).rejects.toThrow('store unreachable');
    expect(audit.queued).toBe(2);
    await audit.flush();
    expect(audit.queued).toBe(0);
    expect(await countFromAnotherConnection(path)).toBe(2);
  });
});
