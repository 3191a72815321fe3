import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_HOST, APP_SCHEME, serveAppRequest } from '../../../main/protocol';
import { RENDERER_BUILD_DIR } from './paths';

// Serves the built renderer over loopback HTTP through main's own app:// handler, so the page
// gets exactly the files, types and security headers (CSP included) the packaged app serves.
// Electron keeps V8's code cache for app:// (main registers the scheme with `codeCache`, which
// Chromium checks against a hash of the script's text), so a later start of the console does
// not compile its scripts again. Over HTTP, a script revalidated at each load (ETag, 304) was
// at times compiled anew (the 1 MB bundle: about 160 ms off the main thread, before any call).
// Vite names every file under assets/ after a hash of its content, so those are served
// immutable, as a web server serves them, and their compiled code is reused; index.html is
// revalidated.
export type RendererServer = { origin: string; close(): Promise<void> };

/** A harness's own responses (the bench's answers), asked first; null passes the request on. */
export type ExtraRoute = (path: string) => Response | null;

// assets/<name>-<hash>.<ext>, as Vite writes the renderer's build.
const isHashedAsset = (path: string): boolean => /^\/assets\/[^/?#]+-[\w-]{8}\.\w+(\.map)?$/.test(path);

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
      if (response.status === 200 && isHashedAsset(req.url ?? '/')) {
        headers['cache-control'] = 'max-age=31536000, immutable';
      } else if (response.status === 200) {
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
