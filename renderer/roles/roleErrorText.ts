import type { IpcError } from '../../shared/ipc/errors';
import { errorText } from '../ipc/errorText';

// The server words refusals about roles precisely (rank, in use, a right not held, someone
// else's change): show its sentence; anything else reads as everywhere in the console.
const SERVER_WORDED = new Set(['forbidden', 'in_use', 'conflict', 'not_found', 'name_taken', 'validation']);

export function roleErrorText(error: IpcError): string {
  if (error.code === 'validation' && error.details && error.details.length > 0) return error.details.map((detail) => detail.message).join(' ');
  return SERVER_WORDED.has(error.code) && error.message.trim() !== '' ? error.message : errorText(error);
}
