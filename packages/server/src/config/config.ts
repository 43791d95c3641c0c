import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MasterKeySource, parseKeyList } from '../encryption/master-keys.ts';

/** Everything Kontakta reads from the environment, validated once at start and frozen. */
export type Config = Readonly<{
  port: number;
  host: string;
  publicUrl: string;
  database: DatabaseConfig;
  dataDir: string;
  registerDir: string;
  webDistDir: string;
  logLevel: LogLevel;
  requestTimeoutMs: number;
  bodyLimitBytes: number;
  apiDocs: boolean;
  allowUnsafeDurability: boolean;
  shutdownGraceMs: number;
  session: Readonly<{ idleMs: number; maxMs: number }>;
  production: boolean;
  masterKeys: MasterKeySource;
  notifications: NotificationsConfig;
  outboxWorker: OutboxWorkerConfig;
  identity: IdentityConfig;
  /** Trust X-Forwarded-* from the proxy in front: the client address behind it is what login limits count. */
  trustProxy: boolean;
  /** Several Kontakta processes on one host share the port; the kernel spreads connections (Linux). */
  reusePort: boolean;
}>;

export type NotificationsConfig = Readonly<{
  /** Nothing leaves the machine: e-mail and SMS are stored and shown at /dev/outbox. */
  devOutbox: boolean;
  /** Required unless devOutbox. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Null when no gateway is configured: SMS then fail (and show in `kontakta outbox`). */
  sms: Readonly<{ gatewayUrl: string; username: string; password: string; sender: string }> | null;
  printOutboxDir: string;
}>;

export type OutboxWorkerConfig = Readonly<{ enabled: boolean; pollMs: number; maxAttempts: number }>;

/** One OpenID Connect provider Kontakta is a client of. */
export type OidcProviderConfig = Readonly<{ issuer: string; clientId: string; clientSecret: string }>;

export type IdentityConfig = Readonly<{
  /** The citizens' e-ID (BankID, Freja+ through a broker). */
  citizen: OidcProviderConfig;
  /** The staff's e-ID (SITHS); the citizens' provider unless configured apart. */
  staff: OidcProviderConfig;
  scopes: string;
  personnummerClaim: string;
  /** The bundled development e-ID provider runs at /dev-idp and is the issuer (never in production). */
  devIdp: boolean;
  /** Password + SMS code: weaker than e-ID, so a per-installation choice. */
  passwordLogin: boolean;
  loginRateLimitPerMinute: number;
}>;

export type DatabaseConfig =
  | Readonly<{ dialect: 'sqlite'; file: string }>
  | Readonly<{ dialect: 'postgres'; url: string; poolSize: number }>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

type Env = Readonly<Record<string, string | undefined>>;

