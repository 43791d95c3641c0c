import fs from 'node:fs';
import path from 'node:path';
import type { BenchSession } from './bench-session.ts';
import { type CpuProfile, type ProfileSummary, summariseProfiles } from './cpu-profile-summary.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs one benchmark with every Kontakta server process profiled (only with --profile), and adds
 * the top cost centres to its figures. The profiles stay in the profile folder as
 * `<data set>-<benchmark>-<process>.cpuprofile`, to open in Chrome's DevTools.
 */
export async function withServerProfile<T extends object>(
  session: BenchSession,
  benchmark: string,
  work: () => Promise<T>,
): Promise<T & { profile?: ProfileSummary }> {
  const dir = session.profileDir;
  if (!dir) return work();
  fs.mkdirSync(dir, { recursive: true });
  const servers = [...session.servers];
  for (const server of servers) server.send('profile-start');
  const result = await work();
  const label = `${session.dialect}-${session.meta.errands}-${benchmark}`.replaceAll(/[^\w.-]/g, '_');
  const files = servers.map((server, i) => {
    const file = path.join(dir, `${label}-${i + 1}.cpuprofile`);
    server.send(`profile-stop ${file}`);
    return file;
  });
  await Promise.all(servers.map((server, i) => server.waitFor(`profile-written ${files[i]}`)));
  const profiles = files.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile);
  return { ...result, profile: summariseProfiles(profiles, REPO_ROOT) };
}
