/**
 * Which forms in the settings hold edits not saved yet, so closing the
 * dialog can ask before dropping them. Each form reports itself by a key;
 * a form that unmounts takes its report with it.
 */
import { createContext, useContext, useLayoutEffect } from 'react';

export type ReportUnsaved = (key: string, label: string | null) => void;

export const UnsavedContext = createContext<ReportUnsaved>(() => undefined);

export function useReportUnsaved(key: string, label: string, unsaved: boolean): void {
  const report = useContext(UnsavedContext);
  // A layout effect: the report is in before the next key press (an Escape right after typing must ask).
  useLayoutEffect(() => {
    report(key, unsaved ? label : null);
    return () => report(key, null);
  }, [report, key, label, unsaved]);
}

/** The map with `key` set to `label` (or removed for null); the same map when nothing changes. */
export function withUnsaved(map: ReadonlyMap<string, string>, key: string, label: string | null): ReadonlyMap<string, string> {
  if ((label === null && !map.has(key)) || (label !== null && map.get(key) === label)) return map;
  const next = new Map(map);
  if (label === null) next.delete(key);
  else next.set(key, label);
  return next;
}
