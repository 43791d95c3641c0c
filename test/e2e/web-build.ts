import fs from 'node:fs';
import path from 'node:path';

// KONTAKTA_WEB_DIST points the browser tests at another build (a private one, while others use
// the shared packages/web/dist on the same machine); startTestServer serves the same folder.
const WEB_DIST = process.env.KONTAKTA_WEB_DIST
  ? path.resolve(import.meta.dirname, '../..', process.env.KONTAKTA_WEB_DIST)
  : path.resolve(import.meta.dirname, '../../packages/web/dist');

/**
 * Browser tests run against the built web app, as users get it. Without a build the server answers
 * 503 and every test would time out looking for a heading; this says what to do instead.
 */
export function assertWebAppBuilt(): void {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`No web build in ${WEB_DIST}. Run \`npm run build:web\` before the browser tests.`);
  }
}
