import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/api';
import { openStore } from '../../server/src/db/open-store';
import { createToken, login, request, roleId, startServer, type ErrorReply, type Session, type Started } from './harness';

// The server checks its own answers against the shared zod schemas, and sends them as bytes
// it measured itself (server/src/http/response-serializer.ts): both must hold on the listing.
const TOKENS = '/api/admin/identification-tokens';
let server: Started;
let admin: Session;

beforeAll(async () => {
  server = await startServer({ demo: true });
  admin = await login(server.port);
});
afterAll(async () => {
  await server.close();
});

describe('answers checked against their schema', () => {
  it('sends a page with multi-byte names whole, and refuses to send one that breaks the schema', async () => {
    const role = await roleId(server.port, admin, 'Analytics Only');
    const { token } = await createToken(server.port, admin, { name: 'Café Zürich 東京', roleId: role });

    const page = await request<{ items: { name: string }[] }>(server.port, `${TOKENS}?pageSize=1000`, { headers: admin.auth });
    expect(page.status).toBe(200);
    expect(page.headers['content-length']).toBe(String(Buffer.byteLength(page.text)));
    expect(page.body.items.map((item) => item.name)).toContain('Café Zürich 東京');

    // A row the API could never have written: its creation date is not an instant.
    const store = await openStore(server.dbPath);
    try {
      await store.db.updateTable('tokens').set({ created_at: 'yesterday' }).where('id', '=', token.id).execute();
    } finally {
      await store.close();
    }
    for (const path of [`${TOKENS}?pageSize=1000`, `${TOKENS}/${token.id}`]) {
      const refused = await request<ErrorReply>(server.port, path, { headers: admin.auth });
      expect(refused.status, path).toBe(500);
      expect(refused.body.code).toBe(ERROR_CODES.internal);
      expect(refused.text).not.toContain('yesterday');
    }
  });
});
