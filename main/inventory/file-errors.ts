import { basename } from 'node:path';
import { AppError, isAppError } from '../errors';
import { FILE_CHANGED } from './file-text';

// File-system failures in words a user can act on; the errno code picks the words, the path
// is shown by its name only (full paths can hold a user name).
export function fileError(error: unknown, action: 'read' | 'write', filePath: string): AppError {
  if (isAppError(error)) return error;
  const name = basename(filePath);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return action === 'read'
        ? new AppError('not_found', `The file "${name}" could not be found.`)
        : new AppError('not_found', `The folder for "${name}" no longer exists.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('forbidden', `The console is not allowed to ${action} "${name}". Choose another location.`);
    case FILE_CHANGED:
      return new AppError('conflict', `"${name}" changed while it was being read. Open it again once nothing is writing it.`);
    case 'EISDIR':
      return new AppError('validation', `"${name}" is a folder, not a file.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('internal', `There is not enough disk space to write "${name}".`);
    default:
      return new AppError('internal', `The console could not ${action} "${name}"${code ? ` (${code})` : ''}.`);
  }
}
