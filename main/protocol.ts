import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from './csp';
import { APP_HOST, APP_SCHEME } from './ipc/trusted-sender';

export { APP_HOST, APP_SCHEME };

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export type Resolution = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 };

// Maps app://wifox/<path> to a file under rootDir, refusing anything that could step outside
// it: encoded separators, dot segments, NUL bytes, another host.
export const resolveAppPath = (requestUrl: string, rootDir: string): Resolution => {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  const rawPath = url.pathname;
  if (/%2f|%5c|%00/i.test(rawPath) || rawPath.includes('\\')) return { ok: false, status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400 };
  }
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes('\0'))) {
    return { ok: false, status: 403 };
  }
  const relativePath = segments.length === 0 ? 'index.html' : segments.join(sep);
  const root = resolve(rootDir);
  const filePath = resolve(root, relativePath);
  const within = relative(root, filePath);
  if (within === '' || within.startsWith('..') || isAbsolute(within)) return { ok: false, status: 403 };
  return { ok: true, filePath };
};

export type ReadFileFn = (filePath: string) => Promise<Uint8Array>;

// The protocol handler's body, free of Electron so a test can call it with a plain Request.
export const serveAppRequest = async (
  request: Request,
  rootDir: string,
  read: ReadFileFn = (filePath) => readFile(filePath),
): Promise<Response> => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: SECURITY_HEADERS });
  }
  const resolution = resolveAppPath(request.url, rootDir);
  if (!resolution.ok) return new Response(null, { status: resolution.status, headers: SECURITY_HEADERS });
  let body: Uint8Array;
  try {
    body = await read(resolution.filePath);
  } catch {
    return new Response(null, { status: 404, headers: SECURITY_HEADERS });
  }
  const type = MIME_TYPES[extname(resolution.filePath).toLowerCase()] ?? 'application/octet-stream';
  return new Response(request.method === 'HEAD' ? null : new Blob([new Uint8Array(body)]), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-cache' },
  });
};
