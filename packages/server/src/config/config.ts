import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProxyRules, RetentionRules } from '@kontakta/domain';
import { type MasterKeySource, masterKeyProblems } from '../encryption/master-keys.ts';
import { DEFAULT_ACCEPTED_ACR } from '../identity/assurance-level.ts';
import {
  acrList,
  boolean,
  type DatabaseConfig,
  DEFAULT_SQLITE_CACHE_MB,
  databaseFrom,
  hostAndPort,
  hostOf,
  httpUrl,
  Invalid,
  integerIn,
  mailbox,
  masterKeyList,
  nonEmpty,
  oneOf,
  publicText,
  smsCountries,
  smsSender,
  smtpAddress,
} from './config-parsers.ts';

export { type DatabaseConfig, DEFAULT_SQLITE_CACHE_MB } from './config-parsers.ts';

import { unknownVariableWarnings } from './config-variables.ts';

export { CONFIG_VARIABLES } from './config-variables.ts';

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
  /** Past these bounds requests are refused with 503 and Retry-After (see http/overload.ts). */
  overload: Readonly<{ maxConcurrentRequests: number; maxEventLoopDelayMs: number; retryAfterSeconds: number }>;
  /** Serve /metrics only on this address instead of the main port. */
  metricsAddress: Readonly<{ host: string; port: number }> | null;
  allowUnsafeDurability: boolean;
  shutdownGraceMs: number;
  session: Readonly<{ idleMs: number; maxMs: number }>;
  /**
   * Demo mode: development conveniences (the development e-ID provider, /dev/outbox, a generated
   * master key, password login, API docs). Only when asked for; everything else is production.
   */
  demo: boolean;
  /** Unknown KONTAKTA_* variables, with the nearest known name: for the log at start. */
  warnings: readonly string[];
  masterKeys: MasterKeySource;
  notifications: NotificationsConfig;
  /** Who may get an SMS with a code, and how many go out per minute (identity/code-message.policy.ts). */
  smsPolicy: Readonly<{ allowedCountries: readonly string[]; perMinute: number }>;
  outboxWorker: OutboxWorkerConfig;
  /** Run scheduled jobs in this process (jobs/scheduler/); the job_lease row picks one process per run anyway. */
  scheduledJobs: boolean;
  /** How long the housekeeping jobs keep finished outbox messages, login events and security events (jobs/*-housekeeping.job.ts). */
  housekeeping: Readonly<{ outboxKeepMs: number; loginEventsKeepMs: number; securityEventsKeepMs: number }>;
  identity: IdentityConfig;
  /** Trust X-Forwarded-* from the proxy in front: the client address behind it is what login limits count. */
  trustProxy: boolean;
  /** Several Kontakta processes on one host share the port; the kernel spreads connections (Linux). */
  reusePort: boolean;
  /** Proxy for children: the age limit and the notices before it (domain/proxy). */
  proxy: ProxyRules;
  /** Access-log entries are pruned this many years after they were written (jobs/access-log-pruning.job.ts). */
  accessLog: Readonly<{ keepYears: number }>;
  /** What the accessibility statement and privacy notice name; null where the operator said nothing. */
  publicPages: Readonly<{
    careProvider: string | null;
    privacyContact: string | null;
    dataProtectionOfficer: string | null;
    accessibilityContact: string | null;
  }>;
  /** When errands are deleted and the citizen told (domain/retention). */
  retention: RetentionRules;
  /** The deletion-epoch keys (encryption/deletion-keys.ts): beside the master keys, never in backups. */
  deletionKeyFile: string;
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
  /** Whether citizens' notifications carry a clickable link (off: only the address to type). */
  linksForCitizens: boolean;
}>;

export type OutboxWorkerConfig = Readonly<{ enabled: boolean; pollMs: number; maxAttempts: number }>;

/** One OpenID Connect provider Kontakta is a client of. */
export type OidcProviderConfig = Readonly<{
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The levels of assurance (`acr` values) a login through it must carry. */
  acceptedAcr: readonly string[];
}>;

export type IdentityConfig = Readonly<{
  /** The citizens' e-ID (BankID, Freja+ through a broker). */
  citizen: OidcProviderConfig;
  /** The staff's e-ID (SITHS); the citizens' provider unless configured apart. */
  staff: OidcProviderConfig;
  scopes: string;
  personnummerClaim: string;
  /** The bundled development e-ID provider runs at /dev-idp and is the issuer (demo mode only). */
  devIdp: boolean;
  /** Password + SMS code: weaker than e-ID, so a per-installation choice. */
  passwordLogin: boolean;
  loginRateLimitPerMinute: number;
}>;

