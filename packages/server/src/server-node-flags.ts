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
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];
