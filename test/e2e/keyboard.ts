import type { Page } from 'playwright-core';

// Using a page as a keyboard user does: what has focus, and Tab until the wanted control has it.

export type Focused = Readonly<{ id: string; text: string; tag: string }>;

/** The element that has focus: its id, its text and its tag. */
export function focused(page: Page): Promise<Focused> {
  // Runs in the page; written as text because this project's types are Node's, not the DOM's.
  return page.evaluate<Focused>(`(() => {
    const element = document.activeElement;
    return { id: element?.id ?? '', text: (element?.textContent ?? '').trim(), tag: element?.tagName ?? '' };
  })()`);
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails if it never does. */
export async function tabTo(page: Page, matches: (element: Focused) => boolean, maxStops = 60): Promise<void> {
  for (let stop = 0; stop < maxStops; stop++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`not reachable with ${maxStops} presses of Tab`);
}