const DAY_MS = 24 * 3_600_000;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

type Env = Readonly<Record<string, string | undefined>>;

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

export type LoadOptions = Readonly<{
  /** `kontakta serve --demo`; KONTAKTA_DEMO=true does the same. */
  demo?: boolean;
}>;

/**
 * Reads and validates the whole configuration; lists every problem at once rather than the first.
 * Production is the default: a setting that would leave a health service open or unconfigured is
 * a refusal naming the variable, unless demo mode was asked for.
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd(), options: LoadOptions = {}): Config {
  const problems: string[] = [];
  const read = <T>(name: string, fallback: string, parse: (raw: string) => T | Invalid, shown = showAll): T => {
    const raw = env[name]?.trim() || fallback;
    const result = parse(raw);
    if (result instanceof Invalid) {
      const value = shown(raw);
      problems.push(`${name}${value === undefined ? '' : `=${JSON.stringify(value)}`}: ${result.reason}`);
      return undefined as T;
    }
    return result;
  };
  const required = (name: string, why: string) => {
    if (!env[name]?.trim()) problems.push(`${name} must be set (${why}); or run in demo mode (--demo)`);
  };

  const demo = options.demo === true || read('KONTAKTA_DEMO', 'false', boolean) === true;
  const port = read('PORT', '3000', integerIn(0, 65535));
  const host = read('KONTAKTA_HOST', '127.0.0.1', nonEmpty);
  const dataDir = path.resolve(cwd, read('KONTAKTA_DATA_DIR', './data', nonEmpty));
  if (!demo) required('KONTAKTA_PUBLIC_URL', 'the address people reach Kontakta at');
  const publicUrl = read('KONTAKTA_PUBLIC_URL', `http://localhost:${port ?? 3000}`, httpUrl);
  const poolSize = read('KONTAKTA_DATABASE_POOL_SIZE', '10', integerIn(1, 1000));
  const sqliteCache = read('KONTAKTA_SQLITE_CACHE_MB', String(DEFAULT_SQLITE_CACHE_MB), integerIn(1, 65_536));
  const database = read(
    'KONTAKTA_DATABASE_URL',
    `sqlite:${path.join(dataDir, 'kontakta.sqlite')}`,
    (raw) => databaseFrom(raw, cwd, poolSize ?? 10, sqliteCache),
    maskPassword,
  );
  const masterKeys = readMasterKeys(read, env, problems, { demo, cwd, dataDir });
  const devOutbox = read('KONTAKTA_DEV_OUTBOX', demo ? 'true' : 'false', boolean);
  if (devOutbox && !demo) problems.push('KONTAKTA_DEV_OUTBOX must be off outside demo mode: it shows login codes');
  const smtpUrl = read('KONTAKTA_SMTP_URL', '', smtpAddress, hidden) || null;
  if (devOutbox === false) required('KONTAKTA_SMTP_URL', 'the mail server notifications are sent through');
  const smsGatewayUrl = read('KONTAKTA_SMS_GATEWAY_URL', '', (raw) => (raw === '' ? raw : httpUrl(raw)), hidden);
  const notifications: NotificationsConfig = {
    devOutbox,
    smtpUrl,
    mailFrom: read('KONTAKTA_MAIL_FROM', `Kontakta <no-reply@${hostOf(publicUrl)}>`, mailbox),
    sms: smsGatewayUrl
      ? {
          gatewayUrl: smsGatewayUrl,
          username: read('KONTAKTA_SMS_GATEWAY_USERNAME', '', (raw) => raw),
          password: read('KONTAKTA_SMS_GATEWAY_PASSWORD', '', (raw) => raw, hidden),
          sender: read('KONTAKTA_SMS_SENDER', 'Kontakta', smsSender),
        }
      : null,
    linksForCitizens: read('KONTAKTA_NOTIFICATION_LINKS', 'false', boolean),
    printOutboxDir: path.resolve(cwd, read('KONTAKTA_PRINT_OUTBOX_DIR', path.join(dataDir, 'print-outbox'), nonEmpty)),
  };
  const outboxWorker: OutboxWorkerConfig = {
    enabled: read('KONTAKTA_OUTBOX_WORKER', 'true', boolean),
    pollMs: read('KONTAKTA_OUTBOX_POLL_MS', '1000', integerIn(50, 60_000)),
    maxAttempts: read('KONTAKTA_OUTBOX_MAX_ATTEMPTS', '10', integerIn(1, 100)),
  };
  const identity = readIdentity(read, env, problems, { demo, publicUrl });
  const config: Config = {
    identity,
    trustProxy: read('KONTAKTA_TRUST_PROXY', 'false', boolean),
    reusePort: read('KONTAKTA_REUSE_PORT', 'false', boolean),
    retention: {
      retentionMonths: read('KONTAKTA_RETENTION_MONTHS', '24', integerIn(1, 240)),
      noticeDays: read('KONTAKTA_RETENTION_NOTICE_DAYS', '30', integerIn(1, 365)),
    },
    // With the master keys by default: both stay out of the database and its backups.
    deletionKeyFile: path.resolve(
      cwd,
      read(
        'KONTAKTA_DELETION_KEY_FILE',
        masterKeys.kind === 'file'
          ? path.join(path.dirname(masterKeys.path), 'deletion-keys.json')
          : path.join(dataDir, 'keys', 'deletion-keys.json'),
        nonEmpty,
      ),
    ),
    proxy: {
      ageLimit: read('KONTAKTA_PROXY_AGE_LIMIT', '13', integerIn(1, 18)),
      firstNoticeMonths: read('KONTAKTA_PROXY_FIRST_NOTICE_MONTHS', '3', integerIn(1, 12)),
      reminderDays: read('KONTAKTA_PROXY_REMINDER_DAYS', '7', integerIn(1, 60)),
    },
    accessLog: { keepYears: read('KONTAKTA_ACCESS_LOG_KEEP_YEARS', '5', integerIn(5, 100)) },
    publicPages: {
      careProvider: read('KONTAKTA_CARE_PROVIDER', demo ? 'Region Demo (exempel)' : '', publicText) || null,
      privacyContact:
        read('KONTAKTA_PRIVACY_CONTACT', demo ? 'registrator@region-demo.example' : '', publicText) || null,
      dataProtectionOfficer:
        read('KONTAKTA_DATA_PROTECTION_OFFICER', demo ? 'dataskyddsombud@region-demo.example' : '', publicText) || null,
      accessibilityContact:
        read('KONTAKTA_ACCESSIBILITY_CONTACT', demo ? 'tillganglighet@region-demo.example' : '', publicText) || null,
    },
    demo,
    warnings: unknownVariableWarnings(env),
    masterKeys,
    notifications,
    smsPolicy: {
      allowedCountries: read('KONTAKTA_SMS_ALLOWED_COUNTRIES', '46', smsCountries),
      perMinute: read('KONTAKTA_SMS_PER_MINUTE', '60', integerIn(1, 100_000)),
    },
    outboxWorker,
    scheduledJobs: read('KONTAKTA_SCHEDULED_JOBS', 'true', boolean),
    housekeeping: {
      outboxKeepMs: read('KONTAKTA_OUTBOX_KEEP_DAYS', '30', integerIn(1, 3650)) * DAY_MS,
      loginEventsKeepMs: read('KONTAKTA_LOGIN_EVENTS_KEEP_DAYS', '365', integerIn(1, 3650)) * DAY_MS,
      securityEventsKeepMs: read('KONTAKTA_SECURITY_EVENTS_KEEP_DAYS', '365', integerIn(1, 3650)) * DAY_MS,
    },
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
    apiDocs: read('KONTAKTA_API_DOCS', demo ? 'true' : 'false', boolean),
    overload: {
      maxConcurrentRequests: read('KONTAKTA_MAX_CONCURRENT_REQUESTS', '256', integerIn(1, 100_000)),
      maxEventLoopDelayMs: read('KONTAKTA_MAX_EVENT_LOOP_DELAY_MS', '1000', integerIn(10, 60_000)),
      retryAfterSeconds: 5,
    },
    metricsAddress: read('KONTAKTA_METRICS_ADDRESS', '', (raw) => (raw === '' ? null : hostAndPort(raw))),
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

type Read = <T>(name: string, fallback: string, parse: (raw: string) => T | Invalid, shown?: Shown) => T;
/** How a refused value appears in the problem: as it is, masked, or not at all (secrets). */
type Shown = (raw: string) => string | undefined;
const showAll: Shown = (raw) => raw;
const hidden: Shown = () => undefined;

