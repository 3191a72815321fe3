import { formatFingerprint } from '../../shared/inventory/signature';
import { buildServer } from './app';
import { USAGE, UsageError, parseCliArgs } from './cli-args';
import { StoreConnectError } from './db/store-errors';
import { TrustProxyError } from './public/client-address';

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2), process.env);
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const email = process.env.WIFOX_ADMIN_EMAIL?.trim();
  const password = process.env.WIFOX_ADMIN_PASSWORD;
  if (Boolean(email) !== Boolean(password)) {
    throw new UsageError('Set both WIFOX_ADMIN_EMAIL and WIFOX_ADMIN_PASSWORD, or neither.');
  }

  const app = await buildServer({
    dbPath: options.db,
    timeZone: options.timeZone,
    trustProxy: options.trustProxy,
    demo: options.demo,
    logger: { level: process.env.WIFOX_LOG_LEVEL ?? 'warn' },
    ...(email && password ? { admin: { email, password } } : {}),
    onGeneratedAdmin: (account) => {
      // Shown once, on the terminal that started the server; never written to the database.
      console.log(`created administrator ${account.email} with password ${account.password} (shown once)`);
    },
    onSigningKey: (key) => {
      // Public: administrators compare it with the fingerprint the console shows for the profile.
      console.log(`inventory signing key ${key.keyId}, fingerprint ${formatFingerprint(key.fingerprint)}`);
    },
  });

  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    // close() stops accepting, lets requests in flight finish, then the onClose hook closes the db.
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`error while stopping after ${signal}:`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  console.log(`listening on http://${host}:${port}`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof TrustProxyError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof StoreConnectError) {
    // One line: the operator's fix is in it (URL, host, password); a stack would bury it.
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
