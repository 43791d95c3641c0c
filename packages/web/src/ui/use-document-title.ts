import { useEffect } from 'react';

/**
 * Sets the browser tab's title for the current page. The title is the first thing a screen reader
 * announces after navigation, so every page sets one, in the UI language.
 */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
