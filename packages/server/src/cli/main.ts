import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.ts';
import { auditVerifyCommand } from './audit.command.ts';
import { keysRotateCommand } from './keys.command.ts';
import { migrateCommand } from './migrate.command.ts';
import { OUTBOX_USAGE, outboxCommand } from './outbox.command.ts';
import { seedCommand } from './seed.command.ts';
import { serveCommand } from './serve.command.ts';

type Command = { summary: string; usage: string; run(args: string[]): Promise<void> };

const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'Start the server (applies migrations first).',
    usage: 'kontakta serve [--demo]\n  --demo  load the demo register and units first if none is loaded',
    run: (args) => serveCommand(loadConfig(), parseArgs({ args, options: { demo: { type: 'boolean' } } }).values),
  },
  migrate: {
    summary: 'Apply pending database migrations and exit.',
    usage: 'kontakta migrate',
    run: (args) => noOptions(args).then(() => migrateCommand(loadConfig())),
  },
  keys: {
    summary: 'Rotate the master key: `keys rotate` re-wraps every data key under a new one.',
    usage: 'kontakta keys rotate',
    run: (args) => subcommand(args, 'rotate').then(() => keysRotateCommand(loadConfig())),
  },
  audit: {
    summary: 'Check the access log: `audit verify` finds changed or removed entries.',
    usage: 'kontakta audit verify',
    run: (args) => subcommand(args, 'verify').then(() => auditVerifyCommand(loadConfig())),
  },
  seed: {
    summary: 'Write the demo register (dated today) and load its regions and care units.',
    usage: 'kontakta seed',
    run: (args) => noOptions(args).then(() => seedCommand(loadConfig())),
  },
  outbox: {
    summary: 'List notifications that were not delivered, or send them again.',
    usage: OUTBOX_USAGE,
    run: (args) => outboxCommand(loadConfig(), args),
  },
};

/** Commands with one sub-command so far; anything else is refused before it does anything. */
async function subcommand(args: string[], expected: string): Promise<void> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  if (positionals.length !== 1 || positionals[0] !== expected) {
    throw new Error(`Expected "${expected}". See --help.`);
  }
}

/** Refuses unknown options before a command does anything. */
async function noOptions(args: string[]): Promise<void> {
  parseArgs({ args, options: {} });
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
    'Configuration comes from environment variables; see the README.',
    'Run `kontakta <command> --help` for the options of one command.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 1;
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
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
  },
);
