import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, type ApiError, type ErrorDetail } from '../../../shared/api';
import { HttpError } from './http-error';
import { RouteIndex } from './route-index';

type Answer = { status: number; code: string; message: string };

// Fastify's own client-error codes, mapped to ours: no framework code ever reaches a client,
// and no bad input becomes a 500.
const FASTIFY_CODES: Record<string, Answer> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: ERROR_CODES.malformedJson, message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: ERROR_CODES.malformedJson, message: 'The request body is empty but declared as JSON.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: ERROR_CODES.payloadTooLarge, message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: ERROR_CODES.unsupportedMediaType, message: 'Send the request body as application/json.' },
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: { status: 415, code: ERROR_CODES.unsupportedMediaType, message: 'Send the request body as application/json.' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: ERROR_CODES.unsupportedMediaType, message: 'The Content-Type header is invalid.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: ERROR_CODES.badRequest, message: 'The Content-Length header does not match the body.' },
  FST_ERR_ROUTE_MISSING_CONTENT: { status: 400, code: ERROR_CODES.badRequest, message: 'The request needs a body.' },
  FST_ERR_BAD_URL: { status: 400, code: ERROR_CODES.badRequest, message: 'The URL is not validly encoded.' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 400, code: ERROR_CODES.badRequest, message: 'A path segment is too long.' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: ERROR_CODES.badRequest, message: 'The request cannot be routed.' },
};
// Any other 4xx Fastify raises (none is known to reach clients): our generic code, its status.
const OTHER_CLIENT_ERROR = { code: ERROR_CODES.badRequest, message: 'The request is invalid.' };

export function sendError(reply: FastifyReply, error: ApiError, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(error.statusCode).headers(headers).type('application/json; charset=utf-8').send(error);
}

function validationDetails(error: FastifyError): ErrorDetail[] {
  const where = error.validationContext;
  return (error.validation ?? []).flatMap((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    // Strict bodies report unknown keys on the object itself; name each key as its own field.
    const keys: unknown = issue.params.keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      return keys.map((key) => {
        const name = String(key);
        return { field: path === '' ? name : `${path}.${name}`, message: `Unknown field "${name}".` };
      });
    }
    const field = path === '' ? (where ?? 'body') : path;
    return [{ field, message: issue.message ?? 'Invalid value' }];
  });
}

/** Framework errors raised before routing (Fastify's frameworkErrors option). */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const known = FASTIFY_CODES[error.code] ?? { status: 400, ...OTHER_CLIENT_ERROR };
  void sendError(reply.header('cache-control', 'no-store'), { statusCode: known.status, code: known.code, message: known.message });
}

export function installErrorHandling(app: FastifyInstance): void {
  const routes = new RouteIndex();
  app.addHook('onRoute', (route) => routes.add(route.method, route.url));

  app.setErrorHandler((error: FastifyError | HttpError | Error, request, reply) => {
    if (error instanceof HttpError) {
      return sendError(
        reply,
        { statusCode: error.statusCode, code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
        error.headers,
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendError(reply, {
        statusCode: 400,
        code: ERROR_CODES.validationFailed,
        message: 'The request is invalid.',
        details: validationDetails(error as FastifyError),
      });
    }
    const fastifyError = error as FastifyError;
    const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
    if (known) return sendError(reply, { statusCode: known.status, code: known.code, message: known.message });
    const status = fastifyError.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendError(reply, { statusCode: status, ...OTHER_CLIENT_ERROR });
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, { statusCode: 500, code: ERROR_CODES.internal, message: 'Internal server error.' });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = routes.allowed(path);
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      return sendError(
        reply,
        { statusCode: 405, code: ERROR_CODES.methodNotAllowed, message: `${path} does not answer ${request.method}; it answers ${allowed.join(', ')}.` },
        { allow: allowed.join(', ') },
      );
    }
    return sendError(reply, { statusCode: 404, code: ERROR_CODES.notFound, message: `No route ${request.method} ${path}.` });
  });
}
