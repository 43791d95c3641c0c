import path from 'node:path';
import { parseKeyList } from '../encryption/master-keys.ts';
import { MOBILE_RANGES } from '../identity/mobile-number.ts';

/** Where the data lives: the embedded SQLite file, or a PostgreSQL server. */
export type DatabaseConfig =
  /** `cacheMegabytes`: SQLite's page cache, DEFAULT_SQLITE_CACHE_MB unless set. */
  | Readonly<{ dialect: 'sqlite'; file: string; cacheMegabytes?: number }>
  | Readonly<{ dialect: 'postgres'; url: string; poolSize: number }>;

/**
 * Every COMMIT walks SQLite's page-cache table, so a big cache slows every write (1.1 ms per commit
 * at 128 MB against 0.3–0.4 ms at 2–32 MB, issue 20); the operating system caches the file anyway.
 */
export const DEFAULT_SQLITE_CACHE_MB = 16;

// The parsers loadConfig reads each variable with: a value, or an Invalid naming the problem
// (never the value: loadConfig decides whether a refused value may be shown).

export function hostOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

export function smtpAddress(raw: string): string | Invalid {
  if (raw === '') return raw;
  try {
    const url = new URL(raw);
    if (url.protocol === 'smtp:' || url.protocol === 'smtps:') return raw;
  } catch {
    // fall through to the explanation
  }
  return new Invalid('must be smtp://user:password@host:587 or smtps://user:password@host:465');
}

export function mailbox(raw: string): string | Invalid {
  return /^([^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(raw)
    ? raw
    : new Invalid('must be an address, e.g. Kontakta <no-reply@region.se>');
}

export function smsSender(raw: string): string | Invalid {
  return /^([A-Za-z0-9]{1,11}|\+[1-9]\d{6,14})$/.test(raw)
    ? raw
    : new Invalid('must be up to 11 letters and digits, or a number such as +46701234567');
}

export function masterKeyList(raw: string): string | Invalid {
  if (raw === '') return raw;
  try {
    parseKeyList(raw);
    return raw;
  } catch (error) {
    return new Invalid((error as Error).message);
  }
}

/** What a parser returns for a value it refuses. */
export class Invalid {
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
  }
}

/** Text shown on a public page (a name, an e-mail address, a phone number): one line, at most 200 characters. */
export function publicText(raw: string): string | Invalid {
  const text = raw.trim();
  if (text.length > 200 || /\p{Cc}/u.test(text)) return new Invalid('must be one line of at most 200 characters');
  return text;
}

export function nonEmpty(raw: string): string | Invalid {
  return raw.length > 0 ? raw : new Invalid('must not be empty');
}

/** Comma-separated `acr` values; each goes into the space-separated `acr_values`, so no spaces. */
export function acrList(raw: string): readonly string[] | Invalid {
  const values = raw.split(',').map((value) => value.trim());
  if (values.some((value) => value === '' || /\s/.test(value))) {
    return new Invalid('must be a comma-separated list of acr values, without empty entries or spaces');
  }
  return Object.freeze([...new Set(values)]);
}

/** Country calling codes (`46,47`), each one whose mobile ranges Kontakta knows. */
export function smsCountries(raw: string): readonly string[] | Invalid {
  const codes = raw.split(',').map((code) => code.trim().replace(/^\+/, ''));
  const known = Object.keys(MOBILE_RANGES);
  if (codes.some((code) => !known.includes(code))) {
    return new Invalid(`must be country calling codes, comma-separated, among ${known.join(', ')}`);
  }
  return Object.freeze([...new Set(codes)]);
}

export function integerIn(min: number, max: number) {
  return (raw: string): number | Invalid => {
    if (!/^\d+$/.test(raw)) return new Invalid(`must be a whole number between ${min} and ${max}`);
    const value = Number(raw);
    return value >= min && value <= max ? value : new Invalid(`must be between ${min} and ${max}`);
  };
}

export function boolean(raw: string): boolean | Invalid {
  if (['true', '1', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no', 'off'].includes(raw.toLowerCase())) return false;
  return new Invalid('must be true or false');
}

export function oneOf<T extends string>(allowed: readonly T[]) {
  return (raw: string): T | Invalid =>
    (allowed as readonly string[]).includes(raw) ? (raw as T) : new Invalid(`must be one of ${allowed.join(', ')}`);
}

export function httpUrl(raw: string): string | Invalid {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return new Invalid('must be an http:// or https:// address');
    return raw.replace(/\/+$/, '');
  } catch {
    return new Invalid('must be an absolute address such as https://kontakta.example.se');
  }
}

export function hostAndPort(raw: string): Readonly<{ host: string; port: number }> | Invalid {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:\s]+):(\d{1,5})$/.exec(raw);
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65535) return new Invalid('must be host:port, e.g. 127.0.0.1:9464');
  return { host: (match[1] as string).replace(/^\[|\]$/g, ''), port };
}

export function databaseFrom(
  raw: string,
  cwd: string,
  poolSize: number,
  sqliteCacheMegabytes?: number,
): DatabaseConfig | Invalid {
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    try {
      new URL(raw);
    } catch {
      return new Invalid('is not a valid PostgreSQL address (postgres://user:password@host:5432/database)');
    }
    return { dialect: 'postgres', url: raw, poolSize };
  }
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length);
    if (file.length === 0) return new Invalid('sqlite: needs a file name, e.g. sqlite:./data/kontakta.sqlite');
    const resolved = file === ':memory:' ? file : path.resolve(cwd, file);
    return sqliteCacheMegabytes === undefined
      ? { dialect: 'sqlite', file: resolved }
      : { dialect: 'sqlite', file: resolved, cacheMegabytes: sqliteCacheMegabytes };
  }
  return new Invalid('must start with postgres://, postgresql:// or sqlite:');
}
