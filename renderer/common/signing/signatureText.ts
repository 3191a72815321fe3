import { formatDisplayDate, todayIn } from '../../../shared/domain';
import type { SignatureState } from '../../../shared/inventory/signature';

export type SignatureText = { tone: 'success' | 'warning' | 'error'; title: string; detail: string };

/** The day a signature was made, DD/MM/YYYY in the inventory's (the organisation's) zone. */
function signedOn(signedAt: string, timeZone: string): string {
  return formatDisplayDate(todayIn(timeZone, new Date(signedAt)));
}

/** What a reviewer reads about who vouches for an inventory file. */
export function signatureText(state: SignatureState, timeZone: string): SignatureText {
  switch (state.state) {
    case 'signed': {
      const { signature } = state;
      return {
        tone: 'success',
        title: `Signed by ${signature.server} on ${signedOn(signature.signedAt, timeZone)}, unaltered`,
        detail:
          `Checked on this computer, without a connection, with the server key recorded by the profile “${state.profileName}” ` +
          `(fingerprint ${state.fingerprint}). Signed at the request of ${signature.signedFor.name}.`,
      };
    }
    case 'unsigned':
      return {
        tone: 'warning',
        title: 'Unsigned inventory: where it comes from cannot be proved',
        detail:
          'This file carries no server signature. Its SHA-256 digest only shows it is not damaged: anyone could have written or edited it and recomputed the digest.',
      };
    case 'foreign': {
      const { signature } = state;
      const pending = state.fingerprint
        ? ` A profile here has seen this key (fingerprint ${state.fingerprint}) but it has not been accepted: compare the fingerprint with the server's and accept it under the profile's signing keys.`
        : '';
      return {
        tone: 'error',
        title: 'Signed by a key this console does not trust',
        detail:
          `The file says it was signed by ${signature.server} on ${signedOn(signature.signedAt, timeZone)} with key ${signature.keyId}, ` +
          `but no profile of this console has recorded that key, so the signature proves nothing here.${pending}`,
      };
    }
  }
}
