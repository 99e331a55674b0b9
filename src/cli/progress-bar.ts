/**
 * Progress of a batch on the terminal: a bar redrawn in place on a TTY (articles and cards done,
 * rate and time left over the last half minute), one plain line every five seconds otherwise (a log
 * or CI), nothing with --quiet or --json.
 */
import type { BatchProgress } from '../types.js';
import { averagePace, MovingPace, type Pace } from './progress-rate.js';

/** How often the bar is redrawn and a plain line written, in ms. */
export const BAR_INTERVAL_MS = 100;
export const LINE_INTERVAL_MS = 5000;

/** Where progress goes: a stream, and whether it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** "0:42", "1:02:03". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** The words of a progress report: "12/100 articles · 57/60 cards · 40.2 cards/s · 0:13 left" (the pace: the average since the start unless given). */
export function progressText(p: BatchProgress, pace: Pace = averagePace(p)): string {
  const { rate, eta } = pace;
  const failed = p.failed ? ` · ${p.failed} failed` : '';
  const left = eta === undefined ? '' : ` · ${formatDuration(eta)} left`;
  return `${p.articlesDone}/${p.articlesTotal} articles · ${p.cardsDone}/${p.cardsKnown} cards (${p.cached} unchanged)${failed} · ${rate.toFixed(1)} cards/s${left}`;
}

/** A bar `width` characters wide for the share of articles done. */
export function bar(p: BatchProgress, width: number): string {
  const share = p.articlesTotal ? p.articlesDone / p.articlesTotal : 1;
  const full = Math.round(share * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`;
}

/** A progress listener for the given mode, and `finish()` to end its output cleanly. */
export function progressReporter(
  mode: 'bar' | 'lines' | 'none',
  stream: ProgressStream,
  now: () => number = () => performance.now(),
): { onProgress: (p: BatchProgress) => void; finish: () => void } {
  let last = Number.NEGATIVE_INFINITY;
  let latest: BatchProgress | undefined;
  let drawn: BatchProgress | undefined;
  let pace: Pace | undefined;
  const moving = new MovingPace();
  const interval = mode === 'bar' ? BAR_INTERVAL_MS : LINE_INTERVAL_MS;
  const draw = (p: BatchProgress) => {
    if (mode === 'bar') {
      const text = `${bar(p, 20)} ${progressText(p, pace)}`;
      const columns = stream.columns ?? 100;
      stream.write(`\r${text.slice(0, columns - 1).padEnd(Math.min(columns - 1, text.length))}\u001b[K`);
    } else if (mode === 'lines') {
      stream.write(`${progressText(p, pace)}\n`);
    }
    drawn = p;
  };
  return {
    onProgress(p) {
      latest = p;
      if (mode === 'none') return;
      pace = moving.update(p);
      const t = now();
      const finished = p.articlesDone === p.articlesTotal;
      if (t - last < interval && !finished) return;
      last = t;
      draw(p);
    },
    finish() {
      if (mode === 'none' || !latest) return;
      if (latest !== drawn) draw(latest);
      if (mode === 'bar') stream.write('\n');
    },
  };
}
