import type { IpcError } from '../../../shared/ipc/errors';
import { errorText } from '../../ipc/errorText';
import type { TokenField } from './tokenFormModel';

export type ServerFeedback = {
  /** Messages shown on the field they concern; cleared when that field changes. */
  fields: Partial<Record<TokenField, string>>;
  /** Anything not about one field. */
  general: string | null;
};

const FIELD_OF: Readonly<Record<string, TokenField>> = {
  name: 'name',
  roleId: 'roleId',
  expiresOn: 'expiresOn',
  whitelist: 'whitelist',
};

/** Places a failed create or save where the user will look: on the field, or above the form. */
export function serverFeedback(error: IpcError): ServerFeedback {
  if (error.code === 'name_taken') return { fields: { name: error.message }, general: null };
  if (error.code === 'validation' && error.details && error.details.length > 0) {
    const fields: ServerFeedback['fields'] = {};
    const unplaced: string[] = [];
    for (const detail of error.details) {
      const [head, index] = detail.field.split('.');
      const field = head === undefined ? undefined : FIELD_OF[head];
      if (field === undefined) {
        unplaced.push(detail.message);
        continue;
      }
      const message = field === 'whitelist' && index !== undefined ? `Entry ${Number(index) + 1}: ${detail.message}` : detail.message;
      fields[field] = fields[field] ? `${fields[field]} ${message}` : message;
    }
    return { fields, general: unplaced.length > 0 ? unplaced.join(' ') : null };
  }
  return { fields: {}, general: errorText(error) };
}