/** One entry per variable: the README's configuration table is checked against this list. */
export const CONFIG_VARIABLES = [
  { name: 'PORT', default: '3000', description: 'HTTP port.' },
  { name: 'KONTAKTA_HOST', default: '127.0.0.1', description: 'Address to listen on; `0.0.0.0` behind a proxy.' },
  {
    name: 'KONTAKTA_PUBLIC_URL',
    default: 'http://localhost:$PORT',
    description: 'The address users reach Kontakta at (links in e-mails, OIDC redirects).',
  },
  {
    name: 'KONTAKTA_DATABASE_URL',
    default: '(unset: SQLite file `$KONTAKTA_DATA_DIR/kontakta.sqlite`)',
    description: '`postgres://user:pass@host:5432/db` for PostgreSQL, or `sqlite:<file>` for another SQLite file.',
  },
  { name: 'KONTAKTA_DATABASE_POOL_SIZE', default: '10', description: 'PostgreSQL connections per process.' },
  { name: 'KONTAKTA_DATA_DIR', default: './data', description: 'Where the embedded database and local files live.' },
  {
    name: 'KONTAKTA_REGISTER_DIR',
    default: '$KONTAKTA_DATA_DIR/register',
    description: 'Folder with `population.json` and `hsa.json` for the file-based register adapter.',
  },
  { name: 'KONTAKTA_WEB_DIST', default: 'packages/web/dist', description: 'The built web app served at `/`.' },
  { name: 'KONTAKTA_LOG_LEVEL', default: 'info', description: `One of ${LOG_LEVELS.join(', ')}.` },
  {
    name: 'KONTAKTA_REQUEST_TIMEOUT_MS',
    default: '30000',
    description: 'Longest time a request may take (protects against slow clients).',
  },
  { name: 'KONTAKTA_BODY_LIMIT_BYTES', default: '1048576', description: 'Largest request body accepted.' },
  { name: 'KONTAKTA_API_DOCS', default: 'true', description: 'Serve the browsable API documentation at `/api/docs`.' },
  {
    name: 'KONTAKTA_SESSION_IDLE_MINUTES',
    default: '60',
    description: 'A session ends after this long without activity (see Sessions for why 60).',
  },
  {
    name: 'KONTAKTA_SESSION_MAX_HOURS',
    default: '12',
    description: 'A session ends this long after login, however active.',
  },
  {
    name: 'NODE_ENV',
    default: 'development',
    description:
      '`production` turns off development conveniences (generated keys, the development e-ID, the dev outbox).',
  },
  {
    name: 'KONTAKTA_MASTER_KEY',
    default: '(unset)',
    description:
      "Master key(s) wrapping the errands' data keys: `id:base64-of-32-bytes`, the current first, older ones after commas while rotating.",
  },
  {
    name: 'KONTAKTA_MASTER_KEY_FILE',
    default: '`$KONTAKTA_DATA_DIR/master-keys.json` outside production',
    description:
      'A JSON key file instead (`npx kontakta keys rotate` adds keys to it). Required in production unless KONTAKTA_MASTER_KEY is set.',
  },
  { name: 'KONTAKTA_SHUTDOWN_GRACE_MS', default: '10000', description: 'Time to finish requests on SIGTERM.' },
  {
    name: 'KONTAKTA_REUSE_PORT',
    default: 'false',
    description:
      'Let several Kontakta processes on one host listen on the same port (Linux `SO_REUSEPORT`): run one per core against PostgreSQL; the kernel spreads connections.',
  },
  {
    name: 'KONTAKTA_ALLOW_UNSAFE_DURABILITY',
    default: 'false',
    description: 'Start even if the database could lose confirmed writes. Only for throw-away test databases.',
  },
  {
    name: 'KONTAKTA_DEV_OUTBOX',
    default: '`true` unless `NODE_ENV=production`',
    description:
      'Nothing leaves the machine: e-mail and SMS are kept and shown, with letters, at `/dev/outbox` (and `/dev/outbox.json`). Never on a public server: it shows login codes.',
  },
  {
    name: 'KONTAKTA_SMTP_URL',
    default: '(unset; required when the dev outbox is off)',
    description:
      'Mail server for notifications: `smtp://user:pass@host:587` (STARTTLS) or `smtps://user:pass@host:465`.',
  },
  {
    name: 'KONTAKTA_MAIL_FROM',
    default: '`Kontakta <no-reply@host of KONTAKTA_PUBLIC_URL>`',
    description: 'Sender of notification e-mails.',
  },
  {
    name: 'KONTAKTA_SMS_GATEWAY_URL',
    default: '(unset: SMS cannot be sent)',
    description:
      'HTTP SMS gateway taking a form POST of from, to, message with Basic auth, e.g. `https://api.46elks.com/a1/sms`.',
  },
  {
    name: 'KONTAKTA_SMS_GATEWAY_USERNAME',
    default: '(unset)',
    description: 'User name (API user) at the SMS gateway.',
  },
  {
    name: 'KONTAKTA_SMS_GATEWAY_PASSWORD',
    default: '(unset)',
    description: 'Password (API secret) at the SMS gateway.',
  },
  {
    name: 'KONTAKTA_SMS_SENDER',
    default: 'Kontakta',
    description: 'Sender shown on SMS: up to 11 letters and digits, or a number in E.164 form.',
  },
  {
    name: 'KONTAKTA_PRINT_OUTBOX_DIR',
    default: '$KONTAKTA_DATA_DIR/print-outbox',
    description: 'Folder where letters (PDF) are left for the print-and-post service, one `<id>.pdf` per letter.',
  },
  {
    name: 'KONTAKTA_OUTBOX_WORKER',
    default: 'true',
    description:
      'Run the notification delivery worker in this process (turn off in processes that should only serve HTTP).',
  },
  {
    name: 'KONTAKTA_OUTBOX_POLL_MS',
    default: '1000',
    description: 'How often the worker looks for messages to send.',
  },
  {
    name: 'KONTAKTA_OUTBOX_MAX_ATTEMPTS',
    default: '10',
    description:
      'Attempts, with growing pauses (2 to 4 hours in all at 10), before a message is marked dead for an operator.',
  },
  {
    name: 'KONTAKTA_OIDC_ISSUER',
    default: '(unset: the development e-ID provider at `$KONTAKTA_PUBLIC_URL/dev-idp`; required in production)',
    description: 'OpenID Connect issuer of the citizens’ e-ID (a BankID/Freja+ broker). See Logging in.',
  },
  { name: 'KONTAKTA_OIDC_CLIENT_ID', default: 'kontakta', description: 'Kontakta’s client id at that issuer.' },
  {
    name: 'KONTAKTA_OIDC_CLIENT_SECRET',
    default: '(unset; required with an issuer)',
    description: 'Kontakta’s client secret at that issuer.',
  },
  { name: 'KONTAKTA_OIDC_SCOPES', default: 'openid profile', description: 'Scopes asked for at login.' },
  {
    name: 'KONTAKTA_OIDC_PERSONNUMMER_CLAIM',
    default: 'personal_number',
    description:
      'The claim that carries the personnummer (e.g. `ssn` at Idura). Users are keyed by it, never by `sub`.',
  },
  {
    name: 'KONTAKTA_STAFF_OIDC_ISSUER',
    default: '`$KONTAKTA_OIDC_ISSUER`',
    description: 'OpenID Connect issuer of the staff’s e-ID (SITHS, e.g. Inera’s IdP).',
  },
  {
    name: 'KONTAKTA_STAFF_OIDC_CLIENT_ID',
    default: '`$KONTAKTA_OIDC_CLIENT_ID`',
    description: 'Kontakta’s client id at the staff issuer.',
  },
  {
    name: 'KONTAKTA_STAFF_OIDC_CLIENT_SECRET',
    default: '`$KONTAKTA_OIDC_CLIENT_SECRET`',
    description: 'Kontakta’s client secret at the staff issuer.',
  },
  {
    name: 'KONTAKTA_PASSWORD_LOGIN',
    default: '`true` unless `NODE_ENV=production`',
    description: 'Offer password + SMS code besides e-ID (weaker than e-ID; see Logging in).',
  },
  {
    name: 'KONTAKTA_LOGIN_RATE_LIMIT',
    default: '20',
    description: 'Requests per minute from one client address to each login endpoint.',
  },
  {
    name: 'KONTAKTA_TRUST_PROXY',
    default: 'false',
    description:
      'Trust `X-Forwarded-For`/`-Proto` from a reverse proxy in front, so limits count real client addresses.',
  },
] as const;

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Kontakta cannot start, the configuration is wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const serverPackageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const repositoryDir = path.resolve(serverPackageDir, '../..');

