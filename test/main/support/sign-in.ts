import type { SignedInState } from '../../../shared/ipc/schemas';
import type { TestConsole } from './console';
import { ADMIN } from './reference-server';

export const addProfile = async (console: TestConsole, baseUrl: string, email: string = ADMIN.email): Promise<string> => {
  const saved = (await console.call('profiles.save', { name: `Server ${baseUrl}`, baseUrl, email })) as {
    ok: boolean;
    value: { id: string };
  };
  if (!saved.ok) throw new Error(`profile not saved: ${JSON.stringify(saved)}`);
  return saved.value.id;
};

export const signIn = async (console: TestConsole, baseUrl: string, password: string = ADMIN.password): Promise<SignedInState> => {
  const profileId = await addProfile(console, baseUrl);
  const result = (await console.call('session.signIn', { profileId, password })) as { ok: boolean; value: SignedInState };
  if (!result.ok) throw new Error(`sign-in failed: ${JSON.stringify(result)}`);
  return result.value;
};

export const expectError = (envelope: unknown): { code: string; message: string; details?: { field: string }[]; retryAfterSeconds?: number } => {
  const value = envelope as { ok: boolean; error?: { code: string; message: string } };
  if (value.ok || !value.error) throw new Error(`expected an error, got ${JSON.stringify(envelope).slice(0, 300)}`);
  return value.error;
};

export const expectOk = <T>(envelope: unknown): T => {
  const value = envelope as { ok: boolean; value?: T };
  if (!value.ok) throw new Error(`expected success, got ${JSON.stringify(envelope).slice(0, 300)}`);
  return value.value as T;
};
