import pg from 'pg';
import type { ChangeHandlers, StoreChange } from './store';

export const CHANGES_CHANNEL = 'wifox_changes';
const RECONNECT_MS = 500;

function parseChange(payload: string | undefined): StoreChange | null {
  try {
    const value = JSON.parse(payload ?? '') as StoreChange;
    if ((value.kind === 'token' || value.kind === 'role') && Number.isInteger(value.id)) return value;
    if (value.kind === 'refusals' && typeof value.address === 'string' && Number.isFinite(value.until)) return value;
  } catch {
    // A foreign payload on our channel is ignored, not trusted.
  }
  return null;
}

/**
 * One connection per node that LISTENs for the other nodes' changes (NOTIFY is sent in the
 * writing transaction, so it arrives only if that transaction committed). While the
 * connection is down, changes can be missed: `down` tells the caches to stop trusting
 * themselves, and `up` (after LISTEN succeeded again) lets them fill anew.
 */
export class PgChangeListener {
  private client: pg.Client | null = null;
  // caughtUp's round trip on the wire, and the one that follows it for those who asked meanwhile.
  private trip: Promise<void> | null = null;
  private nextTrip: Promise<void> | null = null;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly handlers: ChangeHandlers,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  /**
   * A round trip on the listening connection. A NOTIFY reaches the other sessions when its
   * transaction commits, and PostgreSQL sends a session its pending notices before it answers
   * that session's next query, so once this answers every change committed before it was asked
   * has been handled. A notice alone could arrive after the next request another node serves.
   * Without a connection there is nothing to wait for: the caches are suspended (`down`).
   */
  caughtUp(): Promise<void> {
    // One question at a time on the connection (pg queues a second one, deprecated in pg 8 and
    // removed in 9). A round trip already on the wire may have been asked before a change the
    // caller needs, so callers arriving meanwhile share the next one, asked once it answers.
    if (this.nextTrip !== null) return this.nextTrip;
    const onWire = this.trip;
    if (onWire === null) return this.roundTrip();
    const next = onWire.then(() => {
      this.nextTrip = null;
      return this.roundTrip();
    });
    this.nextTrip = next;
    return next;
  }

  private roundTrip(): Promise<void> {
    const client = this.client;
    if (client === null) return Promise.resolve();
    const trip = client.query('SELECT 1').then(
      () => undefined,
      () => undefined,
    );
    this.trip = trip;
    void trip.then(() => {
      if (this.trip === trip) this.trip = null;
    });
    return trip;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.config);
    let up = false;
    let lost = false;
    const onLost = (): void => {
      // A failure while connecting is reconnect()'s to handle.
      if (!up) {
        client.end().catch(() => undefined);
        return;
      }
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.handlers.down();
      this.timer = setTimeout(() => void this.reconnect(), RECONNECT_MS).unref();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL) return;
      const change = parseChange(message.payload);
      if (change) this.handlers.change(change);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    up = true;
    this.handlers.up();
  }

  private async reconnect(): Promise<void> {
    if (this.closed) return;
    try {
      await this.connect();
    } catch {
      if (!this.closed) this.timer = setTimeout(() => void this.reconnect(), RECONNECT_MS).unref();
    }
  }
}
