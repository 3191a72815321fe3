import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/src/db/open';
import { AuditRepository, type NewAuditEvent } from '../../server/src/repositories/audit';
import { tempDir } from './harness';

// Refusals on the public API are audited through insertSoon: one transaction per event-loop
// turn instead of one per refused request.

const refusal = (ip: string): NewAuditEvent => ({
  at: new Date('2030-06-15T12:00:00.000Z'),
  actor: { type: 'token', id: null, name: 'unknown token' },
  action: 'token.denied',
  ip,
  reason: 'unknown_token',
});

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('deferred refusal audit rows', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  function open(): { path: string; db: Db; audit: AuditRepository } {
    const { dir, remove } = tempDir('wifox-audit-');
    const path = join(dir, 'audit.db');
    const db = openDatabase(path);
    cleanups.push(() => {
      if (db.open) db.close();
      remove();
    });
    return { path, db, audit: new AuditRepository(db) };
  }

  const countFromAnotherConnection = (path: string): number => {
    const other = openDatabase(path);
    try {
      return other.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
    } finally {
      other.close();
    }
  };

  it('writes a burst of refusals at the end of the event-loop turn, all of them, in order', async () => {
    const { path, audit } = open();
    for (let i = 1; i <= 50; i++) audit.insertSoon(refusal(`127.0.0.${i}`));
    expect(countFromAnotherConnection(path)).toBe(0);
    await nextTurn();
    expect(countFromAnotherConnection(path)).toBe(50);
    const ips = audit.list({ limit: 100 }).map((event) => event.ip).reverse();
    expect(ips).toEqual(Array.from({ length: 50 }, (_, i) => `127.0.0.${i + 1}`));
  });

  it('flushes queued refusals before any other row and before a read, so ids keep time order', () => {
    const { audit } = open();
    audit.insertSoon(refusal('127.0.0.7'));
    audit.insert({ at: new Date('2030-06-15T12:00:01.000Z'), actor: { type: 'employee', id: 1, name: 'Ada' }, action: 'login.failed', ip: '127.0.0.1' });
    audit.insertSoon(refusal('127.0.0.8'));
    // Read in the same turn: the queued row is there too.
    expect(audit.list({ limit: 10 }).map((event) => `${event.action}@${event.ip}`)).toEqual([
      'token.denied@127.0.0.8',
      'login.failed@127.0.0.1',
      'token.denied@127.0.0.7',
    ]);
  });

  it('keeps queued refusals when flushed before the database closes', async () => {
    const { path, db, audit } = open();
    audit.insertSoon(refusal('127.0.0.9'));
    audit.flush();
    db.close();
    // The turn's scheduled flush finds nothing left to write and a closed database: no throw.
    await nextTurn();
    expect(countFromAnotherConnection(path)).toBe(1);
  });
});
