// The reference server as the bench runs it, in a child process of its own (so its RSS and its
// event loop are its own): buildServer exactly as server/src/cli.ts calls it, plus, when asked,
// one route the public API does not have: the clients list with no token check.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PUBLIC_RECORD_SCHEMAS, publicListQuerySchema, publicListResponseSchema } from '../../../shared/api';
import { buildServer } from '../../../server/src/app';
import { openStore } from '../../../server/src/db/open-store';
import { benchServerOptionsSchema, PORT_LINE, UNCHECKED_CLIENTS_PATH } from './bench-server-options';

const options = benchServerOptionsSchema.parse(JSON.parse(process.env.BENCH_SERVER_OPTIONS ?? '{}'));

const app = await buildServer({
  dbPath: options.dbPath,
  timeZone: options.timeZone,
  // The CLI's logging: warnings and errors only, with Authorization redacted.
  logger: { level: 'warn' },
  ...(options.denialLimit ? { denialLimit: options.denialLimit } : {}),
});

if (options.uncheckedRoute) {
  // Fastify takes routes until the instance is ready, so this joins the very same instance as
  // the public API: same hooks at the root, same zod validator and serializer, same query and
  // response schemas, and the same repository query on its own connection. Only the
  // publicRoutes plugin's onRequest token check is missing.
  const { records } = (await openStore(options.dbPath)).repos;
  const schema = PUBLIC_RECORD_SCHEMAS.clients;
  app.withTypeProvider<ZodTypeProvider>().get(UNCHECKED_CLIENTS_PATH, {
    schema: { querystring: publicListQuerySchema, response: { 200: publicListResponseSchema(schema) } },
  }, async (request) => {
    const page = await records.list('clients', request.query.limit, request.query.offset);
    return { items: schema.array().parse(page.items), total: page.total };
  });
}

process.on('SIGTERM', () => {
  app.close().then(() => process.exit(0), () => process.exit(1));
});

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('The bench server has no port.');
process.stdout.write(`${PORT_LINE}${address.port}\n`);
