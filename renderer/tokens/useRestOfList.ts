import { useEffect, useRef, useState } from 'react';
import type { TokenListResult } from '../../shared/ipc/contract';
import type { ErrorCode, IpcError } from '../../shared/ipc/errors';
import { useBridgeCall } from '../ipc/useBridgeCall';
import type { Query } from '../ipc/useBridgeQuery';
import { afterNextPaint } from '../common/afterNextPaint';
import { appendChunk } from './restOfList';

/**
 * Asks main for the rest of a list answered in pieces (`rest.listId`), chunk after chunk, and
 * adds each to the query's data as it lands. Answers the error that stopped it, if any.
 */
export function useRestOfList(tokens: Query<TokenListResult, ErrorCode>): IpcError | null {
  // Through useBridgeCall: an ended session here opens the sign-in prompt like any other call.
  const call = useBridgeCall();
  const listId = tokens.status === 'success' ? tokens.data.rest?.listId : undefined;
  const [failed, setFailed] = useState<{ listId: string; error: IpcError } | null>(null);
  // Where the rest starts: the rows of the first answer, read once when the list arrives.
  const latest = useRef(tokens);
  useEffect(() => {
    latest.current = tokens;
  });

  useEffect(() => {
    if (listId === undefined) return;
    const query = latest.current;
    let offset = query.status === 'success' ? query.data.items.length : 0;
    let current = true;
    void (async () => {
      // The first rows are painted before the rest arrives and is flagged, counted and sorted.
      await afterNextPaint();
      if (!current) return;
      for (;;) {
        const answer = await call((bridge) => bridge.tokens.listRest({ listId, offset }));
        if (!current) return;
        if (!answer.ok) {
          setFailed({ listId, error: answer.error });
          return;
        }
        offset += answer.value.items.length;
        const chunk = answer.value;
        latest.current.update((data) => appendChunk(data, listId, chunk));
        if (chunk.done) return;
      }
    })();
    return () => {
      current = false;
    };
  }, [call, listId]);

  return failed !== null && failed.listId === listId ? failed.error : null;
}
