import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_HOST, APP_SCHEME, serveAppRequest } from '../../../main/protocol';
import { RENDERER_BUILD_DIR } from './paths';

// Serves the built renderer over loopback HTTP through main's own app:// handler, so the page
// gets exactly the files, types and security headers (CSP included) the packaged app serves.
export type RendererServer = { origin: string; close(): Promise<void> };

export const startRendererServer = async (rootDir: string = RENDERER_BUILD_DIR): Promise<RendererServer> => {
  const server = http.createServer((req, res) => {
    const appUrl = `${APP_SCHEME}://${APP_HOST}${req.url ?? '/'}`;
    void serveAppRequest(new Request(appUrl, { method: req.method ?? 'GET' }), rootDir).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
