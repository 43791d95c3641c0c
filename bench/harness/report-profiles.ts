import { formatCostCentres, type ProfileSummary } from './cpu-profile-summary.ts';

/**
 * "Where the server's CPU went" (issue 20 pt 7): per benchmark, the top cost centres of the
 * server's busy time, by area (package, Node module, Kontakta file) and by single function.
 */
export function profileSection(profiled: ReadonlyArray<{ title: string; profile: ProfileSummary }>): string[] {
  if (profiled.length === 0) return [];
  return [
    "### Where the server's CPU went",
    '',
    'Shares of the server processes’ busy time (V8 sampling profiler, idle left out) during each benchmark, ' +
      'warm-up included; a built-in function (a SQLite statement, JSON, crypto) counts where its caller lives. ' +
      'The profiles are in the profile folder, to open in Chrome’s DevTools.',
    '',
    '| benchmark | busy s | top areas | top functions (own time) |',
    '|---|---:|---|---|',
    ...profiled.map(
      ({ title, profile }) =>
        `| ${title} | ${(profile.busyMs / 1000).toFixed(1)} | ${cell(formatCostCentres(profile.areas))} | ${cell(formatCostCentres(profile.functions))} |`,
    ),
    '',
  ];
}

const cell = (text: string) => text.replaceAll('|', '/');
