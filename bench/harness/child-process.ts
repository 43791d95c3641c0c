import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Starting the benchmark's own processes (the server under test, the floor server, the load
// generator) with the project's Node, and reading their memory and CPU from /proc.

export const NODE = process.execPath;
const CLOCK_TICKS_PER_SECOND = 100;

export type Child = {
  process: ChildProcess;
  pid: number;
  /** Resolves with the first stdout line that starts with `prefix`. */
  waitFor(prefix: string, timeoutMs?: number): Promise<string>;
  /** Lines printed so far. */
  output(): string[];
  /** Writes one line to the process's stdin (bench-server.process.ts reads profiling commands). */
  send(line: string): void;
  stop(): Promise<void>;
};

export function startChild(
  script: string,
  args: string[],
  env: Record<string, string>,
  logFile?: string,
  nodeArgs: string[] = [],
): Child {
  const child = spawn(NODE, [...nodeArgs, script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ prefix: string; resolve: (line: string) => void }> = [];
  const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : undefined;
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      lines.push(line);
      log?.write(`${line}\n`);
      for (const waiter of [...waiters]) {
        if (line.startsWith(waiter.prefix)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
      newline = buffered.indexOf('\n');
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => log?.write(chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    pid: child.pid as number,
    output: () => lines,
    send: (line) => void child.stdin?.write(`${line}\n`),
    waitFor(prefix, timeoutMs = 600_000) {
      const seen = lines.find((l) => l.startsWith(prefix));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${path.basename(script)}: no "${prefix}" in time`)),
          timeoutMs,
        );
        const exitedFirst = (code: number | null) => {
          clearTimeout(timer);
          reject(
            new Error(`${path.basename(script)} exited (${code}) before "${prefix}"; see ${logFile ?? 'its output'}`),
          );
        };
        child.once('exit', exitedFirst);
        waiters.push({
          prefix,
          resolve: (line) => {
            clearTimeout(timer);
            // A long-lived process is waited for many times: leave no listener behind per wait.
            child.off('exit', exitedFirst);
            resolve(line);
          },
        });
      });
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
      log?.end();
    },
  };
}

/** Resident memory of a process in bytes, from /proc (0 once it has gone). */
export function residentBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * CPU used by a family of processes (PostgreSQL's backends) over a stretch of time. Backends come
 * and go (a pool closes idle connections), so each is sampled while it lives and counted from its
 * first sample (or from zero when it started meanwhile) to its last.
 */
export function processFamilyCpu(match: (commandLine: string) => boolean) {
  const seen = new Map<number, { first: number; last: number }>();
  let started = false;
  const sample = () => {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
        if (!match(commandLine)) continue;
        const pid = Number(entry);
        const now = cpuSeconds(pid);
        const known = seen.get(pid);
        if (known) known.last = now;
        else seen.set(pid, { first: started ? 0 : now, last: now });
      } catch {
        // The process ended meanwhile.
      }
    }
    started = true;
  };
  sample();
  return {
    sample,
    /** CPU seconds used since the first sample. */
    total(): number {
      sample();
      let sum = 0;
      for (const { first, last } of seen.values()) sum += last - first;
      return sum;
    },
  };
}

/** Samples the processes' memory (summed) while `work` runs; returns the work's result and the peak. */
export async function withPeakMemory<T>(
  pids: readonly number[],
  work: () => Promise<T>,
): Promise<{ result: T; peakRss: number }> {
  const resident = () => pids.reduce((sum, pid) => sum + residentBytes(pid), 0);
  let peak = resident();
  const timer = setInterval(() => {
    peak = Math.max(peak, resident());
  }, 250);
  try {
    const result = await work();
    peak = Math.max(peak, resident());
    return { result, peakRss: peak };
  } finally {
    clearInterval(timer);
  }
}

/** CPU seconds the whole machine has been busy (all processes, all cores), from /proc/stat. */
export function machineBusySeconds(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).map(Number);
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS_PER_SECOND;
}

/**
 * Waits until the machine is nearly idle (others' test runs share it), at most `timeoutMs`;
 * returns the cores that were still busy.
 */
export async function waitForQuiet(timeoutMs = 120_000, threshold = 0.3): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const before = machineBusySeconds();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const busy = (machineBusySeconds() - before) / 2;
    if (busy < threshold || Date.now() > deadline) return busy;
  }
}
