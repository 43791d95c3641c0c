import fs from 'node:fs';
import path from 'node:path';
import type { BenchSession } from './bench-session.ts';
import type { Child } from './child-process.ts';
import { type CpuProfile, type ProfileSummary, summariseProfiles } from './cpu-profile-summary.ts';
import type { MemoryComposition } from './memory-composition.ts';
import type { RequestTimes } from './server-request-times.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs one benchmark and adds what the Kontakta server processes did during it: what their
 * memory was made of at its peak, and with --profile their top cost centres (every process
 * profiled; the profiles stay in the profile folder as `<data set>-<benchmark>-<process>.cpuprofile`,
 * to open in Chrome's DevTools).
 */
export async function withServerProfile<T extends object>(
  session: BenchSession,
  benchmark: string,
  work: () => Promise<T>,
): Promise<T & { profile?: ProfileSummary; memory?: MemoryComposition }> {
  const label = `${session.dialect}-${session.meta.errands}-${benchmark}`.replaceAll(/[^\w.-]/g, '_');
  const servers = [...session.servers];
  await Promise.all(servers.map((server, i) => memoryPeak(server, `${label}-before-${i}`)));
  const dir = session.profileDir;
  if (dir) for (const server of servers) server.send('profile-start');
  const result = await work();
  const peaks = await Promise.all(servers.map((server, i) => memoryPeak(server, `${label}-${i}`)));
  const memory = peaks.reduce((highest, peak) => (peak.rss > highest.rss ? peak : highest));
  if (!dir) return { ...result, memory };
  fs.mkdirSync(dir, { recursive: true });
  const files = servers.map((server, i) => {
    const file = path.join(dir, `${label}-${i + 1}.cpuprofile`);
    server.send(`profile-stop ${file}`);
    return file;
  });
  await Promise.all(servers.map((server, i) => server.waitFor(`profile-written ${files[i]}`)));
  const profiles = files.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile);
  return { ...result, memory, profile: summariseProfiles(profiles, REPO_ROOT) };
}

/** The server's memory at its peak since the last ask (bench-server.process.ts). */
function memoryPeak(server: Child, token: string): Promise<MemoryComposition> {
  return ask<MemoryComposition>(server, 'memory-peak', token);
}

/** Sends `<command> <token>` to a bench server and reads its answer, `<command> <token> <json>`. */
async function ask<T>(server: Child, command: string, token: string): Promise<T> {
  server.send(`${command} ${token}`);
  const line = await server.waitFor(`${command} ${token} `);
  return JSON.parse(line.slice(`${command} ${token} `.length)) as T;
}

/** How late the server processes' event loops ran since the last ask, the worst of them (bench-server.process.ts). */
export async function serverLoopDelay(session: BenchSession, token: string): Promise<{ p99: number; max: number }> {
  const delays = await Promise.all(
    session.servers.map((server, i) => ask<{ p99: number; max: number }>(server, 'loop-delay', `${token}-${i}`)),
  );
  return {
    p99: Math.max(...delays.map((delay) => delay.p99)),
    max: Math.max(...delays.map((delay) => delay.max)),
  };
}

/** Each server process's own request times and pool waits since the last ask (server-request-times.ts). */
export function serverRequestTimes(session: BenchSession, token: string): Promise<RequestTimes[]> {
  return Promise.all(session.servers.map((server, i) => ask<RequestTimes>(server, 'request-times', `${token}-${i}`)));
}
