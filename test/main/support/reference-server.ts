import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../../server/src/app';

export const ADMIN = { email: 'admin@example.test', password: 'Adm1n-pass-for-tests!', name: 'Ada Admin' };

export type ReferenceServer = {
  url: string;
  dir: string;
  dbPath: string;
  // Moves the server's clock (access tokens live 15 minutes, sessions idle out after 60).
  advance(ms: number): void;
  close(): Promise<void>;
};

// The real reference API on loopback port 0, with its own temporary database.
export const startReferenceServer = async (options: { demo?: boolean } = {}): Promise<ReferenceServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'wifox-main-server-'));
  const dbPath = join(dir, 'wifox.db');
  let offset = 0;
  const app = await buildServer({
    dbPath,
    admin: ADMIN,
    demo: options.demo ?? false,
    scryptCost: { N: 2 ** 10, r: 8, p: 1 },
    clock: () => new Date(Date.now() + offset),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    dbPath,
    advance: (ms) => {
      offset += ms;
    },
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
