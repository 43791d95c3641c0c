// Node flags a Kontakta server runs with, wherever it is started: the container's entry point,
// the systemd unit, `npx kontakta` (the bin script's first line) and the benchmark's server.
// Those places cannot import this file; `server-node-flags.test.ts` checks that each says the same.
//
// --max-semi-space-size=16: V8 sizes the young generation (where a request's short-lived objects
// live until the next scavenge) from the machine's memory, 128 MiB here. At 16 MiB per semi-space
// (32 MiB young) the server's peak under load is 80–150 MiB lower, for about the same opening
// throughput and 6–7 % fewer sends per second (bench/results/2026-12-07-vm-semi-space.md, four
// alternating rounds). A command-line flag wins over NODE_OPTIONS: an operator who wants another
// size changes the ExecStart line or the entry point (README, "Runtime").
//
// --max-old-space-size=512: V8 collects the old generation again when it has grown to a multiple
// of what survived the last full collection: up to 4× when the heap may grow to 2 GiB or more
// (its default on a large machine), about 1.4× under a 512 MiB cap. The server's live heap is
// 60–110 MiB; under load the old generation peaked at 86–276 MiB with no cap and 69–96 MiB with
// it, the whole process at 411–527 MB against 291–303, for the same throughput and national mix
// (bench/results/2026-12-08-vm-old-generation.md). Commands that walk the database do it in
// batches; a process that did need more would stop with "heap out of memory".
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16', '--max-old-space-size=512'];
