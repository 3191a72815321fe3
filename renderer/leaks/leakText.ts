import type { LeakFinding } from '../../shared/ipc/leaks-contract';
import { formatDisplayDateTime } from '../../shared/domain';

/** What a finding means, in words: the status column of the Leaked secret page. */
export function findingText(finding: LeakFinding, timeZone: string): string {
  switch (finding.status) {
    case 'current':
      return 'Live: this is the token’s current secret.';
    case 'previous':
      return finding.token?.previousSecret
        ? `Live: the old secret of a rotation, valid until ${formatDisplayDateTime(finding.token.previousSecret.validUntil, timeZone)}.`
        : 'Live: the old secret of a rotation.';
    case 'revoked': {
      const when = finding.revokedAt ? ` on ${formatDisplayDateTime(finding.revokedAt, timeZone)}` : '';
      const name = finding.tokenName ? ` “${finding.tokenName}”` : '';
      return finding.revokedBecause === 'rotated'
        ? `Already revoked: the secret of${name} was rotated out${when}.`
        : `Already revoked: the token${name} was deleted${when}.`;
    }
    case 'unknown':
      return 'Unknown: no token you can see has this secret.';
    case 'malformed':
      return 'Malformed: not a Wifox secret (wrong length or checksum), so it opens nothing. It was not sent to the server.';
  }
}

export const isLive = (finding: LeakFinding): boolean => finding.status === 'current' || finding.status === 'previous';
