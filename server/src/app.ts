import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { timeZoneSchema } from '../../shared/domain';
import { DEFAULT_LOCKOUT, LoginLockout, type LockoutPolicy } from './auth/lockout';
import { LoginService } from './auth/login-service';
import { DEFAULT_SCRYPT_COST, type ScryptCost } from './auth/passwords';
import { SessionService } from './auth/session-service';
import { openDatabase } from './db/open';
import { answerClientError } from './http/client-error';
import { answerFrameworkError, installErrorHandling } from './http/error-handler';
import './http/request-context';
import { AccessGuard } from './public/access-guard';
import { createAddressResolver } from './public/client-address';
import { DEFAULT_DENIAL_LIMIT, DenialLimiter, type DenialLimit } from './public/denial-limiter';
import { UsageRecorder } from './public/usage-recorder';
import { AuditRepository } from './repositories/audit';
import { EmployeesRepository } from './repositories/employees';
import { MetaRepository } from './repositories/meta';
import { RecordsRepository } from './repositories/records';
import { RolesRepository } from './repositories/roles';
import { SessionsRepository } from './repositories/sessions';
import { TokensRepository } from './repositories/tokens';
import { adminRoutes } from './routes/admin';
import { openApiDocument } from './routes/openapi';
import { openApiTransform } from './routes/openapi-transform';
import { publicRoutes } from './routes/public';
import type { ServerContext } from './server-context';
import { ensureAdmin, type AdminAccount } from './seed/admin';
import { seedDemo } from './seed/demo';
import { AccessCache } from './tokens/access-cache';
import { TokenService } from './tokens/token-service';

export interface ServerOptions {
  /** SQLite file; created with its folder and migrated on first start. */
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
  /** Seeds the demo organisation, once per database. */
  demo?: boolean;
  organisationName?: string;
  /** Lower scrypt cost for fast tests; production keeps the default. */
  scryptCost?: ScryptCost;
  lockout?: LockoutPolicy;
  denialLimit?: DenialLimit;
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

  const db = openDatabase(options.dbPath);
  const repos = {
    meta: new MetaRepository(db),
    employees: new EmployeesRepository(db),
    roles: new RolesRepository(db),
    tokens: new TokensRepository(db),
    sessions: new SessionsRepository(db),
    audit: new AuditRepository(db),
    records: new RecordsRepository(db),
  };
  const cache = new AccessCache(repos.tokens, repos.roles, timeZone);
  const sessions = new SessionService(db, repos.sessions, clock);
  const usage = new UsageRecorder(repos.tokens);
  const ctx: ServerContext = {
    db,
    clock,
    timeZone,
    repos,
    cache,
    sessions,
    logins: new LoginService(repos.employees, sessions, new LoginLockout(clock, options.lockout ?? DEFAULT_LOCKOUT), repos.audit, clock, scryptCost),
    tokens: new TokenService(db, repos.tokens, repos.roles, repos.audit, cache, { clock, timeZone }),
    guard: new AccessGuard(cache, new DenialLimiter(clock, options.denialLimit ?? DEFAULT_DENIAL_LIMIT), usage, repos.audit, { clock, timeZone }),
  };

  try {
    if (options.organisationName !== undefined) repos.meta.set('organisation_name', options.organisationName);
    await ensureAdmin(ctx, options.admin, scryptCost, options.onGeneratedAdmin);
    if (options.demo) seedDemo(ctx);
  } catch (error) {
    db.close();
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
  app.addHook('onClose', async () => {
    repos.audit.flush();
    db.close();
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
  await app.register(openApiDocument);
  return app;
}
