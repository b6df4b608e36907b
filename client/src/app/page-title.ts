/**
 * The browser tab's title says where you are, most specific first:
 * "Triage · Platform Ops · opsboard". Screen readers announce it on page
 * changes, and a row of tabs stays tellable apart.
 */
import { useEffect } from 'react';

export const APP_NAME = 'opsboard';
const SEPARATOR = ' · ';

/** The title for a page, from its most specific part to the team; empty parts (not loaded yet) are left out. */
export function pageTitle(...parts: readonly (string | null | undefined)[]): string {
  return [...parts.map((p) => p?.trim()).filter((p): p is string => Boolean(p)), APP_NAME].join(SEPARATOR);
}

/** Sets the document title while the calling page is shown; `null` leaves it to a page further down the tree. */
export function useDocumentTitle(parts: readonly (string | null | undefined)[] | null): void {
  const title = parts === null ? null : pageTitle(...parts);
  useEffect(() => {
    if (title !== null) document.title = title;
  }, [title]);
}