/** Reads and validates the whole configuration; lists every problem at once rather than the first. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const read = <T>(name: string, fallback: string, parse: (raw: string) => T | Invalid, secret = false): T => {
    const raw = env[name]?.trim() || fallback;
    const result = parse(raw);
    if (result instanceof Invalid) {
      problems.push(`${name}${secret ? '' : `=${JSON.stringify(raw)}`}: ${result.reason}`);
      return undefined as T;
    }
    return result;
  };

  const port = read('PORT', '3000', integerIn(0, 65535));
  const host = read('KONTAKTA_HOST', '127.0.0.1', nonEmpty);
  const dataDir = path.resolve(cwd, read('KONTAKTA_DATA_DIR', './data', nonEmpty));
  const publicUrl = read('KONTAKTA_PUBLIC_URL', `http://localhost:${port ?? 3000}`, httpUrl);
  const poolSize = read('KONTAKTA_DATABASE_POOL_SIZE', '10', integerIn(1, 1000));
  const database = read('KONTAKTA_DATABASE_URL', `sqlite:${path.join(dataDir, 'kontakta.sqlite')}`, (raw) =>
    databaseFrom(raw, cwd, poolSize ?? 10),
  );
  const production = read('NODE_ENV', 'development', (raw) => raw) === 'production';
  const keyValue = read('KONTAKTA_MASTER_KEY', '', masterKeyList, true);
  const keyFile = read('KONTAKTA_MASTER_KEY_FILE', '', (raw) => raw);
  if (production && !keyValue && !keyFile) {
    problems.push('KONTAKTA_MASTER_KEY or KONTAKTA_MASTER_KEY_FILE must be set in production');
  }
  const masterKeys: MasterKeySource = keyValue
    ? { kind: 'environment', value: keyValue }
    : keyFile
      ? { kind: 'file', path: path.resolve(cwd, keyFile), generateIfMissing: false }
      : { kind: 'file', path: path.join(dataDir, 'master-keys.json'), generateIfMissing: true };
  const devOutbox = read('KONTAKTA_DEV_OUTBOX', production ? 'false' : 'true', boolean);
  const smtpUrl = read('KONTAKTA_SMTP_URL', '', smtpAddress, true) || null;
  if (devOutbox === false && !env.KONTAKTA_SMTP_URL?.trim())
    problems.push('KONTAKTA_SMTP_URL must be set when KONTAKTA_DEV_OUTBOX is off');
  const smsGatewayUrl = read('KONTAKTA_SMS_GATEWAY_URL', '', (raw) => (raw === '' ? raw : httpUrl(raw)), true);
  const notifications: NotificationsConfig = {
    devOutbox,
    smtpUrl,
    mailFrom: read('KONTAKTA_MAIL_FROM', `Kontakta <no-reply@${hostOf(publicUrl)}>`, mailbox),
    sms: smsGatewayUrl
      ? {
          gatewayUrl: smsGatewayUrl,
          username: read('KONTAKTA_SMS_GATEWAY_USERNAME', '', (raw) => raw),
          password: read('KONTAKTA_SMS_GATEWAY_PASSWORD', '', (raw) => raw, true),
          sender: read('KONTAKTA_SMS_SENDER', 'Kontakta', smsSender),
        }
      : null,
    printOutboxDir: path.resolve(cwd, read('KONTAKTA_PRINT_OUTBOX_DIR', path.join(dataDir, 'print-outbox'), nonEmpty)),
  };
  const outboxWorker: OutboxWorkerConfig = {
    enabled: read('KONTAKTA_OUTBOX_WORKER', 'true', boolean),
    pollMs: read('KONTAKTA_OUTBOX_POLL_MS', '1000', integerIn(50, 60_000)),
    maxAttempts: read('KONTAKTA_OUTBOX_MAX_ATTEMPTS', '10', integerIn(1, 100)),
  };
  const identity = readIdentity(read, env, problems, { production, publicUrl });
  const config: Config = {
    identity,
    trustProxy: read('KONTAKTA_TRUST_PROXY', 'false', boolean),
    reusePort: read('KONTAKTA_REUSE_PORT', 'false', boolean),
    production,
    masterKeys,
    notifications,
    outboxWorker,
    port,
    host,
    publicUrl,
    database,
    dataDir,
    registerDir: path.resolve(cwd, read('KONTAKTA_REGISTER_DIR', path.join(dataDir, 'register'), nonEmpty)),
    webDistDir: path.resolve(repositoryDir, read('KONTAKTA_WEB_DIST', 'packages/web/dist', nonEmpty)),
    logLevel: read('KONTAKTA_LOG_LEVEL', 'info', oneOf(LOG_LEVELS)),
    requestTimeoutMs: read('KONTAKTA_REQUEST_TIMEOUT_MS', '30000', integerIn(1000, 600_000)),
    bodyLimitBytes: read('KONTAKTA_BODY_LIMIT_BYTES', '1048576', integerIn(1024, 100 * 1024 * 1024)),
    apiDocs: read('KONTAKTA_API_DOCS', 'true', boolean),
    session: {
      idleMs: read('KONTAKTA_SESSION_IDLE_MINUTES', '60', integerIn(1, 24 * 60)) * 60_000,
      maxMs: read('KONTAKTA_SESSION_MAX_HOURS', '12', integerIn(1, 12)) * 3_600_000,
    },
    shutdownGraceMs: read('KONTAKTA_SHUTDOWN_GRACE_MS', '10000', integerIn(0, 600_000)),
    allowUnsafeDurability: read('KONTAKTA_ALLOW_UNSAFE_DURABILITY', 'false', boolean),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

function hostOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

function smtpAddress(raw: string): string | Invalid {
  if (raw === '') return raw;
  try {
    const url = new URL(raw);
    if (url.protocol === 'smtp:' || url.protocol === 'smtps:') return raw;
  } catch {
    // fall through to the explanation
  }
  return new Invalid('must be smtp://user:password@host:587 or smtps://user:password@host:465');
}

function mailbox(raw: string): string | Invalid {
  return /^([^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(raw)
    ? raw
    : new Invalid('must be an address, e.g. Kontakta <no-reply@region.se>');
}

function smsSender(raw: string): string | Invalid {
  return /^([A-Za-z0-9]{1,11}|\+[1-9]\d{6,14})$/.test(raw)
    ? raw
    : new Invalid('must be up to 11 letters and digits, or a number such as +46701234567');
}

function masterKeyList(raw: string): string | Invalid {
  if (raw === '') return raw;
  try {
    parseKeyList(raw);
    return raw;
  } catch (error) {
    return new Invalid((error as Error).message);
  }
}

function readIdentity(
  read: <T>(name: string, fallback: string, parse: (raw: string) => T | Invalid, secret?: boolean) => T,
  env: Env,
  problems: string[],
  { production, publicUrl }: { production: boolean; publicUrl: string },
): IdentityConfig {
  const configured = env.KONTAKTA_OIDC_ISSUER?.trim();
  const devIdp = !configured && !production;
  if (!configured && production) problems.push('KONTAKTA_OIDC_ISSUER must be set in production');
  const issuerParser = (raw: string) => {
    const url = httpUrl(raw);
    if (production && typeof url === 'string' && !url.startsWith('https:'))
      return new Invalid('must be https:// in production');
    return url;
  };
  const issuer = devIdp ? `${publicUrl}/dev-idp` : read('KONTAKTA_OIDC_ISSUER', '', issuerParser);
  const clientId = read('KONTAKTA_OIDC_CLIENT_ID', 'kontakta', nonEmpty);
  // The development provider and Kontakta share the process, so a fresh secret per start will do.
  const clientSecret = devIdp
    ? randomBytes(24).toString('base64url')
    : read('KONTAKTA_OIDC_CLIENT_SECRET', '', (raw) => (raw ? raw : new Invalid('must be set with an issuer')), true);
  const citizen = { issuer, clientId, clientSecret };
  // Each staff value is read only when set: by default it is the citizens' (already checked).
  const own = (name: string) => Boolean(env[name]?.trim());
  const staff = {
    issuer: own('KONTAKTA_STAFF_OIDC_ISSUER') ? read('KONTAKTA_STAFF_OIDC_ISSUER', '', issuerParser) : issuer,
    clientId: own('KONTAKTA_STAFF_OIDC_CLIENT_ID') ? read('KONTAKTA_STAFF_OIDC_CLIENT_ID', '', nonEmpty) : clientId,
    clientSecret: own('KONTAKTA_STAFF_OIDC_CLIENT_SECRET')
      ? read('KONTAKTA_STAFF_OIDC_CLIENT_SECRET', '', nonEmpty, true)
      : clientSecret,
  };
  return {
    citizen,
    staff,
    scopes: read('KONTAKTA_OIDC_SCOPES', 'openid profile', (raw) =>
      raw.split(/\s+/).includes('openid') ? raw : new Invalid('must include openid'),
    ),
    personnummerClaim: read('KONTAKTA_OIDC_PERSONNUMMER_CLAIM', 'personal_number', nonEmpty),
    devIdp,
    passwordLogin: read('KONTAKTA_PASSWORD_LOGIN', production ? 'false' : 'true', boolean),
    loginRateLimitPerMinute: read('KONTAKTA_LOGIN_RATE_LIMIT', '20', integerIn(1, 100_000)),
  };
}

/** What a parser returns for a value it refuses. */
class Invalid {
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
  }
}

