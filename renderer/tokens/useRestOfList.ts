import { useEffect, useRef, useState } from 'react';
import type { TokenListResult } from '../../shared/ipc/contract';
import type { ErrorCode, IpcError, Result } from '../../shared/ipc/errors';
import { useBridgeCall } from '../ipc/useBridgeCall';
import type { Query } from '../ipc/useBridgeQuery';
import { afterNextPaint } from '../common/afterNextPaint';
import { LIST_CHUNK_ROWS, type TokenListChunk } from '../../shared/ipc/token-list-contract';
import { appendChunk } from './restOfList';

// Chunks asked for at once while main holds the whole list.
const READ_AHEAD = 2;

/**
 * Asks main for the rest of a list answered in pieces (`rest.listId`), chunk after chunk, and
 * adds them to the query's data: what has landed, at most once a painted frame. Each addition
 * flags, sorts and counts the list drawn so far, which grows: at 100,000 tokens a render per
 * chunk made the whole list wait on 50 renders of ever longer lists. Answers the error that
 * stopped it, if any.
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
    const landed: TokenListChunk[] = [];
    let adding = false;
    // One addition at a time, with every chunk that landed meanwhile, then a painted frame and
    // as long again: an addition costs more as the list grows, and the chunks still coming
    // need the thread too, so at most about half of it goes to additions.
    const addLanded = async () => {
      if (adding) return;
      adding = true;
      while (current && landed.length > 0) {
        const chunks = landed.splice(0);
        const started = performance.now();
        latest.current.update((data) => appendChunk(data, listId, ...chunks));
        await afterNextPaint();
        if (current && !chunks.some((chunk) => chunk.done)) await new Promise((resolve) => setTimeout(resolve, performance.now() - started));
      }
      adding = false;
    };
    // A list main holds whole comes in chunks of LIST_CHUNK_ROWS exactly, the last one shorter:
    // the next chunk is asked for before the last one lands, so main and the crossing work
    // while this window takes the last one in. Rows still being paged from the server come in
    // chunks of what main has, so each read starts where the last one ended.
    let readAhead = query.status === 'success' && query.data.rest?.held === true;
    const asked: Promise<Result<TokenListChunk>>[] = [];
    let next = offset;
    void (async () => {
      // The first rows are painted before the rest arrives and is flagged, counted and sorted.
      await afterNextPaint();
      if (!current) return;
      for (;;) {
        while (asked.length < (readAhead ? READ_AHEAD : 1)) {
          const at = next;
          asked.push(call((bridge) => bridge.tokens.listRest({ listId, offset: at })));
          next += LIST_CHUNK_ROWS;
        }
        const answer = await (asked.shift() as Promise<Result<TokenListChunk>>);
        if (!current) return;
        if (!answer.ok) {
          setFailed({ listId, error: answer.error });
          return;
        }
        offset += answer.value.items.length;
        landed.push(answer.value);
        void addLanded();
        if (answer.value.done) return;
        if (!readAhead || answer.value.items.length !== LIST_CHUNK_ROWS) {
          // Not the chunks read ahead for: what was asked past this one is left unread.
          readAhead = false;
          asked.length = 0;
          next = offset;
        }
      }
    })();
    return () => {
      current = false;
    };
  }, [call, listId]);

  return failed !== null && failed.listId === listId ? failed.error : null;
}
