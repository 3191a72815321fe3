import { useCallback, useMemo, useState } from 'react';
import type { IsoDate } from '../../../shared/domain';
import type { IpcError } from '../../../shared/ipc/errors';
import { serverFeedback, type ServerFeedback } from './serverErrors';
import { validateTokenForm, type FormContext, type FormValidation, type TokenField, type TokenFormValues } from './tokenFormModel';

export type TokenForm = {
  values: TokenFormValues;
  /** What the values are checked against (the policy among it). */
  context: FormContext;
  validation: FormValidation;
  /** What each field shows: its own rule once touched, or what the server said about it. */
  errors: Partial<Record<TokenField, string>>;
  /** What the server said about one whitelist row, by row key. */
  entryErrors: ReadonlyMap<number, string>;
  general: string | null;
  set: <K extends TokenField>(field: K, value: TokenFormValues[K]) => void;
  /** The expiry as typed: a date (or none), or text that is not a date yet and blocks submit. */
  setExpiry: (expiresOn: IsoDate | null, text: string | undefined) => void;
  touch: (field: TokenField) => void;
  /** Shows every rule's message, e.g. before a submit. */
  touchAll: () => void;
  /** Puts a failed call's answer on the fields; nothing typed is changed. */
  showServerError: (error: IpcError) => void;
  clearGeneral: () => void;
  /** Replaces what is on screen without touching the fields or the server's messages. */
  replace: (values: TokenFormValues) => void;
};

const NO_FEEDBACK: ServerFeedback = { fields: {}, entries: new Map(), general: null };

export function useTokenForm(initial: () => TokenFormValues, context: FormContext): TokenForm {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<TokenField>>(() => new Set());
  // Entry messages are kept by row key: the server numbers the non-blank rows it was sent.
  const [server, setServer] = useState<ServerFeedback>(NO_FEEDBACK);

  const validation = useMemo(() => validateTokenForm(values, context), [values, context]);

  const touch = useCallback((field: TokenField) => {
    setTouched((previous) => (previous.has(field) ? previous : new Set([...previous, field])));
  }, []);

  const forgetServer = useCallback((field: TokenField) => {
    setServer((previous) => {
      if (field === 'whitelist' && previous.entries.size > 0) previous = { ...previous, entries: new Map() };
      if (previous.fields[field] === undefined) return previous;
      const fields = { ...previous.fields };
      delete fields[field];
      return { ...previous, fields };
    });
  }, []);

  const set = useCallback(
    <K extends TokenField>(field: K, value: TokenFormValues[K]) => {
      setValues((previous) => ({ ...previous, [field]: value }));
      touch(field);
      forgetServer(field);
    },
    [touch, forgetServer],
  );

  const setExpiry = useCallback(
    (expiresOn: IsoDate | null, text: string | undefined) => {
      setValues((previous) => {
        const next: TokenFormValues = { ...previous, expiresOn };
        if (text === undefined) delete next.expiryText;
        else next.expiryText = text;
        return next;
      });
      touch('expiresOn');
      forgetServer('expiresOn');
    },
    [touch, forgetServer],
  );

  const errors: Partial<Record<TokenField, string>> = {};
  for (const field of ['name', 'roleId', 'expiresOn', 'owner', 'description'] as const) {
    const own = touched.has(field) ? validation.fields[field] : undefined;
    const message = server.fields[field] ?? own;
    if (message !== undefined) errors[field] = message;
  }
  if (server.fields.whitelist !== undefined) errors.whitelist = server.fields.whitelist;

  return {
    values,
    context,
    validation,
    errors,
    general: server.general,
    set,
    setExpiry,
    touch,
    touchAll: useCallback(() => setTouched(new Set<TokenField>(['name', 'roleId', 'expiresOn', 'whitelist', 'owner', 'description'])), []),
    entryErrors: server.entries,
    showServerError: useCallback(
      (error: IpcError) => {
        const feedback = serverFeedback(error);
        const sent = values.whitelist.filter((row) => row.value.trim() !== '');
        const entries = new Map<number, string>();
        const unplaced: string[] = [];
        for (const [index, message] of feedback.entries) {
          const row = sent[index];
          if (row === undefined) unplaced.push(message);
          else entries.set(row.key, message);
        }
        const fields = { ...feedback.fields };
        if (unplaced.length > 0) fields.whitelist = [fields.whitelist, ...unplaced].filter(Boolean).join(' ');
        setServer({ fields, entries, general: feedback.general });
      },
      [values.whitelist],
    ),
    clearGeneral: useCallback(() => setServer((previous) => ({ ...previous, general: null })), []),
    replace: setValues,
  };
}