/** A database address as it may be printed: the password replaced. */
export function maskPassword(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.password ? url.toString() : raw;
  } catch {
    // Not a URL: anything between "//…:" and "@" may still be a password.
    return raw.replace(/(\/\/[^/:@]*:)[^@]*@/, '$1***@');
  }
}

function readMasterKeys(
  read: Read,
  env: Env,
  problems: string[],
  { demo, cwd, dataDir }: { demo: boolean; cwd: string; dataDir: string },
): MasterKeySource {
  const keyValue = read('KONTAKTA_MASTER_KEY', '', masterKeyList, hidden);
  const keyFile = read('KONTAKTA_MASTER_KEY_FILE', '', (raw) => raw);
  if (!demo && !env.KONTAKTA_MASTER_KEY?.trim() && !keyFile) {
    problems.push(
      'KONTAKTA_MASTER_KEY or KONTAKTA_MASTER_KEY_FILE must be set (the keys that protect errand content); or run in demo mode (--demo)',
    );
  }
  const source: MasterKeySource = keyValue
    ? { kind: 'environment', value: keyValue }
    : keyFile
      ? { kind: 'file', path: path.resolve(cwd, keyFile), generateIfMissing: false }
      : { kind: 'file', path: path.join(dataDir, 'master-keys.json'), generateIfMissing: true };
  // The demo may use its generated key; everywhere else the key must be able to protect data.
  if (!demo && (keyValue || keyFile)) {
    const name = keyValue ? 'KONTAKTA_MASTER_KEY' : 'KONTAKTA_MASTER_KEY_FILE';
    for (const problem of masterKeyProblems(source)) problems.push(`${name}: ${problem}`);
  }
  return source;
}

