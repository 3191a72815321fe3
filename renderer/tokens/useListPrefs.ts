import { useCallback, useEffect, useState } from 'react';
import { loadListPrefs, saveListPrefs, type ListPrefs } from './listPrefs';

/** The list's search, filters, sort and columns, restored after a reload of the window. */
export function useListPrefs(): [ListPrefs, (patch: Partial<ListPrefs>) => void] {
  const [prefs, setPrefs] = useState(loadListPrefs);
  useEffect(() => saveListPrefs(prefs), [prefs]);
  const update = useCallback((patch: Partial<ListPrefs>) => setPrefs((previous) => ({ ...previous, ...patch })), []);
  return [prefs, update];
}
