import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { ADMIN_PATHS } from '../../../shared/api';

type Transform = typeof jsonSchemaTransform;
type Responses = Record<string, Record<string, unknown>>;

// Response descriptions: what a status means on this API.
const STATUS_DESCRIPTIONS: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No content: the answer has no body.',
  400: 'Invalid request: validation_failed (details name each field), malformed_json or bad_request.',
  401: 'Not authenticated (see the code).',
  403: 'Authenticated but not allowed (see the code).',
  404: 'not_found: no such id.',
  409: 'name_taken: another token has this name, compared without case.',
  412: 'version_mismatch: If-Match names a version that is no longer current.',
  413: 'payload_too_large: the body is over the limit.',
  415: 'unsupported_media_type: the body is not application/json.',
  429: 'Too many attempts (login_locked, rate_limited); Retry-After gives the seconds to wait.',
  503: 'store_unavailable: a PostgreSQL node cannot reach its database; nothing was acknowledged, retry after Retry-After.',
};

// OpenAPI 3.0 marks a nullable schema with `nullable: true`, but an enum still lists every
// allowed value: a nullable enum must list null, or validators refuse the null it allows.
function listNullInEnums(schema: unknown): void {
  if (Array.isArray(schema)) {
    for (const item of schema) listNullInEnums(item);
    return;
  }
  if (schema === null || typeof schema !== 'object') return;
  const record = schema as Record<string, unknown>;
  if (record.nullable === true && Array.isArray(record.enum) && !record.enum.includes(null)) record.enum = [...record.enum, null];
  for (const value of Object.values(record)) listNullInEnums(value);
}

const RETRY_AFTER = { 'retry-after': { type: 'integer', minimum: 1, description: 'Seconds to wait before trying again.' } };
const ETAG = { etag: { type: 'string', pattern: '^"\\d+"$', description: 'The token\'s version, quoted ("7"): send it back in If-Match.' } };

// Answers that carry a token carry its version.
function carriesToken(method: string, url: string): boolean {
  return url === `${ADMIN_PATHS.tokens}/:id` ? method !== 'DELETE' : url === ADMIN_PATHS.tokens && method === 'POST';
}

/**
 * The zod transform, then what it cannot say: a 204 has no content (the zod schema of a 204 is
 * z.null(), which the generator would document as a JSON null), and each status's meaning.
 */
export const openApiTransform: Transform = (input) => {
  const output = jsonSchemaTransform(input);
  const schema = output.schema as { response?: Responses } | undefined;
  listNullInEnums(schema);
  const methods = input.route.method;
  const method = typeof methods === 'string' ? methods : (methods[0] ?? '');
  if (schema?.response) {
    for (const [status, response] of Object.entries(schema.response)) {
      if (status === '204') {
        schema.response[status] = { type: 'null', description: STATUS_DESCRIPTIONS[204] };
        continue;
      }
      const headers = status === '429' || status === '503' ? RETRY_AFTER : (status === '200' || status === '201') && carriesToken(method, input.url) ? ETAG : undefined;
      schema.response[status] = {
        ...response,
        ...(response.description === undefined && STATUS_DESCRIPTIONS[status] !== undefined ? { description: STATUS_DESCRIPTIONS[status] } : {}),
        ...(headers ? { headers } : {}),
      };
    }
  }
  return output;
};
