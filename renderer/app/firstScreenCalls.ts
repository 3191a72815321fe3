import type { HeadStartCall } from '../ipc/headStart';
import type { Section } from '../layout/sections';
import { FIRST_ROWS } from '../tokens/restOfList';

/**
 * What the first screen asks main for, exactly as it asks (see withHeadStart): the session and
 * the settings, the sidebar's expiry count, and, when the token list is the section shown,
 * its first rows, the roles, the organisation's zone and the token policy.
 */
export function firstScreenCalls(section: Section): HeadStartCall[] {
  const shell: HeadStartCall[] = [['session.state'], ['settings.get'], ['reminders.status']];
  if (section !== 'tokens') return shell;
  return [...shell, ['tokens.list', { firstRows: FIRST_ROWS }], ['roles.list'], ['settings.org'], ['policy.get']];
}
