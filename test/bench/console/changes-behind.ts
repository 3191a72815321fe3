import { ADMIN_PATHS } from '../../../shared/api/paths';
import { BENCH_ADMIN } from '../server/seed';

type Listed = { items: { id: number; version: number }[] };

/**
 * Another administrator renames `count` tokens over the admin API, behind the console's back,
 * to `${prefix} 0001`…: names that sort first, so the changed rows are the first shown.
 */
export async function renameBehind(apiUrl: string, count: number, prefix: string): Promise<void> {
  const login = await fetch(new URL('/api/admin/auth/login', apiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  const listed = await fetch(new URL(`${ADMIN_PATHS.tokens}?sort=name&order=desc&pageSize=${count}`, apiUrl), { headers });
  const { items } = (await listed.json()) as Listed;
  for (const [index, token] of items.entries()) {
    const reply = await fetch(new URL(`${ADMIN_PATHS.tokens}/${token.id}`, apiUrl), {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json', 'if-match': `"${token.version}"` },
      body: JSON.stringify({ name: `${prefix} ${String(index + 1).padStart(4, '0')}` }),
    });
    if (!reply.ok) throw new Error(`renaming token ${token.id} answered ${reply.status}`);
  }
}

/**
 * Evaluated in the page: the window regains focus (the console syncs) → just after the first
 * frame whose first row is one of the renamed tokens, in ms.
 */
export const syncedRowsProbe = (prefix: string): string => String.raw`
new Promise((resolve, reject) => {
  const firstRow = () => document.querySelector('[role="row"][aria-rowindex="2"]');
  const shown = () => (firstRow()?.textContent || '').includes(${JSON.stringify(prefix)});
  const start = performance.now();
  const timer = setTimeout(() => reject(new Error('the renamed tokens were not shown within 60 s; first row: ' + (firstRow()?.textContent || ''))), 60000);
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { clearTimeout(timer); resolve(performance.now() - start); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  window.dispatchEvent(new Event('focus'));
})
`;
