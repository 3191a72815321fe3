import Database from 'better-sqlite3';
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTokenResponseSchema } from '../../../shared/api';
import { login, roleId, tempDir } from '../harness';
import { PROCESS_ADMIN, spawnServer } from './server-process';

const { dir, remove } = tempDir('wifox-shutdown-');
const dbPath = join(dir, 'shutdown.db');
afterAll(() => remove());

/** Resolves once the port refuses new connections, i.e. the listener is closed. */
async function untilRefused(port: number): Promise<void> {
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    if (refused) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function parseResponse(raw: string): { status: number; body: unknown } {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  const chunked = /transfer-encoding: chunked/i.test(head);
  let text = rest.join('\r\n\r\n');
  if (chunked) {
    let out = '';
    for (let at = 0; ;) {
      const lineEnd = text.indexOf('\r\n', at);
      const size = parseInt(text.slice(at, lineEnd), 16);
      if (!size) break;
      out += text.slice(lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    text = out;
  }
  return { status, body: JSON.parse(text) as unknown };
}

describe('SIGTERM with a request in flight', () => {
  it('stops accepting, completes the request that was half-sent, then exits 0', async () => {
    // At info level the server logs "incoming request" once it has routed a request, before
    // reading its body: that line says the request is in flight.
    const server = await spawnServer(dbPath, { WIFOX_LOG_LEVEL: 'info' });
    const admin = await login(server.port, PROCESS_ADMIN);
    const role = await roleId(server.port, admin, 'Administrator');
    const body = Buffer.from(JSON.stringify({ name: 'InFlightAtShutdown', roleId: role, whitelist: ['192.0.2.0/24'] }));
    const half = Math.floor(body.length / 2);

    const socket = net.connect({ host: '127.0.0.1', port: server.port });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
    });
    let socketError: Error | undefined;
    socket.on('error', (error) => {
      socketError = error;
    });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(
      'POST /api/admin/identification-tokens HTTP/1.1\r\n' +
        `Host: 127.0.0.1:${server.port}\r\n` +
        `Authorization: ${admin.auth.authorization}\r\n` +
        'Content-Type: application/json\r\n' +
        `Content-Length: ${body.length}\r\n` +
        'Connection: close\r\n\r\n',
    );
    socket.write(body.subarray(0, half));
    await server.waitForOutput(/"url":"\/api\/admin\/identification-tokens".*incoming request|incoming request.*"url":"\/api\/admin\/identification-tokens"/);

    server.child.kill('SIGTERM');
    await untilRefused(server.port);
    expect(server.child.exitCode).toBeNull();

    socket.end(body.subarray(half));
    await closed;
    expect(socketError).toBeUndefined();
    const reply = parseResponse(received);
    expect(reply.status).toBe(201);
    const created = createTokenResponseSchema.parse(reply.body);
    expect(created.token.name).toBe('InFlightAtShutdown');

    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.stderr()).toBe('');
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT name FROM tokens WHERE id = ?').pluck().get(created.token.id)).toBe('InFlightAtShutdown');
    } finally {
      db.close();
    }
  }, 60_000);
});
