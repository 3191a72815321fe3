import { z } from 'zod';
import {
  allowedErrors,
  type Channel,
  type ChannelParsedArg,
  type IpcContract,
  ipcContract,
  isChannel,
} from '../../shared/ipc/contract';
import { ERROR_WORDING } from '../../shared/ipc/error-wording';
import { type Envelope, type IpcError, type IpcErrorDetail, fail, ok } from '../../shared/ipc/errors';
import { AppError } from '../errors';
import { type Logger, silentLogger } from '../ports';
import { redact } from '../redact';
import { isCheckedFor } from './checked-answers';

// Who called: enough to tell our own window, loaded from our own origin, from anything else.
export type SenderInfo = {
  webContentsId: number;
  // URL of the frame that sent the message; null when Electron no longer knows it.
  frameUrl: string | null;
  isMainFrame: boolean;
};

export type IpcHandler<C extends Channel> = (
  arg: ChannelParsedArg<C>,
  sender: SenderInfo,
) => Promise<z.input<IpcContract[C]['result']>> | z.input<IpcContract[C]['result']>;

export type IpcHandlers = { [C in Channel]: IpcHandler<C> };

export type IpcRouterOptions = {
  isTrustedSender: (sender: SenderInfo) => boolean;
  logger?: Logger;
};

export interface IpcRouter {
  dispatch(channel: string, rawArg: unknown, sender: SenderInfo): Promise<Envelope>;
}

const MAX_DETAILS = 50;

export const zodDetails = (error: z.ZodError): IpcErrorDetail[] =>
  error.issues.slice(0, MAX_DETAILS).map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));

// Every failure becomes data the UI can show: no stacks, no axios objects, nothing secret.
export const toIpcError = (error: unknown): IpcError => {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: redact(error.message),
      ...(error.details ? { details: error.details.map((d) => ({ field: d.field, message: redact(d.message) })) } : {}),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  if (error instanceof z.ZodError) {
    return { code: 'validation', message: ERROR_WORDING.validation, details: zodDetails(error) };
  }
  return { code: 'internal', message: ERROR_WORDING.internal };
};

// One gate for every channel: trusted sender, argument parsed as unknown, handler, result
// checked against the contract (or already, where it was made: ./checked-answers.ts), failures mapped. The transport (ipcMain.handle in Electron,
// Playwright's exposeBinding in the browser harness) only forwards to `dispatch`.
export const createIpcRouter = (handlers: IpcHandlers, options: IpcRouterOptions): IpcRouter => {
  const logger = options.logger ?? silentLogger;

  const dispatch = async (channel: string, rawArg: unknown, sender: SenderInfo): Promise<Envelope> => {
    if (!options.isTrustedSender(sender)) {
      logger.warn('refused an IPC call from an untrusted sender', { channel: String(channel).slice(0, 80), webContentsId: sender.webContentsId });
      return fail({ code: 'forbidden', message: 'Refused: the call did not come from a console window.' });
    }
    if (!isChannel(channel)) {
      logger.warn('refused an IPC call on an unknown channel', { channel: String(channel).slice(0, 80) });
      return fail({ code: 'validation', message: `Unknown channel "${String(channel).slice(0, 80)}".` });
    }
    const definition = ipcContract[channel];
    const arg = definition.arg.safeParse(rawArg);
    if (!arg.success) {
      return fail({ code: 'validation', message: ERROR_WORDING.validation, details: zodDetails(arg.error) });
    }
    let value: unknown;
    try {
      const handler = handlers[channel] as (arg: unknown, sender: SenderInfo) => unknown;
      value = await handler(arg.data, sender);
    } catch (error) {
      const ipcError = toIpcError(error);
      if (ipcError.code === 'internal') {
        logger.error('an IPC handler failed', { channel, error: describe(error) });
      }
      if (!allowedErrors(channel).includes(ipcError.code)) {
        logger.error('a handler answered with a code outside its contract', { channel, code: ipcError.code });
        return fail({ ...ipcError, code: 'internal' });
      }
      return fail(ipcError);
    }
    if (isCheckedFor(value, definition.result)) return ok(value);
    const result = (definition.result as z.ZodType).safeParse(value);
    if (!result.success) {
      logger.error('an IPC handler returned data outside its contract', { channel, issues: zodDetails(result.error) });
      return fail({ code: 'internal', message: 'The console produced an unexpected answer. Try again.' });
    }
    return ok(result.data);
  };

  return { dispatch };
};

// For the log only: the error's class and a redacted message, never its stack or config.
const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${redact(error.message).slice(0, 300)}` : typeof error;
