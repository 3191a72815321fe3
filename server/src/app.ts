import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { timeZoneSchema } from '../../shared/domain';
import { AuditLog } from './audit/audit-log';
import { AuditService } from './audit/audit-service';
import { AdminSessions } from './auth/admin-sessions';
import { DEFAULT_LOCKOUT, LoginLockout, type LockoutPolicy } from './auth/lockout';
import { LoginService } from './auth/login-service';
import { DEFAULT_SCRYPT_COST, type ScryptCost } from './auth/passwords';
import { SessionService } from './auth/session-service';
import { CatalogService } from './catalog/catalog-service';
import { openStore } from './db/open-store';
import { answerClientError } from './http/client-error';
import { answerFrameworkError, installErrorHandling } from './http/error-handler';
import { serializerCompiler } from './http/response-serializer';
import './http/request-context';
import { AccessGuard } from './public/access-guard';
import { createAddressResolver } from './public/client-address';
import { DEFAULT_DENIAL_LIMIT, MemoryDenialLimiter, SharedDenialLimiter, type DenialLimit, type DenialLimiter } from './public/denial-limiter';
import { RecordService } from './public/record-service';
import { UsageCounters } from './public/usage-counters';
import { UsageRecorder } from './public/usage-recorder';
import { adminRoutes } from './routes/admin';
import { openApiDocument } from './routes/openapi';
import { openApiTransform } from './routes/openapi-transform';
import { publicRoutes } from './routes/public';
import { publicRevokeRoute } from './routes/public/revoke';
import { publicSigningKeysRoute } from './routes/public/signing-keys';
import { SigningService } from './signing/signing-service';
import type { ServerContext } from './server-context';
import { RoleService } from './roles/role-service';
import { ensureAdmin, type AdminAccount } from './seed/admin';
import { seedDemo } from './seed/demo';
import { AccessCache } from './tokens/access-cache';
import { LeakService } from './tokens/leak-service';
import { RotationService } from './tokens/rotation-service';
import { TokenService } from './tokens/token-service';
import { TokenPolicyService } from './policy/token-policy-service';
import { UsageService } from './usage/usage-service';

export interface ServerOptions {
  /**
   * The store: an SQLite file (created with its folder) or a postgres:// URL, which any number
   * of nodes may share. Migrated on start.
   */
  dbPath: string;
  /** IANA zone in which expiry dates are whole days. Default UTC. */
  timeZone?: string;
  /** CIDRs of proxies whose X-Forwarded-For is honoured. Default none. */
  trustProxy?: readonly string[];
  /** Injectable clock, for tests only. */
  clock?: () => Date;
  /** Fastify/pino logger options; false (default) for none. Authorization headers are redacted. */
  logger?: FastifyServerOptions['logger'];
  /** Creates or resets this administrator (rank-1 role with every right). */
  admin?: AdminAccount;
  /** Called once when an empty database gets a generated administrator password. */
  onGeneratedAdmin?: (account: { email: string; password: string }) => void;
  /** Called once at start with the current inventory signing key's id and fingerprint (public). */
  onSigningKey?: (key: { keyId: string; fingerprint: string }) => void;
  /** Seeds the demo organisation, once per database. */
  demo?: boolean;
  organisationName?: string;
  /** Lower scrypt cost for fast tests; production keeps the default. */
  scryptCost?: ScryptCost;
  lockout?: LockoutPolicy;
  denialLimit?: DenialLimit;
  /** How often each node writes its usage counts (ms). Default 5 s. */
  usageFlushMs?: number;
  /** Maximum request body in bytes (413 beyond). Default 64 KiB. */
  bodyLimit?: number;
}

