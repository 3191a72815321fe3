import type { IpcError } from '../../shared/ipc/errors';

// Main words every error (shared/ipc/error-wording.ts); a refused role form lists the server's
// sentence for each field it names, as the drawer has no single field to put them on.
export function roleErrorText(error: IpcError): string {
  if (error.code === 'validation' && error.details && error.details.length > 0) return error.details.map((detail) => detail.message).join(' ');
  return error.message;
}