function nonEmpty(raw: string): string | Invalid {
  return raw.length > 0 ? raw : new Invalid('must not be empty');
}

function integerIn(min: number, max: number) {
  return (raw: string): number | Invalid => {
    if (!/^\d+$/.test(raw)) return new Invalid(`must be a whole number between ${min} and ${max}`);
    const value = Number(raw);
    return value >= min && value <= max ? value : new Invalid(`must be between ${min} and ${max}`);
  };
}

function boolean(raw: string): boolean | Invalid {
  if (['true', '1', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no', 'off'].includes(raw.toLowerCase())) return false;
  return new Invalid('must be true or false');
}

function oneOf<T extends string>(allowed: readonly T[]) {
  return (raw: string): T | Invalid =>
    (allowed as readonly string[]).includes(raw) ? (raw as T) : new Invalid(`must be one of ${allowed.join(', ')}`);
}

function httpUrl(raw: string): string | Invalid {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return new Invalid('must be an http:// or https:// address');
    return raw.replace(/\/+$/, '');
  } catch {
    return new Invalid('must be an absolute address such as https://kontakta.example.se');
  }
}

function databaseFrom(raw: string, cwd: string, poolSize: number): DatabaseConfig | Invalid {
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
    return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
  }
  return new Invalid('must start with postgres://, postgresql:// or sqlite:');
}
