import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PUBLIC_PATHS, signingKeysResponseSchema } from '../../../../shared/api';
import type { ServerContext } from '../../server-context';
import { errors } from '../types';

// Outside the public scope, whose hook demands a token: public keys are for anyone to check.
export function publicSigningKeysRoute(ctx: ServerContext): FastifyPluginAsync {
  return async (root) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    app.get(PUBLIC_PATHS.signingKeys, {
      schema: {
        tags: ['public'],
        summary: 'The server\'s inventory signing keys (public halves)',
        description:
          'No credential. Every Ed25519 key that has signed or signs inventories: keyId (the first 16 hex digits of the ' +
          'fingerprint), the raw 32-byte public key in base64, its fingerprint (SHA-256 of the raw key, hex: compare it with ' +
          'the one the server prints at start and the console shows), when it was created and, once rotated out, retired. ' +
          'currentKeyId names the key that signs now; server is the name signatures carry.',
        response: { 200: signingKeysResponseSchema, ...errors() },
      },
    }, async () => ctx.signing.publicKeys());
  };
}
