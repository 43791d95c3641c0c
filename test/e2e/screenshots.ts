import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const DIRECTORY = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** Saves the whole page as `test-results/screenshots/<name>.png` (the README shows some of them). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(DIRECTORY, { recursive: true });
  await page.screenshot({ path: path.join(DIRECTORY, `${name}.png`), fullPage: true });
}
