// The console sends passwords and bearer tokens to a profile's base URL, so plain http is only
// acceptable when the traffic never leaves the machine.

export type BaseUrlCheck =
  | { ok: true; url: string }
  | { ok: false; reason: 'invalid' | 'insecure'; message: string };

const isLoopbackIpv4 = (host: string): boolean => {
  const parts = host.split('.');
  if (parts.length !== 4) return false;
  if (!parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return false;
  return parts[0] === '127';
};

// Literal loopback only: `localhost` itself, 127.0.0.0/8 and ::1. Other names, `*.localhost`
// included, go through a resolver (hosts file, DNS, a proxy) that may send them anywhere.
export const isLoopbackHost = (hostname: string): boolean => {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  // WHATWG URL parsing normalises an IPv4-mapped loopback to `::ffff:7f00:1`.
  const mapped = /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.exec(host);
  if (mapped) return true;
  return isLoopbackIpv4(host);
};

export const checkBaseUrl = (input: string): BaseUrlCheck => {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'invalid', message: 'Enter a full address such as https://wifox.example.com.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'invalid', message: 'The address must start with https://.' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'invalid', message: 'The address must not contain a user name or password.' };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, reason: 'invalid', message: 'The address must not contain a query or a fragment.' };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      reason: 'insecure',
      message: 'Use https:// — plain http:// is only allowed for this computer (localhost, 127.0.0.1, [::1]).',
    };
  }
  // One canonical spelling without a trailing slash, so `${baseUrl}/api/...` joins cleanly.
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
};
