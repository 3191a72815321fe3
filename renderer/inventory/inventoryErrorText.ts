import type { IpcError } from '../../shared/ipc/errors';
import { errorText } from '../ipc/errorText';

/**
 * For snapshot files and the offline copy, main's own message is the clear one ("The file has
 * been changed since it was exported…", "The console is not allowed to write…"); the generic
 * texts (a missing *token*, a role's rank) would mislead here.
 */
export function inventoryErrorText(error: IpcError): string {
  switch (error.code) {
    case 'validation':
    case 'not_found':
    case 'forbidden':
    case 'internal':
      return error.message;
    default:
      return errorText(error);
  }
}
