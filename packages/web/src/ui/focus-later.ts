/**
 * Moves focus to the first of `ids` that is on the page once React has drawn the change: after a
 * row is added, moved or removed, focus stays with it (or the nearest control) rather than falling
 * to the page. Later ids are fallbacks for when the first is gone.
 */
export function focusLater(...ids: readonly string[]): void {
  window.setTimeout(() => {
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element) {
        element.focus();
        return;
      }
    }
  }, 0);
}
