import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { buildServer, type ServerOptions } from '../../../server/src/app';

// The reference Wifox API on loopback, stoppable and restartable on the same port and database
// (the console's profile keeps pointing at it, as a real server coming back would).
export type ReferenceServer = {
  url: string;
  port: number;
  app(): FastifyInstance;
  logs: string[];
  stop(): Promise<void>;
  restart(): Promise<void>;
};

export const E2E_ADMIN = { email: 'admin@wifox.local', password: 'E2e-Admin-Passw0rd!' };

export const startReferenceServer = async (dbPath: string, extra: Partial<ServerOptions> = {}): Promise<ReferenceServer> => {
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const options: ServerOptions = {
    dbPath,
    demo: true,
    admin: E2E_ADMIN,
    scryptCost: { N: 1024, r: 8, p: 1 },
    logger: { level: 'info', stream: logStream },
    ...extra,
  };
  let app = await buildServer(options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  let running = true;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    app: () => app,
    logs,
    async stop() {
      if (!running) return;
      running = false;
      await app.close();
    },
    async restart() {
      if (running) await app.close();
      app = await buildServer(options);
      await app.listen({ port, host: '127.0.0.1' });
      running = true;
    },
  };
};
