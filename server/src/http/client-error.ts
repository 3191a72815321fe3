import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ERROR_CODES, type ApiError } from '../../../shared/api';

type ClientError = Error & { code?: string };

// Errors Node's HTTP parser raises before Fastify sees a request. Anything else it refuses
// (a control character in a header, a malformed request line, a bad chunk) is a bad request.
const CLIENT_ERRORS: Record<string, Omit<ApiError, 'details'>> = {
  HPE_HEADER_OVERFLOW: { statusCode: 431, code: ERROR_CODES.headersTooLarge, message: 'The request headers are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { statusCode: 408, code: ERROR_CODES.requestTimeout, message: 'The request took too long to arrive.' },
  ERR_HTTP_HEADERS_TIMEOUT: { statusCode: 408, code: ERROR_CODES.requestTimeout, message: 'The request headers took too long to arrive.' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { statusCode: 413, code: ERROR_CODES.payloadTooLarge, message: 'The chunk extensions are too large.' },
};
const MALFORMED: Omit<ApiError, 'details'> = { statusCode: 400, code: ERROR_CODES.badRequest, message: 'The request is not valid HTTP.' };

export function clientErrorBody(error: ClientError): Omit<ApiError, 'details'> {
  return (error.code !== undefined ? CLIENT_ERRORS[error.code] : undefined) ?? MALFORMED;
}

/**
 * Fastify's clientErrorHandler: the documented error JSON on a raw HTTP/1.1 answer, then the
 * connection is closed (the parser cannot resume after an error). A reset or unwritable socket,
 * or one whose answer has already started, is just closed: HTTP leaves nothing to say there.
 */
export function answerClientError(error: ClientError, socket: Socket): void {
  const answering = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable || answering?.headersSent === true) {
    socket.destroy();
    return;
  }
  const answer = clientErrorBody(error);
  const body = JSON.stringify(answer);
  const status = answer.statusCode;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\n' +
      'Connection: close\r\n\r\n' +
      body,
  );
  // A client that never reads must not keep the socket open.
  socket.setTimeout(5_000, () => socket.destroy());
}
