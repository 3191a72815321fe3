import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedErrorSchema } from '../../shared/api';
import { clientErrorBody } from '../../server/src/http/client-error';
import { login, request, startServer, type Session, type Started } from './harness';

let server: Started;
let admin: Session;

beforeAll(async () => {
  server = await startServer();
  admin = await login(server.port);
});
afterAll(async () => {
  await server.close();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection after answering. */
  closed: boolean;
}

/** Writes bytes on a raw socket and reads until the server closes it (or 3 s pass). */
function raw(bytes: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: server.port });
    const chunks: Buffer[] = [];
    let closed = false;
    const finish = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n'), closed });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      finish();
    }, 3000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      closed = true;
      clearTimeout(timer);
      finish();
    });
    socket.write(bytes);
  });
}

function expectDocumented(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  expect(answer.headers.connection).toBe('close');
  expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
  const body = documentedErrorSchema.strict().parse(JSON.parse(answer.body));
  expect(body).toMatchObject({ statusCode: status, code });
  expect(answer.closed).toBe(true);
}

describe('errors before routing', () => {
  it('answers a control character in a header value with 400 bad_request and closes', async () => {
    const answer = await raw('GET /api/admin/roles HTTP/1.1\r\nHost: x\r\nX-Test: a\x04b\r\n\r\n');
    expectDocumented(answer, 400, 'bad_request');
  });

  it('answers a malformed request line with 400 bad_request and closes', async () => {
    expectDocumented(await raw('GET /api/admin/roles HTTP/9\r\nHost: x\r\n\r\n'), 400, 'bad_request');
    expectDocumented(await raw('this is not http\r\n\r\n'), 400, 'bad_request');
    expectDocumented(await raw('G@T / HTTP/1.1\r\nHost: x\r\n\r\n'), 400, 'bad_request');
  });

  it('answers headers over the limit with 431 headers_too_large and closes', async () => {
    const answer = await raw(`GET /api/admin/roles HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expectDocumented(answer, 431, 'headers_too_large');
  });

  it('answers a bad chunked body with 400 bad_request', async () => {
    const answer = await raw(
      'POST /api/admin/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
    );
    expectDocumented(answer, 400, 'bad_request');
  });

  it('maps a request timeout to 408 request_timeout', () => {
    const error = Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });
    expect(clientErrorBody(error)).toEqual({ statusCode: 408, code: 'request_timeout', message: expect.any(String) });
  });

  it('keeps serving after refusing a connection', async () => {
    await raw('GET / HTTP/1.1\r\nX-Test: \x7f\x01\r\n\r\n');
    const reply = await request(server.port, '/api/admin/roles', { headers: admin.auth });
    expect(reply.status).toBe(200);
  });

  it('answers a URL with broken percent-encoding with 400 bad_request', async () => {
    const reply = await request(server.port, '/api/admin/identification-tokens/%E0%A4%A', { headers: admin.auth });
    expect(reply.status).toBe(400);
    expect(documentedErrorSchema.parse(reply.body).code).toBe('bad_request');
  });
});

describe('methods a path does not answer', () => {
  it('answers 405 method_not_allowed with an Allow header listing the path\'s methods', async () => {
    const put = await request(server.port, '/api/admin/identification-tokens/5', { method: 'PUT', headers: admin.auth });
    expect(put.status).toBe(405);
    expect(documentedErrorSchema.parse(put.body).code).toBe('method_not_allowed');
    expect(put.headers.allow).toBe('DELETE, GET, HEAD, PATCH');

    const del = await request(server.port, '/api/admin/auth/login', { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.allow).toBe('POST');
  });

  it('still answers 404 not_found for a path nothing answers', async () => {
    const reply = await request(server.port, '/api/admin/identification-tokens/5/secret', { method: 'PUT', headers: admin.auth });
    expect(reply.status).toBe(404);
    expect(documentedErrorSchema.parse(reply.body).code).toBe('not_found');
  });

  it('answers 415 unsupported_media_type, not a framework code, for a body without a JSON type', async () => {
    const reply = await request(server.port, '/api/admin/auth/login', { method: 'POST', rawBody: 'email=a', headers: { 'content-type': 'text/plain' } });
    expect(reply.status).toBe(415);
    expect(documentedErrorSchema.parse(reply.body).code).toBe('unsupported_media_type');
  });
});
