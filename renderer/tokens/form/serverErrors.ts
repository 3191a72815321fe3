import type { IpcError } from '../../../shared/ipc/errors';
import type { TokenField } from './tokenFormModel';

export type ServerFeedback = {
  /** Messages shown on the field they concern; cleared when that field changes. */
  fields: Partial<Record<TokenField, string>>;
  /** Messages about one whitelist entry, by its index in the list that was sent. */
  entries: ReadonlyMap<number, string>;
  /** Anything not about one field. */
  general: string | null;
};

const FIELD_OF: Readonly<Record<string, TokenField>> = {
  name: 'name',
  roleId: 'roleId',
  expiresOn: 'expiresOn',
  whitelist: 'whitelist',
  owner: 'owner',
  description: 'description',
};

/** Places a failed create or save where the user will look: on the field, or above the form. */
export function serverFeedback(error: IpcError): ServerFeedback {
  if (error.code === 'name_taken') return { fields: { name: error.message }, entries: new Map(), general: null };
  if (error.code === 'validation' && error.details && error.details.length > 0) {
    const fields: ServerFeedback['fields'] = {};
    const entries = new Map<number, string>();
    const unplaced: string[] = [];
    for (const detail of error.details) {
      const [head, index] = detail.field.split('.');
      const field = head === undefined ? undefined : FIELD_OF[head];
      if (field === undefined) {
        unplaced.push(detail.message);
        continue;
      }
      // The server's words are the shared domain's, so they read as the console's own; an
      // entry's message goes on that entry, since entries carry no numbers on screen.
      if (field === 'whitelist' && index !== undefined && /^\d+$/.test(index)) {
        const at = Number(index);
        entries.set(at, entries.has(at) ? `${entries.get(at)} ${detail.message}` : detail.message);
        continue;
      }
      fields[field] = fields[field] ? `${fields[field]} ${detail.message}` : detail.message;
    }
    return { fields, entries, general: unplaced.length > 0 ? unplaced.join(' ') : null };
  }
  return { fields: {}, entries: new Map(), general: error.message };
}
