import http from 'node:http';

export type PublicReply = { status: number; body: { code?: string; message?: string; [key: string]: unknown } };

// A call to the reference server's public API from a chosen loopback source address, so the
// token's whitelist meets a real client address.
export const callPublicApi = (baseUrl: string, path: string, secret: string, localAddress = '127.0.0.1'): Promise<PublicReply> =>
  new Promise((resolve, reject) => {
    const url = new URL(path, baseUrl);
    const request = http.request(url, { method: 'GET', localAddress, headers: { Authorization: secret } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, body: text === '' ? {} : (JSON.parse(text) as PublicReply['body']) });
      });
    });
    request.on('error', reject);
    request.end();
  });

// Signs in to the admin API directly, as another administrator's browser would.
export const adminLogin = async (baseUrl: string, email: string, password: string): Promise<string> => {
  const response = await fetch(new URL('/api/admin/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
};
