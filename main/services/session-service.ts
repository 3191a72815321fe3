import type { EmployeeSummary, LoginResponse } from '../../shared/api/auth';
import { ERROR_CODES } from '../../shared/api/errors';
import { UNREACHABLE_CODES } from '../../shared/ipc/errors';
import type {
  ConnectionState,
  CredentialStorage,
  Profile,
  SessionEndReason,
  SessionState,
  SignedInState,
} from '../../shared/ipc/schemas';
import { type AdminAuth, WifoxClient, type WifoxClientOptions } from '../api/wifox-client';
import { AppError, isAppError } from '../errors';
import { type EventSink, type Logger, type SecretStore, silentLogger } from '../ports';
import type { ProfileService } from './profile-service';

export const KEYCHAIN_WARNING =
  'The system keychain is not available, so this session is kept in memory only: you will sign in again next time you open the console.';

export type ClientFactory = (options: WifoxClientOptions) => WifoxClient;

export type SessionServiceDeps = {
  profiles: ProfileService;
  secrets: SecretStore;
  events: EventSink;
  createClient?: ClientFactory;
  logger?: Logger;
  now?: () => number;
};

type ActiveSession = {
  profile: Profile;
  client: WifoxClient;
  employee: EmployeeSummary;
  accessToken: string | null;
  accessExpiresAt: number;
  refreshToken: string;
  storage: CredentialStorage;
  keychainWarning: string | undefined;
  connection: ConnectionState;
  renewing: Promise<string> | null;
};

// Renew a little early, so a token does not expire between our check and the server's.
const EXPIRY_MARGIN_MS = 30_000;

// The access token lives only in this object; the refresh token lives here and in the OS
// keychain (or only here when there is no keychain); the password is passed through, never kept.
export class SessionService {
  private current: ActiveSession | null = null;
  private lastEnd: SessionEndReason | undefined;
  private restoring: Promise<void> | null = null;
  private readonly createClient: ClientFactory;
  private readonly logger: Logger;
  private readonly now: () => number;

  constructor(private readonly deps: SessionServiceDeps) {
    this.createClient = deps.createClient ?? ((options) => new WifoxClient(options));
    this.logger = deps.logger ?? silentLogger;
    this.now = deps.now ?? Date.now;
  }

  async state(): Promise<SessionState> {
    await this.restoring;
    return this.snapshot();
  }

  // The client of the signed-in profile, for the services that talk to the API.
  client(): WifoxClient {
    if (!this.current) throw new AppError('not_signed_in');
    return this.current.client;
  }

  activeProfileId(): string | null {
    return this.current?.profile.id ?? null;
  }

  // At start: a profile with a refresh token in the keychain resumes without a password.
  restore(): Promise<void> {
    this.restoring ??= this.resume().catch((error: unknown) => {
      this.logger.warn('could not resume the previous session', { code: isAppError(error) ? error.code : 'unknown' });
    });
    return this.restoring;
  }

  async signIn(profileId: string, password: string): Promise<SignedInState> {
    await this.restoring;
    const profile = this.deps.profiles.get(profileId);
    const client = this.newClient(profile);
    const response = await client.login(profile.email, password);
    if (this.current) await this.signOut();
    const storage = await this.storeRefreshToken(profile.id, response.refreshToken);
    this.deps.profiles.rememberSignIn(profile.id, response.employee);
    this.current = this.activate(profile, client, response, storage);
    this.lastEnd = undefined;
    this.logger.info('signed in', { profileId: profile.id, storage });
    return this.signedInState(this.current);
  }

  async signOut(): Promise<SessionState> {
    await this.restoring;
    const session = this.current;
    this.current = null;
    if (session) {
      // Local first: whatever the server says, the refresh token leaves this machine's keychain.
      await this.deleteRefreshToken(session.profile.id);
      await this.revokeOnServer(session);
      this.lastEnd = 'signedOut';
      this.logger.info('signed out', { profileId: session.profile.id });
    }
    return this.snapshot();
  }

  // A profile being removed takes its keychain entry (and its session, if active) with it.
  async forgetProfile(profileId: string): Promise<void> {
    if (this.current?.profile.id === profileId) {
      await this.signOut();
      return;
    }
    await this.deleteRefreshToken(profileId);
  }

  private async resume(): Promise<void> {
    const profileId = this.deps.profiles.lastProfileId();
    const profile = profileId === null ? undefined : this.deps.profiles.find(profileId);
    if (!profile) return;
    let refreshToken: string | null;
    try {
      refreshToken = await this.deps.secrets.get(profile.id);
    } catch {
      this.logger.warn('the keychain could not be read; the previous session cannot resume', { profileId: profile.id });
      return;
    }
    if (refreshToken === null) return;
    const client = this.newClient(profile);
    let response: LoginResponse;
    try {
      response = await client.refresh(refreshToken);
    } catch (error) {
      if (isAppError(error, 'session_expired')) {
        await this.deleteRefreshToken(profile.id);
        this.lastEnd = error.serverCode === ERROR_CODES.refreshTokenReused ? 'revoked' : 'expired';
        return;
      }
      const employee = this.deps.profiles.cachedEmployee(profile.id);
      if (isAppError(error) && UNREACHABLE_CODES.has(error.code) && employee) {
        // Offline at start: keep the session and renew it once the server answers.
        this.current = {
          profile,
          client,
          employee,
          accessToken: null,
          accessExpiresAt: 0,
          refreshToken,
          storage: 'keychain',
          keychainWarning: undefined,
          connection: 'offline',
          renewing: null,
        };
        return;
      }
      throw error;
    }
    const storage = await this.storeRefreshToken(profile.id, response.refreshToken);
    this.deps.profiles.rememberSignIn(profile.id, response.employee);
    this.current = this.activate(profile, client, response, storage);
    this.logger.info('resumed the previous session', { profileId: profile.id, storage });
  }

