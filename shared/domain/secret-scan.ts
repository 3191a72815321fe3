import { isWellFormedSecret, secretHint } from './secret';

// Anything that starts like a secret: wfx_ and a run of base62 characters, not inside a word.
const CANDIDATE = /(?<![0-9A-Za-z_])wfx_[0-9A-Za-z]+/g;

export interface FoundSecret {
  /** The text as found; it stays in the process that scanned it. */
  secret: string;
  /** Prefix, length, alphabet and checksum all right: worth asking the server about. */
  wellFormed: boolean;
  /** What may be shown of it: prefix + 4 characters. */
  hint: string;
}

/**
 * The `wfx_` secrets in a pasted text, each once, in the order they appear. A candidate with a
 * wrong length, alphabet or checksum is reported as malformed (a typo, a truncation or a
 * forgery); it is never sent anywhere, not even hashed.
 */
export function findSecrets(text: string): FoundSecret[] {
  const seen = new Set<string>();
  const found: FoundSecret[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const secret = match[0];
    if (seen.has(secret)) continue;
    seen.add(secret);
    found.push({ secret, wellFormed: isWellFormedSecret(secret), hint: secretHint(secret) });
  }
  return found;
}