function readIdentity(
  read: Read,
  env: Env,
  problems: string[],
  { demo, publicUrl }: { demo: boolean; publicUrl: string },
): IdentityConfig {
  const configured = env.KONTAKTA_OIDC_ISSUER?.trim();
  const devIdp = !configured && demo;
  if (!configured && !demo) {
    problems.push(
      'KONTAKTA_OIDC_ISSUER must be set (the e-ID broker citizens log in through); or run in demo mode (--demo)',
    );
  }
  const issuerParser = (raw: string) => {
    const url = httpUrl(raw);
    if (!demo && typeof url === 'string' && !url.startsWith('https:'))
      return new Invalid('must be https:// outside demo mode');
    return url;
  };
  // Without an issuer there is nothing more to check: the missing issuer is the one problem.
  const issuer = devIdp ? `${publicUrl}/dev-idp` : configured ? read('KONTAKTA_OIDC_ISSUER', '', issuerParser) : '';
  const clientId = read('KONTAKTA_OIDC_CLIENT_ID', 'kontakta', nonEmpty);
  // The development provider and Kontakta share the process, so a fresh secret per start will do.
  const clientSecret = devIdp
    ? randomBytes(24).toString('base64url')
    : !configured
      ? ''
      : read(
          'KONTAKTA_OIDC_CLIENT_SECRET',
          '',
          (raw) => (raw ? raw : new Invalid('must be set with an issuer')),
          hidden,
        );
  const acceptedAcr = read('KONTAKTA_OIDC_ACCEPTED_ACR', DEFAULT_ACCEPTED_ACR.join(','), acrList);
  const citizen = { issuer, clientId, clientSecret, acceptedAcr };
  // Each staff value is read only when set: by default it is the citizens' (already checked).
  const own = (name: string) => Boolean(env[name]?.trim());
  const staff = {
    issuer: own('KONTAKTA_STAFF_OIDC_ISSUER') ? read('KONTAKTA_STAFF_OIDC_ISSUER', '', issuerParser) : issuer,
    clientId: own('KONTAKTA_STAFF_OIDC_CLIENT_ID') ? read('KONTAKTA_STAFF_OIDC_CLIENT_ID', '', nonEmpty) : clientId,
    clientSecret: own('KONTAKTA_STAFF_OIDC_CLIENT_SECRET')
      ? read('KONTAKTA_STAFF_OIDC_CLIENT_SECRET', '', nonEmpty, hidden)
      : clientSecret,
    acceptedAcr: own('KONTAKTA_STAFF_OIDC_ACCEPTED_ACR')
      ? read('KONTAKTA_STAFF_OIDC_ACCEPTED_ACR', '', acrList)
      : acceptedAcr,
  };
  return {
    citizen,
    staff,
    scopes: read('KONTAKTA_OIDC_SCOPES', 'openid profile', (raw) =>
      raw.split(/\s+/).includes('openid') ? raw : new Invalid('must include openid'),
    ),
    personnummerClaim: read('KONTAKTA_OIDC_PERSONNUMMER_CLAIM', 'personal_number', nonEmpty),
    devIdp,
    passwordLogin: read('KONTAKTA_PASSWORD_LOGIN', demo ? 'true' : 'false', boolean),
    loginRateLimitPerMinute: read('KONTAKTA_LOGIN_RATE_LIMIT', '20', integerIn(1, 100_000)),
  };
}
