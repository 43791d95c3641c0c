/** The targets this machine misses, and the work that would meet them (issue #8 asks for both). */
export const WHAT_IT_WOULD_TAKE = [
  '- **More than one core for Kontakta.** One process is one JavaScript thread; every figure above that says "server thread" has it full. ' +
    'The scale-out rows show what a second process on the same port gives on this 2-core machine, where the load generator ' +
    '(and PostgreSQL) need the same cores; on a machine with cores to spare, processes scale with them (`KONTAKTA_REUSE_PORT`).',
  '- **Send ÷ insert floor ≥ ½.** The floor inserts one 300-byte row; a send validates the form, makes and wraps a data key, ' +
    'seals the answers and writes the errand, its first message, its event, the access-log link and the outbox row. With group ' +
    'commit the fsync no longer stops the server, so what is left is CPU on the one thread: fewer statements per send (one ' +
    'multi-row insert for event + message + outbox), and Kysely query compilation cached for the hot statements.',
  '- **Reads ÷ JSON floor ≥ ¼.** The JSON floor is a route with no session, no database and no schema work. A read resolves the ' +
    'session (one query), runs one to three indexed queries and serialises the page; opening an errand also decrypts it and ' +
    "writes the access log, which must be durable before the content is shown. About half of a list read's time is in SQLite " +
    'itself; reaching a quarter of the floor would need a session cache across processes and precompiled statements, and for ' +
    'opening an errand more cores, as the durable access-log write is part of the read by design.',
  '- **The national mix with e-ID logins.** A complete login through the development provider costs this server several ms ' +
    'of CPU on pages that in production belong to the e-ID broker; 55 logins/s at k = 1 already fill the thread. Measured with ' +
    "the broker elsewhere (as in production) the login cost left is Kontakta's start and callback.",
  '- **10 M errands on PostgreSQL.** About 13 kB per errand on PostgreSQL (100 k errands: 1.3 GB of tables and indexes plus ' +
    'WAL) makes 10 M about 130 GB, and the generator writes about 360 errands/s there (about 8 hours): neither the disk nor ' +
    'the time is available on this machine. The generator takes `--errands 10000000 --db postgres` as it is.',
];
