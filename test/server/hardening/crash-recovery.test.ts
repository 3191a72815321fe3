import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { identificationTokenSchema, tokenListResponseSchema } from '../../../shared/api';
import { tokenNameKey, validateTokenName, validateWhitelist } from '../../../shared/domain';
import { openStore } from '../../../server/src/db/open-store';
import { tokenView } from '../../../server/src/tokens/token-view';
import { login, request, roleId, tempDir, type Session } from '../harness';
import { PROCESS_ADMIN, spawnServer } from './server-process';

const TOKENS = '/api/admin/identification-tokens';
const WORKERS = 6;
const KILL_AFTER_ACKS = 40;
const { dir, remove } = tempDir('wifox-crash-');
const dbPath = join(dir, 'crash.db');
afterAll(() => remove());

interface AckedCreate {
  id: number;
  name: string;
  secret: string;
}
interface AckedUpdate {
  id: number;
  version: number;
  whitelist: string[];
}

interface TokenRowRaw {
  id: number;
  name: string;
  name_key: string;
  whitelist: string;
  expires_on: string | null;
  secret_hash: Buffer;
  secret_hint: string;
  version: number;
}

/**
 * Workers create tokens and edit each a few times, recording every write whose 2xx arrived.
 * Once enough are acknowledged the process is SIGKILLed, with the other workers' requests in
 * flight; those fail and count as unacknowledged (they may or may not have landed).
 */
async function burst(port: number, admin: Session, role: number, kill: () => void) {
  const creates: AckedCreate[] = [];
  const updates: AckedUpdate[] = [];
  let killed = false;
  const acknowledged = (): void => {
    if (!killed && creates.length + updates.length >= KILL_AFTER_ACKS) {
      killed = true;
      kill();
    }
  };

  async function worker(w: number): Promise<void> {
    for (let n = 0; !killed; n++) {
      const name = `Burst-${w}-${n}`;
      let created;
      try {
        created = await request<{ token: { id: number; version: number }; secret: string }>(port, TOKENS, {
          headers: admin.auth,
          json: { name, roleId: role, whitelist: ['127.0.0.1', `10.${w}.${n}.0/24`] },
        });
      } catch {
        return;
      }
      if (created.status !== 201) throw new Error(`create answered ${created.status}: ${created.text}`);
      creates.push({ id: created.body.token.id, name, secret: created.body.secret });
      acknowledged();
      let version = created.body.token.version;
      for (let k = 1; k <= 3 && !killed; k++) {
        const whitelist = ['127.0.0.1', `10.${w}.${n}.${k}`];
        let edited;
        try {
          edited = await request<{ version: number }>(port, `${TOKENS}/${created.body.token.id}`, {
            method: 'PATCH',
            headers: { ...admin.auth, 'if-match': `"${version}"` },
            json: { whitelist, expiresOn: `2031-01-${String(k).padStart(2, '0')}` },
          });
        } catch {
          return;
        }
        if (edited.status !== 200) throw new Error(`update answered ${edited.status}: ${edited.text}`);
        version = edited.body.version;
        updates.push({ id: created.body.token.id, version, whitelist });
        acknowledged();
      }
    }
  }

  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  return { creates, updates };
}

// Every row also reads back through the repository and the API's token schema.
async function readsBack(path: string): Promise<void> {
  const store = await openStore(path);
  try {
    for (const row of await store.repos.tokens.listPage({ filter: {}, sort: 'name', order: 'asc', limit: 1_000_000 })) identificationTokenSchema.parse(tokenView(row, {}, new Date(), 'UTC'));
  } finally {
    await store.close();
  }
}

function checkRows(path: string): TokenRowRaw[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const rows = db.prepare('SELECT id, name, name_key, whitelist, expires_on, secret_hash, secret_hint, version FROM tokens').all() as TokenRowRaw[];
    const updatesOf = db.prepare("SELECT count(*) FROM audit_events WHERE action = 'token.updated' AND token_id = ?").pluck();
    const createdOf = db.prepare("SELECT count(*) FROM audit_events WHERE action = 'token.created' AND token_id = ?").pluck();
    for (const row of rows) {
      const name = validateTokenName(row.name);
      expect(name.ok && name.value).toBe(row.name);
      expect(row.name_key).toBe(tokenNameKey(row.name));
      const whitelist: unknown = JSON.parse(row.whitelist);
      expect(Array.isArray(whitelist)).toBe(true);
      const checked = validateWhitelist(whitelist as string[]);
      expect(checked.ok && checked.entries).toEqual(whitelist);
      expect(row.expires_on === null || /^\d{4}-\d{2}-\d{2}$/.test(row.expires_on)).toBe(true);
      expect(row.secret_hash).toHaveLength(32);
      expect(row.secret_hint).toMatch(/^wfx_[0-9A-Za-z]{4}$/);
      // A token and its audit row are one transaction: the version counts the edits the trail shows.
      expect(createdOf.get(row.id)).toBe(1);
      expect(row.version).toBe(1 + (updatesOf.get(row.id) as number));
    }
    // ...and no trail entry describes a token that is not there.
    const orphans = db.prepare("SELECT count(*) FROM audit_events a WHERE a.action IN ('token.created', 'token.updated') AND NOT EXISTS (SELECT 1 FROM tokens t WHERE t.id = a.token_id)").pluck().get();
    expect(orphans).toBe(0);
    return rows;
  } finally {
    db.close();
  }
}

describe('a SIGKILL during a burst of writes', () => {
  it('reopens the database with every acknowledged write present and no token half-written', async () => {
    const first = await spawnServer(dbPath);
    const admin = await login(first.port, PROCESS_ADMIN);
    const role = await roleId(first.port, admin, 'Administrator');
    const acked = await burst(first.port, admin, role, () => first.child.kill('SIGKILL'));
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acked.creates.length).toBeGreaterThan(0);
    expect(acked.updates.length).toBeGreaterThan(0);
    // Nothing was checkpointed or closed cleanly: the restart has a write-ahead log to recover.
    expect(existsSync(`${dbPath}-wal`)).toBe(true);

    const second = await spawnServer(dbPath);
    try {
      const again = await login(second.port, PROCESS_ADMIN);
      const list = await request(second.port, `${TOKENS}?pageSize=500`, { headers: again.auth });
      expect(list.status).toBe(200);
      const stored = new Map(tokenListResponseSchema.parse(list.body).items.map((token) => [token.id, token]));

      for (const create of acked.creates) {
        expect(stored.get(create.id)?.name).toBe(create.name);
        const verify = await request(second.port, '/api/public/tokens/verify', { headers: { authorization: create.secret } });
        expect(verify.status, create.name).toBe(200);
      }
      const lastAck = new Map<number, AckedUpdate>();
      for (const update of acked.updates) {
        if ((lastAck.get(update.id)?.version ?? 0) < update.version) lastAck.set(update.id, update);
      }
      for (const [id, update] of lastAck) {
        const token = stored.get(id);
        // At most the one edit in flight at the kill can have landed unacknowledged.
        expect([update.version, update.version + 1]).toContain(token?.version);
        if (token?.version === update.version) expect(token.whitelist).toEqual(update.whitelist);
      }

      const rows = checkRows(dbPath);
      await readsBack(dbPath);
      expect(rows.length).toBeGreaterThanOrEqual(acked.creates.length);
      expect(rows.length).toBe(stored.size);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toEqual({ code: 0, signal: null });
    }
  }, 60_000);
});
