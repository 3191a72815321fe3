import { adminLogin } from './public-api';
import { E2E_ADMIN } from './reference-server';

// Sets up tokens through the admin API directly (as another administrator would), so a flow
// starts from the state it needs without clicking through the Add drawer again.
export const adminApi = async (baseUrl: string) => {
  const accessToken = await adminLogin(baseUrl, E2E_ADMIN.email, E2E_ADMIN.password);
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
    return (response.status === 204 ? null : await response.json()) as T;
  };
  const roles = await call<{ items: { id: number; name: string }[] }>('GET', '/api/admin/roles');
  const roleId = (name: string): number => {
    const found = roles.items.find((role) => role.name === name);
    if (!found) throw new Error(`no role ${name}`);
    return found.id;
  };
  return {
    createToken: (name: string, role: string, whitelist: string[] = [], expiresOn: string | null = null) =>
      call<{ token: { id: number }; secret: string }>('POST', '/api/admin/identification-tokens', { name, roleId: roleId(role), whitelist, expiresOn }),
    updateToken: (id: number, changes: Record<string, unknown>) => call<{ version: number }>('PATCH', `/api/admin/identification-tokens/${id}`, changes),
    deleteToken: (id: number) => call<null>('DELETE', `/api/admin/identification-tokens/${id}`),
  };
};