  private newClient(profile: Profile): WifoxClient {
    const auth: AdminAuth = {
      accessToken: () => this.accessTokenFor(profile.id),
      renew: (rejected) => this.renew(profile.id, rejected),
    };
    return this.createClient({
      baseUrl: profile.baseUrl,
      auth,
      logger: this.logger,
      onReachability: (reachable) => this.setConnection(profile.id, reachable ? 'online' : 'offline'),
    });
  }

  private activate(profile: Profile, client: WifoxClient, response: LoginResponse, storage: CredentialStorage): ActiveSession {
    return {
      profile,
      client,
      employee: response.employee,
      accessToken: response.accessToken,
      accessExpiresAt: Date.parse(response.accessTokenExpiresAt),
      refreshToken: response.refreshToken,
      storage,
      keychainWarning: storage === 'memory' ? KEYCHAIN_WARNING : undefined,
      connection: 'online',
      renewing: null,
    };
  }

  private sessionFor(profileId: string): ActiveSession {
    const session = this.current;
    if (!session || session.profile.id !== profileId) throw new AppError('not_signed_in');
    return session;
  }

  private async accessTokenFor(profileId: string): Promise<string> {
    const session = this.sessionFor(profileId);
    if (session.accessToken !== null && session.accessExpiresAt - EXPIRY_MARGIN_MS > this.now()) {
      return session.accessToken;
    }
    return this.renew(profileId, session.accessToken);
  }

  // Single flight: concurrent 401s share one refresh, because presenting the same refresh
  // token twice makes the server end the whole session.
  private renew(profileId: string, rejected: string | null): Promise<string> {
    const session = this.sessionFor(profileId);
    if (session.renewing) return session.renewing;
    if (session.accessToken !== null && session.accessToken !== rejected && session.accessExpiresAt - EXPIRY_MARGIN_MS > this.now()) {
      return Promise.resolve(session.accessToken);
    }
    session.renewing = this.refreshSession(session).finally(() => {
      session.renewing = null;
    });
    return session.renewing;
  }

  private async refreshSession(session: ActiveSession): Promise<string> {
    let response: LoginResponse;
    try {
      response = await session.client.refresh(session.refreshToken);
    } catch (error) {
      if (isAppError(error, 'session_expired') && this.current === session) {
        await this.endSession(session, error.serverCode === ERROR_CODES.refreshTokenReused ? 'revoked' : 'expired');
      }
      throw error;
    }
    if (this.current !== session) throw new AppError('not_signed_in');
    session.accessToken = response.accessToken;
    session.accessExpiresAt = Date.parse(response.accessTokenExpiresAt);
    session.refreshToken = response.refreshToken;
    session.employee = response.employee;
    if (session.storage === 'keychain') {
      session.storage = await this.storeRefreshToken(session.profile.id, response.refreshToken);
      if (session.storage === 'memory') session.keychainWarning = KEYCHAIN_WARNING;
    }
    return response.accessToken;
  }

  private async endSession(session: ActiveSession, reason: 'expired' | 'revoked'): Promise<void> {
    this.current = null;
    this.lastEnd = reason;
    await this.deleteRefreshToken(session.profile.id);
    this.logger.info('the session ended', { profileId: session.profile.id, reason });
    this.deps.events.emit('session.ended', {
      profileId: session.profile.id,
      reason,
      message:
        reason === 'revoked'
          ? 'Your session was ended for safety. Sign in again to continue; your work on screen is kept.'
          : 'Your session has expired. Sign in again to continue; your work on screen is kept.',
    });
  }

  private async storeRefreshToken(profileId: string, refreshToken: string): Promise<CredentialStorage> {
    try {
      await this.deps.secrets.set(profileId, refreshToken);
      return 'keychain';
    } catch {
      this.logger.warn('the keychain refused the refresh token; keeping the session in memory only', { profileId });
      // An older token may still sit there; the server would treat its reuse as theft.
      await this.deleteRefreshToken(profileId);
      return 'memory';
    }
  }

  private async deleteRefreshToken(profileId: string): Promise<void> {
    try {
      await this.deps.secrets.delete(profileId);
    } catch {
      this.logger.warn('the keychain entry could not be deleted', { profileId });
    }
  }

  private async revokeOnServer(session: ActiveSession): Promise<void> {
    try {
      let token = session.accessToken;
      if (token === null || session.accessExpiresAt - EXPIRY_MARGIN_MS <= this.now()) {
        token = (await session.client.refresh(session.refreshToken)).accessToken;
      }
      await session.client.logout(token);
    } catch (error) {
      this.logger.warn('the server could not be told about the sign-out', { code: isAppError(error) ? error.code : 'unknown' });
    }
  }

  private setConnection(profileId: string, connection: ConnectionState): void {
    const session = this.current;
    if (!session || session.profile.id !== profileId || session.connection === connection) return;
    session.connection = connection;
    this.deps.events.emit('connection.changed', { profileId, state: connection });
  }

  private snapshot(): SessionState {
    if (this.current) return this.signedInState(this.current);
    return {
      status: 'signedOut',
      lastProfileId: this.deps.profiles.lastProfileId(),
      ...(this.lastEnd ? { reason: this.lastEnd } : {}),
    };
  }

  private signedInState(session: ActiveSession): SignedInState {
    return {
      status: 'signedIn',
      profile: session.profile,
      employee: session.employee,
      credentialStorage: session.storage,
      ...(session.keychainWarning ? { keychainWarning: session.keychainWarning } : {}),
      connection: session.connection,
    };
  }
}
