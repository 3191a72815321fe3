import { compileWhitelist, normalizeClientAddress, validateWhitelist } from '../../../shared/domain';

export type AddressResolver = (socketAddress: string | undefined, forwardedFor: string | string[] | undefined) => string;

export class TrustProxyError extends Error {}

/**
 * The client address of a request: the socket's peer, IPv4-mapped IPv6 unmapped. Only when
 * that peer is a trusted proxy is X-Forwarded-For read, from the right, skipping further
 * trusted proxies; the first untrusted hop is the client. A malformed hop stops the walk at the
 * last address we can vouch for, so a client cannot smuggle a value past a trusted proxy.
 */
export function createAddressResolver(trustedProxies: readonly string[]): AddressResolver {
  const checked = validateWhitelist([...trustedProxies]);
  // A list is valid exactly when it has no error: the first one names the entry to fix.
  const first = checked.errors[0];
  if (first) {
    // Stryker disable next-line StringLiteral: an error's index is always one of the entries
    throw new TrustProxyError(`--trust-proxy: "${trustedProxies[first.index] ?? ''}" is not an IP address or CIDR range (${first.message}).`);
  }
  const trusted = checked.entries.length > 0 ? compileWhitelist(checked.entries) : null;

  return (socketAddress, forwardedFor) => {
    let address = (socketAddress === undefined ? null : normalizeClientAddress(socketAddress)) ?? 'unknown';
    if (!trusted || !trusted.matches(address) || forwardedFor === undefined) return address;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',');
    for (let i = hops.length - 1; i >= 0; i--) {
      // Stryker disable next-line StringLiteral: i stays within the hops
      const hop = normalizeClientAddress((hops[i] ?? '').trim());
      if (hop === null) return address;
      address = hop;
      if (!trusted.matches(address)) return address;
    }
    return address;
  };
}
