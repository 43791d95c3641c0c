/** The usage texts of commands with sub-commands: `kontakta <command> --help` shows them without loading the command. */

export const OUTBOX_USAGE = `kontakta outbox [--limit <n>]        list notifications that were not delivered (dead, failing, bounced)
       kontakta outbox retry <id>          send one of them again
       kontakta outbox retry --all-dead    send every dead one again
Recipients are masked. A message sent again gets a fresh set of attempts; the server's worker sends it.`;

export const KEYS_USAGE = `kontakta keys generate <file>   write a new key file with one fresh key (never overwrites)
       kontakta keys add               add a new current master key; running servers switch to it
       kontakta keys rewrap            re-wrap every data key under the current master key (resumable)
       kontakta keys prune             remove master keys nothing references any more
Rotation: \`keys add\`, then \`keys rewrap\`, then \`keys prune\`. With KONTAKTA_MASTER_KEY instead of a file,
\`keys add\` prints a new key to put first in it; restart the servers before \`keys rewrap\`.`;

export const BACKUP_USAGE = `kontakta backup <file>                SQLite: copy the database (while the server runs) to <file>, and its
                                             access-log chain heads to <file>.access-log-heads.json (never overwrites)
       kontakta backup --heads-only <file>   only the chain heads; on PostgreSQL, before pg_dump or a base backup
The master keys are never in a backup: back them up separately.`;

export const AUDIT_USAGE = `kontakta audit verify                  walk every unit's access-log chain: finds changed or removed entries
       kontakta audit verify --heads <file>   also check the chain heads exported with a backup: finds entries
                                              removed or rewritten since, even with the head rewritten to match`;

export const JOBS_USAGE = `kontakta jobs              list the scheduled jobs: schedule, last run (start, finish, outcome), next run
       kontakta jobs run <name>   run one now and wait for it (refused while another process runs it)
Times are Stockholm time, as the schedules are. Every server process schedules the jobs; one runs each run.`;

export const RETENTION_USAGE = `kontakta retention --dry-run [--months <n>]   what retention deletes in the next <n> months (12), by unit and month
       kontakta retention run                        run retention now: delete expired errands, tell citizens, destroy spent keys
Errands are deleted KONTAKTA_RETENTION_MONTHS after their last event; the server runs this every hour by itself.`;
