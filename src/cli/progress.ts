/**
 * Progress of a long command on stderr: a bar with the estimated time left on a terminal
 * (cli-progress), plain lines (every 10% or 10 s) otherwise.
 */
import { SingleBar, Presets } from 'cli-progress';

/** A progress reporter: `update(done, total, failed)`, then `stop()`. */
export interface ProgressReporter {
  update(done: number, total: number, failed: number): void;
  stop(): void;
}

const clock = (s: number) =>
  Number.isFinite(s)
    ? s >= 60
      ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`
      : `${Math.round(s)}s`
    : '?';

/** The reporter for stderr (`unit` names what is counted, e.g. "draws"). */
export function progressReporter(unit: string, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const t0 = Date.now();
  if (stream.isTTY && !process.env.CI) {
    const bar = new SingleBar(
      {
        stream,
        format:
          `{bar} {value}/{total} ${unit} | {failed} failed | {rate}/s | ` +
          `ETA {eta_formatted} | {duration_formatted}`,
        hideCursor: true,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, failed) {
        const rate = ((done / Math.max(1, Date.now() - t0)) * 1000).toFixed(2);
        if (!started) {
          bar.start(total, done, { failed, rate });
          started = true;
        } else bar.update(done, { failed, rate });
      },
      stop: () => bar.stop(),
    };
  }
  let lastPct = -1,
    lastAt = 0;
  return {
    update(done, total, failed) {
      const pct = Math.floor((100 * done) / Math.max(1, total));
      const now = Date.now();
      if (done !== total && pct < lastPct + 10 && now - lastAt < 10_000) return;
      lastPct = pct;
      lastAt = now;
      const secs = (now - t0) / 1000;
      const left = done ? (secs / done) * (total - done) : NaN;
      stream.write(
        `${done}/${total} ${unit} (${pct}%), ${failed} failed, ${clock(secs)} elapsed, about ${clock(left)} left\n`,
      );
    },
    stop() {},
  };
}
