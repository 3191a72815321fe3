import { useCallback, useEffect, useState } from 'react';
import { TOKEN_LIST_PREFS_KEY, loadListPrefs, saveListPrefs, type ListPrefs } from './listPrefs';

/** The list's search, filters, sort and columns, restored after a reload of the window. */
export function useListPrefs(key: string = TOKEN_LIST_PREFS_KEY): [ListPrefs, (patch: Partial<ListPrefs>) => void] {
  const [prefs, setPrefs] = useState(() => loadListPrefs(sessionStorage, key));
  useEffect(() => saveListPrefs(prefs, sessionStorage, key), [prefs, key]);
  const update = useCallback((patch: Partial<ListPrefs>) => setPrefs((previous) => ({ ...previous, ...patch })), []);
  return [prefs, update];
}
