import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config.ts';
import { AUDIT_USAGE, BACKUP_USAGE, JOBS_USAGE, KEYS_USAGE, OUTBOX_USAGE, RETENTION_USAGE } from './usage.ts';

type Command = { summary: string; usage: string; run(args: string[]): Promise<void> };

// Each command's module is imported when it runs, so `--help` answers without loading the server.
const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'Start the server (applies migrations first).',
    usage:
      'kontakta serve [--demo]\n  --demo  demo mode: the development e-ID provider, /dev/outbox, a generated key, the demo register when none is loaded (never on a server people use)',
    run: async (args) => {
      const { demo } = parseArgs({ args, options: { demo: { type: 'boolean' } } }).values;
      const { serveCommand } = await import('./serve.command.ts');
      await serveCommand(await config({ demo: demo === true }), { demo: demo === true });
    },
  },
  migrate: {
    summary: 'Apply pending database migrations and exit.',
    usage: 'kontakta migrate',
    run: async (args) => {
      noOptions(args);
      const { migrateCommand } = await import('./migrate.command.ts');
      await migrateCommand(await config());
    },
  },
  keys: {
    summary: 'Master keys: `generate` a key file, `add` a new current key, `rewrap` data keys, `prune` old keys.',
    usage: KEYS_USAGE,
    run: async (args) => {
      const { keysCommand } = await import('./keys.command.ts');
      await keysCommand(args, config);
    },
  },
  audit: {
    summary: 'Check the access log: `audit verify [--heads <file>]` finds changed or removed entries.',
    usage: AUDIT_USAGE,
    run: async (args) => {
      const { auditCommand } = await import('./audit.command.ts');
      await auditCommand(args, config);
    },
  },
  backup: {
    summary: 'Back up the SQLite database while the server runs, with its access-log chain heads.',
    usage: BACKUP_USAGE,
    run: async (args) => {
      const { backupCommand } = await import('./backup.command.ts');
      await backupCommand(args, config);
    },
  },
  seed: {
    summary: 'Demo mode: write the demo register (dated today) and load its regions and care units.',
    usage:
      'kontakta seed --demo\n  --demo  required: the demo register replaces the register files in KONTAKTA_REGISTER_DIR',
    run: async (args) => {
      const { demo } = parseArgs({ args, options: { demo: { type: 'boolean' } } }).values;
      const loaded = await config({ demo: demo === true });
      if (!loaded.demo) throw new Error('seed writes the demo register over the register files: give --demo.');
      const { seedCommand } = await import('./seed.command.ts');
      await seedCommand(loaded);
    },
  },
  outbox: {
    summary: 'List notifications that were not delivered, or send them again.',
    usage: OUTBOX_USAGE,
    run: async (args) => {
      const { outboxCommand } = await import('./outbox.command.ts');
      await outboxCommand(await config(), args);
    },
  },
  retention: {
    summary: 'Errands past their retention: `--dry-run` shows what goes when, `run` deletes them now.',
    usage: RETENTION_USAGE,
    run: async (args) => {
      const { retentionCommand } = await import('./retention.command.ts');
      await retentionCommand(await config(), args);
    },
  },
  jobs: {
    summary: 'List the scheduled jobs with their last and next runs, or run one now.',
    usage: JOBS_USAGE,
    run: async (args) => {
      const { jobsCommand } = await import('./jobs.command.ts');
      await jobsCommand(await config(), args);
    },
  },
};

async function config(options: { demo?: boolean } = {}): Promise<Config> {
  const { loadConfig } = await import('../config/config.ts');
  return loadConfig(process.env, process.cwd(), options);
}

/** Refuses unknown options before a command does anything. */
function noOptions(args: string[]): void {
  parseArgs({ args, options: {} });
}

function version(): string {
  const packageFile = new URL('../../package.json', import.meta.url);
  return (JSON.parse(fs.readFileSync(packageFile, 'utf8')) as { version: string }).version;
}

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    'Kontakta: secure e-services between citizens and their care units.',
    '',
    'Usage: kontakta <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Configuration comes from environment variables; see the README. Without --demo (or',
    'KONTAKTA_DEMO=true) Kontakta runs in production mode and refuses an incomplete configuration.',
    'Run `kontakta <command> --help` for the options of one command; `kontakta --version`.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`kontakta ${version()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${help()}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  await command.run(args);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    // Configuration and startup refusals are for a person to read, not stack traces.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
