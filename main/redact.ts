import { SECRET_PATTERN } from '../shared/domain/secret';

// Last line of defence for anything that leaves main as text (IPC error messages, log lines):
// whatever looks like a credential is masked even if a message was built carelessly upstream.
const PATTERNS: RegExp[] = [
  new RegExp(SECRET_PATTERN.source, 'g'),
  // The reference server's session tokens: wfa_ (access) and wfr_ (refresh).
  /\bwf[ar]_[A-Za-z0-9_-]+/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  // JWT-shaped values and long opaque tokens (refresh tokens, session ids).
  /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g,
  /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g,
  // user:password@ in URLs.
  /(?<=\/\/)[^/\s:@]+:[^/\s@]+@/g,
];

export const redact = (text: string): string =>
  PATTERNS.reduce((current, pattern) => current.replace(pattern, '[redacted]'), text);
