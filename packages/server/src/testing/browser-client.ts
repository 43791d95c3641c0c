// A minimal browser for login tests over real HTTP: a cookie jar (name, path, expiry, host-only)
// and redirects followed by hand, so a test can see every hop and stop at any of them.

type Cookie = { name: string; value: string; path: string; expiresAt: number };

export type Hop = { url: string; status: number; location: string | null; body: string; headers: Headers };

export class BrowserClient {
  readonly #jar = new Map<string, Cookie>();
  readonly origin: string;

  constructor(origin: string) {
    this.origin = origin;
  }

  cookie(name: string): string | undefined {
    return [...this.#jar.values()].find((c) => c.name === name && c.expiresAt > Date.now())?.value;
  }

  setCookie(name: string, value: string, path = '/'): void {
    this.#jar.set(`${name};${path}`, { name, value, path, expiresAt: Number.POSITIVE_INFINITY });
  }

  /** One request, no redirect followed. Unsafe methods carry Origin, as browsers send it. */
  async request(
    url: string,
    init: { method?: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Hop> {
    const target = new URL(url, this.origin);
    const method = init.method ?? (init.form || init.json !== undefined ? 'POST' : 'GET');
    const headers: Record<string, string> = { accept: 'text/html,application/json', ...init.headers };
    const cookies = this.#cookiesFor(target);
    if (cookies) headers.cookie = cookies;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    if (method !== 'GET' && method !== 'HEAD') headers.origin ??= target.origin;
    const response = await fetch(target, { method, headers, body, redirect: 'manual' });
    this.#store(target, response.headers.getSetCookie());
    const location = response.headers.get('location');
    return {
      url: target.href,
      status: response.status,
      location: location === null ? null : new URL(location, target).href,
      body: await response.text(),
      headers: response.headers,
    };
  }

  /** Follows redirects (303 and 302 become GET) until an answer that is not one, or `stopAt` matches. */
  async follow(
    first: Hop,
    options: { stopAt?: (url: URL) => boolean; maxHops?: number } = {},
  ): Promise<{ last: Hop; hops: Hop[] }> {
    const hops = [first];
    let current = first;
    while (current.location && current.status >= 300 && current.status < 400) {
      if (hops.length > (options.maxHops ?? 20)) throw new Error('too many redirects');
      const next = new URL(current.location);
      if (options.stopAt?.(next)) break;
      current = await this.request(next.href);
      hops.push(current);
    }
    return { last: current, hops };
  }

  #cookiesFor(url: URL): string {
    const now = Date.now();
    return [...this.#jar.values()]
      .filter(
        (c) =>
          c.expiresAt > now &&
          (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)),
      )
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  #store(url: URL, setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      let path = url.pathname.replace(/\/[^/]*$/, '') || '/';
      let expiresAt = Number.POSITIVE_INFINITY;
      for (const attribute of attributes) {
        const [key = '', raw = ''] = attribute.split('=');
        const lower = key.toLowerCase();
        if (lower === 'path') path = raw || '/';
        if (lower === 'max-age') expiresAt = Date.now() + Number(raw) * 1000;
        if (lower === 'expires' && expiresAt === Number.POSITIVE_INFINITY) expiresAt = Date.parse(raw);
      }
      const key = `${name};${path}`;
      if (value === '' || expiresAt <= Date.now()) this.#jar.delete(key);
      else this.#jar.set(key, { name, value, path, expiresAt });
    }
  }
}
