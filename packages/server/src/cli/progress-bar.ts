/**
 * A progress bar for long commands: redrawn in place on a terminal, a line per tenth otherwise
 * (logs of a systemd unit or a CI job should not fill with carriage returns).
 */
export function progressBar(
  label: string,
  out: { write(text: string): unknown; isTTY?: boolean } = process.stderr,
): { update(done: number, total: number): void; finish(): void } {
  const width = 30;
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total) {
      const fraction = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(fraction * width);
      const text = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} (${Math.floor(fraction * 100)} %)`;
      if (out.isTTY) {
        out.write(`\r${text}`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth !== lastTenth) out.write(`${text}\n`);
      lastTenth = tenth;
    },
    finish() {
      if (drawn) out.write('\n');
    },
  };
}
