import type { CommandIo } from './command.js';

/**
 * A one-line rows/s counter on stderr, redrawn at most every 250 ms, and only
 * when stderr is a terminal (logs and pipes stay clean).
 */
export function progressReporter(io: CommandIo, label: string): { update(rows: number): void; done(): void } {
  if (!io.interactive) return { update: () => {}, done: () => {} };
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    update(rows: number) {
      const now = performance.now();
      if (now - last < 250) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
      io.stderr.write(`\r${label}: ${rows.toLocaleString('en-US')} rows, ${rate.toLocaleString('en-US')} rows/s`);
      shown = true;
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[2K');
    },
  };
}
