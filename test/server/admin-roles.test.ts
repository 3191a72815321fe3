import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  TestClock,
  addEmployee,
  addRole,
  createToken,
  login,
  request,
  startServer,
  type ErrorReply,
  type Session,
  type Started,
} from './harness';

interface RoleReply {
  id: number;
  name: string;
  type: string;
  rank: number;
  rights: Record<string, { view: string; manage: string[] }>;
  modules: string[];
  version: number;
  tokenCount: number;
  employeeCount: number;
  editable: boolean;
}

interface AuditReply {
  items: { action: string; role?: { id: number; name: string }; changes?: Record<string, [unknown, unknown]>; reason?: string }[];
}

const clock = new TestClock('2030-06-15T08:00:00.000Z');
let server: Started;
let admin: Session;
let unique = 0;

// A rank-3 role manager who may define roles but holds no right on Clients beyond View own.
const MANAGER = { email: 'roles@example.test', password: 'R0les-Passw0rd!', name: 'Role Manager' };

beforeAll(async () => {
  server = await startServer({ clock: clock.now });
  await addRole(server.dbPath, {
    name: 'Role managers',
    type: 'employee',
    rank: 3,
    rights: { roles: { view: 'all', manage: ['create_edit', 'delete'] }, clients: { view: 'own', manage: [] }, security: { view: 'all', manage: ['create_edit'] } },
  });
  await addRole(server.dbPath, { name: 'Peer role', type: 'employee', rank: 3, rights: {} });
  await addRole(server.dbPath, { name: 'Above role', type: 'employee', rank: 2, rights: {} });
  await addEmployee(server.dbPath, { ...MANAGER, roles: ['Role managers'] });
});
afterAll(async () => {
  await server.close();
});
// Each test a minute later with a fresh session: no usage write or refusal window carries over.
beforeEach(async () => {
  clock.advance(61_000);
  admin = await login(server.port);
});

const name = (base: string) => `${base} ${++unique}`;

function createRole(session: Session, body: Record<string, unknown>) {
  return request<RoleReply & ErrorReply>(server.port, '/api/admin/roles', { headers: session.auth, json: body });
}

function patchRole(session: Session, id: number, body: Record<string, unknown>, version?: number) {
  return request<RoleReply & ErrorReply>(server.port, `/api/admin/roles/${id}`, {
    method: 'PATCH',
    headers: { ...session.auth, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) },
    json: body,
  });
}

function deleteRole(session: Session, id: number, query = '') {
  return request<ErrorReply>(server.port, `/api/admin/roles/${id}${query}`, { method: 'DELETE', headers: session.auth });
}

async function roleAudit(id: number) {
  const reply = await request<AuditReply>(server.port, '/api/admin/audit-events?limit=500', { headers: admin.auth });
  return reply.body.items.filter((event) => event.role?.id === id);
}