function loggerOptions(logger: ServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === undefined || logger === false) return false;
  const redact = { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' };
  if (logger === true) return { level: 'info', redact };
  return { ...logger, redact };
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const timeZone = timeZoneSchema.parse(options.timeZone ?? 'UTC');
  const clock = options.clock ?? (() => new Date());
  const resolveAddress = createAddressResolver(options.trustProxy ?? []);
  const scryptCost = options.scryptCost ?? DEFAULT_SCRYPT_COST;

  const store = await openStore(options.dbPath);
  const { repos } = store;
  const cache = new AccessCache(repos.tokens, repos.roles, timeZone, undefined, () => store.caughtUp());
  const sessions = new SessionService(store, clock);
  const usage = new UsageRecorder(repos.tokens);
  const audit = new AuditLog(repos.audit);
  const denialLimit = options.denialLimit ?? DEFAULT_DENIAL_LIMIT;
  // SQLite has one node, whose memory is the whole truth; PostgreSQL nodes count together.
  const limiter: DenialLimiter = store.kind === 'postgres'
    ? new SharedDenialLimiter(repos.counters, (address, until) => repos.changes.publish({ kind: 'refusals', address, until }), clock, denialLimit)
    : new MemoryDenialLimiter(clock, denialLimit);
  const tokenPolicy = new TokenPolicyService(store, audit, { clock, timeZone });
  const tokenService = new TokenService(store, audit, cache, { clock, timeZone, policy: tokenPolicy });
  const usageCounters = new UsageCounters(store, { clock, timeZone, ...(options.usageFlushMs !== undefined ? { flushEveryMs: options.usageFlushMs } : {}) });
  const catalog = new CatalogService(repos.meta, repos.roles, timeZone);
  const ctx: ServerContext = {
    clock,
    timeZone,
    cache,
    sessions,
    admins: new AdminSessions(sessions, repos.employees),
    catalog,
    auditTrail: new AuditService(audit, { clock, timeZone }),
    records: new RecordService(repos.records, clock),
    logins: new LoginService(repos.employees, sessions, new LoginLockout(repos.counters, clock, options.lockout ?? DEFAULT_LOCKOUT), audit, clock, scryptCost),
    tokens: tokenService,
    roles: new RoleService(store, audit, cache, clock),
    guard: new AccessGuard(cache, limiter, usage, audit, { clock, timeZone, retired: repos.retiredSecrets, counters: usageCounters }),
    rotation: new RotationService(store, tokenService, audit, cache, { clock, timeZone }),
    leaks: new LeakService(store, tokenService, audit, cache, limiter, { clock, timeZone }),
    tokenPolicy,
    usage: new UsageService(repos.usage, usageCounters, tokenService, { clock, timeZone }),
    signing: new SigningService(store, audit, catalog, clock),
  };

  try {
    await store.listen({
      change: (change) => {
        if (change.kind === 'token') cache.invalidateToken(change.id);
        else if (change.kind === 'role') cache.invalidateRole(change.id);
        else limiter.blocked(change.address, change.until);
      },
      down: () => cache.suspend(),
      up: () => cache.resume(),
    });
    // Nodes starting together seed one after the other, so each sees what the previous wrote.
    await store.exclusive(async () => {
      if (options.organisationName !== undefined) await repos.meta.set('organisation_name', options.organisationName);
      const seeding = { store, clock, timeZone };
      await ensureAdmin(seeding, options.admin, scryptCost, options.onGeneratedAdmin);
      if (options.demo) await seedDemo(seeding);
    });
    // Insert-if-absent: nodes starting together (even without the lock) agree on one key.
    const signingKey = await ctx.signing.ensureKey();
    options.onSigningKey?.(signingKey);
  } catch (error) {
    await store.close();
    throw error;
  }

  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    trustProxy: false,
    // The admin API is on loopback; a slow client must not hold a request open forever.
    requestTimeout: 30_000,
    // Errors before routing answer in the documented shape too, never Fastify's default body.
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // Bodies are JSON only, as documented: any other type is 415, never parsed as text.
  app.removeContentTypeParser('text/plain');

  app.decorateRequest('clientAddress', '');
  app.decorateRequest('admin', null);
  app.decorateRequest('publicToken', null);
  app.addHook('onRequest', async (request, reply) => {
    request.clientAddress = resolveAddress(request.socket.remoteAddress, request.headers['x-forwarded-for']);
    // Answers carry tokens, sessions and audit data: nothing is cached by intermediaries.
    reply.header('cache-control', 'no-store');
  });
  usageCounters.start();
  app.addHook('onClose', async () => {
    try {
      // Store unreachable at shutdown: the last few seconds of counts are lost, the rest closes.
      await usageCounters.close().catch((error: unknown) => process.emitWarning(`usage counts not written: ${String(error)}`));
      await audit.flush();
    } finally {
      await store.close();
    }
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Wifox identification tokens API',
        version: '1.0.0',
        description:
          'Admin API (used by the console) and public API (used by integrations with an identification token). ' +
          'Every error is the JSON object of the error schema. A known path called with a method it does not answer gets ' +
          '405 method_not_allowed with an Allow header; an unknown path gets 404 not_found. A request Node cannot parse ' +
          '(a control character in a header, a malformed request line) gets 400 bad_request, headers over 16 KiB 431 ' +
          'headers_too_large, a request slower than 30 s 408 request_timeout; the connection is then closed.',
      },
      components: {
        securitySchemes: {
          adminBearer: { type: 'http', scheme: 'bearer', description: 'Access token from POST /api/admin/auth/login.' },
          identificationToken: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: 'The whole header value is the token secret (wfx_...); "Bearer wfx_..." is accepted too.',
          },
        },
      },
    },
    transform: openApiTransform,
  });
  await app.register(adminRoutes(ctx));
  await app.register(publicRoutes(ctx));
  // Outside the public scope: revoking a leaked secret needs no credential.
  await app.register(publicRevokeRoute(ctx));
  await app.register(publicSigningKeysRoute(ctx));
  await app.register(openApiDocument);
  return app;
}
