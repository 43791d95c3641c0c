/**
 * Every variable Kontakta reads, with its default and meaning: the README's configuration table
 * is checked against this list, and unknown `KONTAKTA_*` variables are compared with it (typos).
 */
export const CONFIG_VARIABLES = [
  {
    name: 'KONTAKTA_DEMO',
    default: 'false',
    description:
      'Demo mode (also `kontakta serve --demo`, which `npm start` uses): the development e-ID provider where anyone logs in as a test person, `/dev/outbox` showing login codes, a generated master key, password login and the API docs. Never on a server people use.',
  },
  { name: 'PORT', default: '3000', description: 'HTTP port.' },
  { name: 'KONTAKTA_HOST', default: '127.0.0.1', description: 'Address to listen on; `0.0.0.0` behind a proxy.' },
  {
    name: 'KONTAKTA_PUBLIC_URL',
    default: 'required; `http://localhost:$PORT` in demo mode',
    description: 'The address users reach Kontakta at (links in e-mails, OIDC redirects).',
  },
  {
    name: 'KONTAKTA_DATABASE_URL',
    default: '(unset: SQLite file `$KONTAKTA_DATA_DIR/kontakta.sqlite`)',
    description: '`postgres://user:pass@host:5432/db` for PostgreSQL, or `sqlite:<file>` for another SQLite file.',
  },
  {
    name: 'KONTAKTA_DATABASE_POOL_SIZE',
    default: '10',
    description: 'PostgreSQL connections per process, all opened at start and kept open.',
  },
  {
    name: 'KONTAKTA_SQLITE_CACHE_MB',
    default: '16',
    description:
      "SQLite's own page cache per process, in MB (the operating system caches the file as well). Larger costs writes: every commit walks the cache. At 1 M errands 128 made unit inboxes 1.5× faster, opens 8–18 % slower and the process 90–135 MB larger (bench/results/2026-12-07-vm-1m.md).",
  },
  { name: 'KONTAKTA_DATA_DIR', default: './data', description: 'Where the embedded database and local files live.' },
  {
    name: 'KONTAKTA_REGISTER_DIR',
    default: '$KONTAKTA_DATA_DIR/register',
    description: 'Folder with `population.json` and `hsa.json` for the file-based register adapter.',
  },
  { name: 'KONTAKTA_WEB_DIST', default: 'packages/web/dist', description: 'The built web app served at `/`.' },
  {
    name: 'KONTAKTA_LOG_LEVEL',
    default: 'info',
    description: 'One of fatal, error, warn, info, debug, trace, silent.',
  },
  {
    name: 'KONTAKTA_REQUEST_TIMEOUT_MS',
    default: '30000',
    description: 'Longest time a request may take (protects against slow clients).',
  },
  { name: 'KONTAKTA_BODY_LIMIT_BYTES', default: '1048576', description: 'Largest request body accepted.' },
  {
    name: 'KONTAKTA_MAX_CONCURRENT_REQUESTS',
    default: '256',
    description:
      'Requests in progress at once in one process; beyond it new ones get 503 with `Retry-After` at once (overload is shed, not queued).',
  },
  {
    name: 'KONTAKTA_MAX_EVENT_LOOP_DELAY_MS',
    default: '1000',
    description: 'Event-loop delay beyond which new requests get 503 with `Retry-After` (the process cannot keep up).',
  },
  {
    name: 'KONTAKTA_API_DOCS',
    default: '`false`; `true` in demo mode',
    description: 'Serve the OpenAPI description at `/api/openapi.json` and the browsable documentation at `/api/docs`.',
  },
  {
    name: 'KONTAKTA_METRICS_ADDRESS',
    default: '(unset: `/metrics` on the main port)',
    description:
      'Serve `/metrics` only on this `host:port` (e.g. `127.0.0.1:9464`), so that Prometheus reaches it and the public does not.',
  },
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
    name: 'KONTAKTA_MASTER_KEY',
    default: '(unset)',
    description:
      "Master key(s) wrapping the errands' data keys: `id:base64-of-32-random-bytes`, the current first, older ones after commas while rotating. This or a key file is required.",
  },
  {
    name: 'KONTAKTA_MASTER_KEY_FILE',
    default: '(unset; `$KONTAKTA_DATA_DIR/master-keys.json`, generated, in demo mode)',
    description:
      'A JSON key file instead (`kontakta keys generate <file>` makes one; see Key rotation). Running servers reload it when it changes and on SIGHUP.',
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
    default: '`false`; `true` in demo mode',
    description:
      'Nothing leaves the machine: e-mail and SMS are kept and shown, with letters, at `/dev/outbox` (and `/dev/outbox.json`). Only in demo mode: it shows login codes.',
  },
  {
    name: 'KONTAKTA_SMTP_URL',
    default: '(unset; required unless the dev outbox is on)',
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
    name: 'KONTAKTA_SMS_ALLOWED_COUNTRIES',
    default: '46',
    description:
      'Country calling codes whose mobile numbers may get an SMS with a code (login codes, confirming a number), comma-separated: `46` Sweden, `47` Norway, `358` Finland. Other numbers, and numbers outside the mobile ranges (e.g. Swedish 070, 072, 073, 076, 079), are refused when entered.',
  },
  {
    name: 'KONTAKTA_SMS_PER_MINUTE',
    default: '60',
    description:
      'SMS with a code sent per minute by the whole installation, the last fuse against SMS pumping; beyond it requests get 429 with `Retry-After`. Whatever this says, an account gets at most 5 login codes and 3 confirmation codes per channel in 15 minutes, and a number or address at most 10 and 3.',
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
    name: 'KONTAKTA_SCHEDULED_JOBS',
    default: 'true',
    description:
      'Run scheduled jobs (e.g. removing expired sessions) in this process; each run happens in one process, however many have this on. `npx kontakta jobs` lists them.',
  },
  {
    name: 'KONTAKTA_OUTBOX_KEEP_DAYS',
    default: '30',
    description:
      'Days a message is kept after it was sent, bounced, expired or given up (dead); the nightly `outbox-housekeeping` job then deletes it. Staff see an errand’s notification status, and operators can send dead messages again (`kontakta outbox`), only this long. The latest bounce to a citizen’s address stays however old: their settings show from it that the address stopped working.',
  },
  {
    name: 'KONTAKTA_LOGIN_EVENTS_KEEP_DAYS',
    default: '365',
    description:
      'Days login events (outcome, method, reason, municipality; no one’s identity) are kept before the nightly `event-housekeeping` job deletes them. Login statistics are counted as logins happen, so deleting the events loses none.',
  },
  {
    name: 'KONTAKTA_SECURITY_EVENTS_KEEP_DAYS',
    default: '365',
    description:
      'Days security events (e.g. staff refused an errand) are kept for investigations before the nightly `event-housekeeping` job deletes them.',
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
    name: 'KONTAKTA_NOTIFICATION_LINKS',
    default: 'false',
    description:
      'Put a clickable link in citizens’ notifications. Off by default: they name the address to go to, since people are taught not to log in through links in messages.',
  },
  {
    name: 'KONTAKTA_RETENTION_MONTHS',
    default: '24',
    description:
      'Errands are deleted this many months after their last event (reading is not an event), open ones too.',
  },
  {
    name: 'KONTAKTA_RETENTION_NOTICE_DAYS',
    default: '30',
    description: 'Days before deletion when the citizen gets an inbox message and staff see the deletion date.',
  },
  {
    name: 'KONTAKTA_DELETION_KEY_FILE',
    default:
      '`deletion-keys.json` beside `KONTAKTA_MASTER_KEY_FILE`; `$KONTAKTA_DATA_DIR/keys/deletion-keys.json` with `KONTAKTA_MASTER_KEY`',
    description:
      'The monthly deletion keys: keep it with the master keys and out of long-lived backups (destroying a month’s key shreds every backup copy of its errands).',
  },
  {
    name: 'KONTAKTA_PROXY_AGE_LIMIT',
    default: '13',
    description: 'Guardians may act for a child (ombud) until this birthday, midnight Stockholm time.',
  },
  {
    name: 'KONTAKTA_PROXY_FIRST_NOTICE_MONTHS',
    default: '3',
    description: 'Months before the age limit when the child and the guardians get a message that the proxy ends.',
  },
  {
    name: 'KONTAKTA_PROXY_REMINDER_DAYS',
    default: '7',
    description: 'Days before the age limit when the reminder goes out.',
  },
  {
    name: 'KONTAKTA_ACCESS_LOG_KEEP_YEARS',
    default: '5',
    description:
      'Years an access-log entry is kept after it was written (ids only, so it outlives the errand it names); older ones are pruned every night at 03:30 and `kontakta audit verify` checks the rest from where they were cut. At least 5: the law asks for five, and the database refuses to prune younger entries.',
  },
  {
    name: 'KONTAKTA_CARE_PROVIDER',
    default: 'none; `Region Demo (exempel)` in demo mode',
    description:
      'The care provider that runs the installation and is the controller of its personal data; named on the privacy page (`/personuppgifter`) and the accessibility statement (`/tillganglighet`).',
  },
  {
    name: 'KONTAKTA_PRIVACY_CONTACT',
    default: 'none; an example address in demo mode',
    description: 'Where citizens write about their personal data (e-mail, phone or address), on the privacy page.',
  },
  {
    name: 'KONTAKTA_DATA_PROTECTION_OFFICER',
    default: 'none; an example address in demo mode',
    description: "How to reach the care provider's data protection officer, on the privacy page.",
  },
  {
    name: 'KONTAKTA_ACCESSIBILITY_CONTACT',
    default: 'none; an example address in demo mode',
    description: 'Where to report an accessibility problem, on the accessibility statement.',
  },
  {
    name: 'KONTAKTA_OIDC_ISSUER',
    default: 'required (https); the development e-ID provider at `$KONTAKTA_PUBLIC_URL/dev-idp` in demo mode',
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
    name: 'KONTAKTA_OIDC_ACCEPTED_ACR',
    default: '`http://id.elegnamnden.se/loa/1.0/loa3,http://id.elegnamnden.se/loa/1.0/loa4`',
    description:
      'Comma-separated levels of assurance (`acr`) accepted from the citizens’ e-ID: asked for as `acr_values` and always checked in the ID token; a login without one of them is refused (`insufficient-assurance`). The default, the Swedish e-ID framework’s levels 3 and 4, takes BankID and Freja+ but not basic Freja (level 2). A broker with its own names for levels needs them here.',
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
    name: 'KONTAKTA_STAFF_OIDC_ACCEPTED_ACR',
    default: '`$KONTAKTA_OIDC_ACCEPTED_ACR`',
    description:
      'The same for the staff issuer; a SITHS identity provider names its own levels, e.g. `http://id.sambi.se/loa/loa3` at Inera’s.',
  },
  {
    name: 'KONTAKTA_PASSWORD_LOGIN',
    default: '`false`; `true` in demo mode',
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

/** Variables of Kontakta's own tooling, read outside the server's configuration. */
const TOOLING_VARIABLES = ['KONTAKTA_TEST_POSTGRES_URL', 'KONTAKTA_CHROMIUM'];

/**
 * Warnings for `KONTAKTA_*` variables nobody reads: most are typos, and a typo in a security
 * setting silently keeps its default. Each names the nearest known variable.
 */
export function unknownVariableWarnings(env: Readonly<Record<string, string | undefined>>): string[] {
  const known: string[] = [...CONFIG_VARIABLES.map((v) => v.name), ...TOOLING_VARIABLES];
  return Object.keys(env)
    .filter((name) => name.startsWith('KONTAKTA_') && !known.includes(name))
    .sort()
    .map((name) => {
      const nearest = nearestName(name, known);
      return `${name} is not a Kontakta setting and is ignored${nearest ? ` (did you mean ${nearest}?)` : ''}`;
    });
}

function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  // Beyond a third of the name it is a different word, not a typo.
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}