describe('defining roles', () => {
  it('creates a role, refuses its name again in any case, and lists it with its holders', async () => {
    const roleName = name('Webhook reader');
    const created = await createRole(admin, { name: `  ${roleName} `, type: 'employee', rank: 6, rights: { clients: { view: 'all', manage: [] } } });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({ name: roleName, rank: 6, version: 1, tokenCount: 0, editable: true, modules: ['Clients', 'KYC Documents', 'Requests'] });

    const accented = await createRole(admin, { name: `Été ${roleName}`, type: 'employee', rank: 7, rights: {} });
    expect(accented.status).toBe(201);
    expect((await createRole(admin, { name: `ÉTÉ ${roleName}`, type: 'employee', rank: 7, rights: {} })).status).toBe(409);
    const again = await createRole(admin, { name: roleName.toUpperCase(), type: 'employee', rank: 7, rights: {} });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('name_taken');
    expect(again.body.message).toBe(`A role named "${roleName.toUpperCase()}" already exists (names are compared without case).`);

    await createToken(server.port, admin, { name: name('reader-token').replace(' ', '-'), roleId: created.body.id });
    const settings = await request<{ caller: { rank: number }; items: RoleReply[] }>(server.port, '/api/admin/settings/roles', { headers: admin.auth });
    expect(settings.status).toBe(200);
    expect(settings.body.caller.rank).toBe(1);
    expect(settings.body.items.find((role) => role.id === created.body.id)).toMatchObject({ tokenCount: 1, employeeCount: 0 });
    expect(settings.body.items.find((role) => role.name === 'Administrator')).toMatchObject({ editable: false, employeeCount: 1 });

    const audit = await roleAudit(created.body.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'role.created', changes: expect.objectContaining({ 'rights.clients': ['None', 'View all'] }) })]);
  });

  it('keeps an admin to roles ranked below their own and to rights they hold, in the words the console shows', async () => {
    const manager = await login(server.port, { email: MANAGER.email, password: MANAGER.password });
    const list = await request<{ caller: { rank: number }; items: RoleReply[] }>(server.port, '/api/admin/settings/roles', { headers: manager.auth });
    expect(list.body.caller.rank).toBe(3);
    expect(list.body.items.map((role) => role.name)).not.toContain('Above role');
    expect(list.body.items.find((role) => role.name === 'Peer role')?.editable).toBe(false);

    const refused = await createRole(manager, {
      name: name('Too strong'),
      type: 'employee',
      rank: 3,
      rights: { clients: { view: 'all', manage: ['delete'] }, logs: { view: 'own', manage: [] } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      { field: 'rank', message: 'Choose a rank above 3: you can only define roles ranked below your own (rank 3).' },
      { field: 'rights.clients', message: 'You cannot grant "View all", "Delete" on Clients: you do not hold it yourself.' },
      { field: 'rights.logs', message: 'You cannot grant "View own" on Logs: you do not hold it yourself.' },
    ]);

    const peer = list.body.items.find((role) => role.name === 'Peer role');
    const edit = await patchRole(manager, peer?.id ?? 0, { rank: 9 });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('role_not_assignable');
    const above = (await request<{ items: RoleReply[] }>(server.port, '/api/admin/settings/roles', { headers: admin.auth })).body.items
      .find((role) => role.name === 'Above role');
    expect((await request(server.port, `/api/admin/roles/${above?.id ?? 0}`, { headers: manager.auth })).status).toBe(404);

    // What the manager holds, they may grant; a right already on the role may stay.
    const own = await createRole(manager, { name: name('Own clients'), type: 'employee', rank: 4, rights: { clients: { view: 'own', manage: [] } } });
    expect(own.status).toBe(201);
  });

  it('versions edits (412 on a stale If-Match) and audits each module old → new', async () => {
    const created = await createRole(admin, { name: name('Versioned'), type: 'employee', rank: 5, rights: { clients: { view: 'own', manage: [] } } });
    const id = created.body.id;
    const first = await patchRole(admin, id, { rights: { clients: { view: 'all', manage: ['create_edit'] }, logs: { view: 'all', manage: [] } } }, 1);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await patchRole(admin, id, { rank: 8 }, 1);
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('version_mismatch');
    expect((await patchRole(admin, id, { name: 'Renamed' }, 2)).status).toBe(400);

    const [updated] = (await roleAudit(id)).filter((event) => event.action === 'role.updated');
    expect(updated?.changes).toEqual({ 'rights.clients': ['View own', 'View all, Create/Edit'], 'rights.logs': ['None', 'View all'] });
  });

  it('duplicates a role under a new name with the same rights', async () => {
    const source = await createRole(admin, { name: name('Source'), type: 'affiliate', rank: 7, rights: { 'affiliate-hub': { view: 'all', manage: ['create_edit'] } } });
    const copyName = name('Copy');
    const copy = await request<RoleReply>(server.port, `/api/admin/roles/${source.body.id}/duplicate`, { headers: admin.auth, json: { name: copyName } });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ name: copyName, type: 'affiliate', rank: 7, rights: source.body.rights });
    expect(copy.body.id).not.toBe(source.body.id);
  });

  it('refuses to delete a role held by tokens (naming how many) unless they move to another role in the same request', async () => {
    const doomed = await createRole(admin, { name: name('Doomed'), type: 'employee', rank: 6, rights: { logs: { view: 'all', manage: [] } } });
    const heir = await createRole(admin, { name: name('Heir'), type: 'employee', rank: 6, rights: { actions: { view: 'all', manage: [] } } });
    const tokens = [];
    for (const n of [1, 2]) tokens.push(await createToken(server.port, admin, { name: `doomed-${unique}-${n}`, roleId: doomed.body.id }));

    const refused = await deleteRole(admin, doomed.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'role_in_use', message: `The role "${doomed.body.name}" is in use by 2 identification tokens. Move them to another role in the same request.` });
    expect((await deleteRole(admin, doomed.body.id, `?moveTokensTo=${doomed.body.id}`)).status).toBe(400);

    expect((await deleteRole(admin, doomed.body.id, `?moveTokensTo=${heir.body.id}`)).status).toBe(204);
    const moved = await request<{ roleId: number; permissions: string[]; version: number }>(server.port, `/api/admin/identification-tokens/${tokens[0]?.token.id}`, { headers: admin.auth });
    expect(moved.body).toMatchObject({ roleId: heir.body.id, permissions: ['Actions'], version: 2 });
    const audit = await roleAudit(doomed.body.id);
    expect(audit.find((event) => event.action === 'role.deleted')?.reason).toBe(`2 tokens moved to "${heir.body.name}".`);
    // The moved token now answers with the heir's rights.
    expect((await request(server.port, '/api/public/actions', { headers: { authorization: tokens[0]?.secret ?? '' } })).status).toBe(200);
    expect((await request(server.port, '/api/public/logs', { headers: { authorization: tokens[0]?.secret ?? '' } })).status).toBe(403);
  });
});

describe('a role edit reaches its tokens on the next request', () => {
  it('a token reading Clients is refused as soon as its role loses View on Clients, and accepted once it is given back', async () => {
    const role = await createRole(admin, { name: name('Live clients'), type: 'employee', rank: 6, rights: { clients: { view: 'all', manage: [] } } });
    const { secret } = await createToken(server.port, admin, { name: `live-clients-${unique}`, roleId: role.body.id });
    const read = () => request<ErrorReply>(server.port, '/api/public/clients', { headers: { authorization: secret } });

    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200); // now answered from the node's cache
    expect((await patchRole(admin, role.body.id, { rights: { analytics: { view: 'all', manage: [] } } }, 1)).status).toBe(200);
    const refused = await read();
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('insufficient_rights');
    expect((await patchRole(admin, role.body.id, { rights: { clients: { view: 'own', manage: [] } } }, 2)).status).toBe(200);
    expect((await read()).status).toBe(200);
  });
});
