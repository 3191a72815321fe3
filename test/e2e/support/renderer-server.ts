import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_HOST, APP_SCHEME, serveAppRequest } from '../../../main/protocol';
import { RENDERER_BUILD_DIR } from './paths';

// Serves the built renderer over loopback HTTP through main's own app:// handler, so the page
// gets exactly the files, types and security headers (CSP included) the packaged app serves.
// Electron keeps V8's code cache for app:// (main registers the scheme with `codeCache`); over
// HTTP, Chromium keeps it only for a response it may reuse, so files carry an ETag and a
// conditional request gets 304: a reload compiles the scripts no more than Electron's does.
export type RendererServer = { origin: string; close(): Promise<void> };

/** A harness's own responses (the bench's answers), asked first; null passes the request on. */
export type ExtraRoute = (path: string) => Response | null;

export const startRendererServer = async (rootDir: string = RENDERER_BUILD_DIR, extra?: ExtraRoute): Promise<RendererServer> => {
  const server = http.createServer((req, res) => {
    const own = extra?.(req.url ?? '/');
    if (own) {
      void own.arrayBuffer().then((body) => {
        res.writeHead(own.status, Object.fromEntries(own.headers.entries()));
        res.end(Buffer.from(body));
      });
      return;
    }
    const appUrl = `${APP_SCHEME}://${APP_HOST}${req.url ?? '/'}`;
    void serveAppRequest(new Request(appUrl, { method: req.method ?? 'GET' }), rootDir).then(async (response) => {
      const body = Buffer.from(await response.arrayBuffer());
      const headers = Object.fromEntries(response.headers.entries());
      if (response.status === 200) {
        headers.etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
        if (req.headers['if-none-match'] === headers.etag) {
          res.writeHead(304, headers);
          res.end();
          return;
        }
      }
      res.writeHead(response.status, headers);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
