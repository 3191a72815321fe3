import { join } from 'node:path';
import { openStore } from '../../../server/src/db/open-store';
import { startServerProcess } from '../server/server-process';
import { bulkTokenSpecs, insertTokens, prepareDatabase } from '../server/seed';

export type Backend = { apiUrl: string; names: string[]; stop(): Promise<void> };

// The real reference server in a child process, its database seeded in bulk, so the console's
// real main-side services load the tokens over HTTP exactly as they would in production.
export async function backend(workDir: string, name: string, tokens: number): Promise<Backend> {
  const dbPath = join(workDir, `${name}.db`);
  await prepareDatabase(dbPath);
  await insertTokens(dbPath, bulkTokenSpecs(tokens));
  const store = await openStore(dbPath);
  // Every token, the demo organisation's included: what the console lists.
  const names = (await store.repos.tokens.listPage({ filter: {}, sort: 'name', order: 'asc', limit: tokens + 1_000 })).map((token) => token.name);
  await store.close();
  const server = await startServerProcess({ dbPath });
  return { apiUrl: server.url, names, stop: () => server.stop() };
}
