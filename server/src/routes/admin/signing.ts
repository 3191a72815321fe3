import { ADMIN_PATHS, inventorySignRequestSchema, inventorySignatureSchema, signingKeysResponseSchema } from '../../../../shared/api';
import { requireAdminContext } from '../../http/request-context';
import type { ServerContext } from '../../server-context';
import { BODY_ERRORS, errors, type ZodApp } from '../types';

const tags = ['admin: signed inventories'];
const security = [{ adminBearer: [] }];

export function signingRoutes(app: ZodApp, ctx: ServerContext): void {
  app.post(ADMIN_PATHS.inventorySignatures, {
    schema: {
      tags,
      summary: 'Sign an inventory\'s digest with the server\'s current key',
      description:
        'Needs View own on Security. The body is the SHA-256 (hex) of the inventory\'s canonical content. The Ed25519 ' +
        'signature covers "wifox-inventory-v1\\n" followed by the canonical JSON of { digestAlgorithm: "SHA-256", digest, ' +
        'keyId, server, signedAt, signedFor }: the content, the server\'s name, the key, the time and the employee it was ' +
        'signed for. Audited (inventory.signed, with the digest and key id). Verify with the keys of GET ' + '/api/public/signing-keys.',
      security,
      body: inventorySignRequestSchema,
      response: { 200: inventorySignatureSchema, ...errors(...BODY_ERRORS, 401, 403) },
    },
  }, async (request) => ctx.signing.signInventory(requireAdminContext(request.admin), request.body.digest, request.clientAddress));

  app.post(ADMIN_PATHS.rotateSigningKey, {
    schema: {
      tags,
      summary: 'Rotate the inventory signing key',
      description:
        'Needs Manage all on Security. A new key pair signs from now on, on every node; the previous key is retired (retiredAt) ' +
        'but stays published so inventories it signed still verify. Audited (signing_key.rotated). Answers the published keys.',
      security,
      response: { 200: signingKeysResponseSchema, ...errors(401, 403) },
    },
  }, async (request) => ctx.signing.rotate(requireAdminContext(request.admin), request.clientAddress));
}
