import { ANSWER_PATH } from './bench-answers';

/*
 * Runs in the page before the renderer (an init script, so on every navigation). Plain script
 * text: the bench runs under tsx, whose transforms must not leak helpers into page code.
 *
 * - Transport: window.wifox's invoke goes through the bench's CDP binding (see
 *   bench-console.ts), the answer parsed here as Electron's IPC would deliver it.
 * - Data arrival: the moment the answer to `tokens.list` is in the page (parsed), before the
 *   bridge validates it and React renders; `appAt`, the app's first content in #root.
 * - Painted: a MutationObserver sees the awaited DOM state, then a requestAnimationFrame
 *   callback plus a message-channel task runs just after that frame has been painted.
 * - First rows: the first frame showing token rows, from the saved copy or the answer.
 * - Keystrokes: the keydown event's timestamp (when the browser received the key) to the frame
 *   in which the token count shown above the table is the expected one.
 */
/** The CDP binding the probe sends calls through, and how bench-console.ts hands answers back. */
export const BENCH_CALL = '__benchCall';
export const BENCH_DELIVER = 'function (id) { window.__benchDeliver(id); }';

export const PAGE_PROBE = String.raw`
(() => {
  const probe = { arrivedAt: null, appAt: null, rowsPaintedAt: null, interactiveAt: null, firstRowsAt: null, keyStart: null, calls: [] };
  const afterPaint = (callback) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(null);
  });
  const rowsShown = () => document.querySelector('.ant-table-row, [role="row"][aria-rowindex="2"]') !== null;
  const searchBox = () => document.querySelector('input[placeholder="Search…"]');
  const shownCount = () => {
    for (const element of document.querySelectorAll('[role="status"]')) {
      const match = /^\s*([\d,]+)\s+(?:of\s+[\d,]+\s+)?tokens?\b/.exec(element.textContent || '');
      if (match) return Number(match[1].replace(/,/g, ''));
    }
    return null;
  };
  const waitFor = (condition, then) => {
    if (condition()) return afterPaint(then);
    const observer = new MutationObserver(() => {
      if (!condition()) return;
      observer.disconnect();
      afterPaint(then);
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  };

  const install = () => {
    const send = window.__benchCall;
    if (typeof window.__wifoxInvoke !== 'function' || typeof send !== 'function') return false;
    const pending = new Map();
    let nextId = 0;
    window.__benchDeliver = (id) => {
      const resolve = pending.get(id);
      pending.delete(id);
      if (resolve) import('${ANSWER_PATH}' + id + '.js').then((module) => resolve(module.default));
    };
    const invoke = (channel, arg) => new Promise((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      send(JSON.stringify({ id, channel, arg }));
    });
    window.__wifoxInvoke = (channel, arg) => {
      const call = [channel, Math.round(performance.now()), null];
      probe.calls.push(call);
      return invoke(channel, arg).then((value) => {
      call[2] = Math.round(performance.now());
      if (channel === 'tokens.list' && probe.arrivedAt === null) {
        probe.arrivedAt = performance.now();
        waitFor(rowsShown, (at) => { probe.rowsPaintedAt = at; });
        waitFor(() => rowsShown() && searchBox() !== null && !searchBox().disabled, (at) => { probe.interactiveAt = at; });
      }
      return value;
    });
    };
    return true;
  };
  if (!install()) throw new Error('bench probe: the bindings are not there yet');
  // Any rows, whatever data they come from (the saved copy paints before the sync answers).
  waitFor(rowsShown, (at) => { probe.firstRowsAt = at; });
  // The app's first content: its first screen's calls leave before it draws, so their answer
  // can arrive before there is an app to show it.
  const appObserver = new MutationObserver(() => {
    const root = document.getElementById('root');
    if (root === null || root.childElementCount === 0) return;
    appObserver.disconnect();
    probe.appAt = performance.now();
  });
  appObserver.observe(document, { subtree: true, childList: true });

  window.addEventListener('keydown', (event) => { probe.keyStart = event.timeStamp; }, true);
  Object.defineProperty(window, '__bench', { value: {
    probe,
    loaded: () => new Promise((resolve, reject) => {
      const giveUp = performance.now() + 120000;
      const check = () => {
        if (probe.rowsPaintedAt !== null && probe.interactiveAt !== null) return resolve({ ...probe });
        if (performance.now() > giveUp) {
          const shown = (document.querySelector('main') || document.body).innerText.replace(/\s+/g, ' ').slice(0, 300);
          return reject(new Error('the token list was not shown within 120 s; the page shows: ' + shown));
        }
        setTimeout(check, 5);
      };
      check();
    }),
    armKey: () => { probe.keyStart = null; },
    keyDone: (expected) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('after a keystroke the list showed ' + shownCount() + ' tokens, not the ' + expected + ' expected')), 10000);
      waitFor(() => probe.keyStart !== null && shownCount() === expected, (at) => {
        clearTimeout(timer);
        resolve(at - probe.keyStart);
      });
    }),
    shownCount,
  } });
})();
`;

/**
 * Evaluated in the sign-in page just before "Sign in" is clicked (cache empty: a fresh profile
 * folder): the click's timestamp to just after the first frame showing token rows, as the page
 * probe measures paints. `window.__signInProbe.done()` resolves with the milliseconds.
 */
export const SIGN_IN_PROBE = String.raw`
(() => {
  const probe = { clickedAt: null, rowsAt: null };
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (probe.clickedAt === null && button && /Sign in/.test(button.textContent || '')) probe.clickedAt = event.timeStamp;
  }, true);
  const rowsShown = () => document.querySelector('.ant-table-row, [role="row"][aria-rowindex="2"]') !== null;
  const observer = new MutationObserver(() => {
    if (probe.rowsAt !== null || !rowsShown()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { probe.rowsAt = performance.now(); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  window.__signInProbe = { done: () => new Promise((resolve, reject) => {
    const giveUp = performance.now() + 600000;
    const check = () => {
      if (probe.rowsAt !== null && probe.clickedAt !== null) return resolve(probe.rowsAt - probe.clickedAt);
      if (performance.now() > giveUp) return reject(new Error('no token rows within 600 s of signing in'));
      setTimeout(check, 20);
    };
    check();
  }) };
})();
`;
