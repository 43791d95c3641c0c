import type { BrowserClient, Hop } from './browser-client.ts';

/** Outside Kontakta's API and the provider: the web app's pages, where a login ends. */
const isWebAppPage = (url: URL) => !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/dev-idp');

/**
 * A whole e-ID login as a browser does it: Kontakta's start address, redirects to the
 * development provider's page, the click on one person, redirects back through the callback.
 * Returns the provider's page and where the browser was finally sent (a web app page).
 */
export async function eidLogin(
  browser: BrowserClient,
  startPath: string,
  choose: { subject: string } | { cancel: true },
): Promise<{ page: Hop; landing: URL; hops: Hop[] }> {
  const { last: page } = await browser.follow(await browser.request(startPath));
  const path = /<form method="post" action="([^"]+)\/login">/.exec(page.body)?.[1];
  if (!path) throw new Error(`no login form on the provider's page (status ${page.status})`);
  // The form's address is the provider's page's own, wherever the provider runs.
  const action = new URL(path, page.url).href;
  const answer =
    'cancel' in choose
      ? await browser.request(`${action}/abort`, { form: {} })
      : await browser.request(`${action}/login`, { form: { identity: choose.subject } });
  const { hops } = await browser.follow(answer, { stopAt: isWebAppPage });
  const location = hops.at(-1)?.location;
  if (!location) throw new Error('the login did not end in a redirect');
  return { page, landing: new URL(location), hops };
}
