/**
 * Progress of a batch on the terminal: a bar redrawn in place on a TTY (articles and cards done,
 * rate, time left), one plain line at most every second otherwise, nothing with --quiet or --json.
 */
import type { BatchProgress } from '../types.js';

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

/** Cards per second and seconds left (undefined until an article is done). */
export function rateAndEta(p: BatchProgress): { rate: number; eta?: number } {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.cardsDone / seconds : 0;
  const eta = p.articlesDone > 0 ? (seconds * (p.articlesTotal - p.articlesDone)) / p.articlesDone : undefined;
  return eta === undefined ? { rate } : { rate, eta };
}

/** The words of a progress report: "12/100 articles · 57/60 cards · 40.2 cards/s · 0:13 left". */
export function progressText(p: BatchProgress): string {
  const { rate, eta } = rateAndEta(p);
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
  const interval = mode === 'bar' ? 100 : 1000;
  const draw = (p: BatchProgress) => {
    if (mode === 'bar') {
      const text = `${bar(p, 20)} ${progressText(p)}`;
      const columns = stream.columns ?? 100;
      stream.write(`\r${text.slice(0, columns - 1).padEnd(Math.min(columns - 1, text.length))}\u001b[K`);
    } else if (mode === 'lines') {
      stream.write(`${progressText(p)}\n`);
    }
    drawn = p;
  };
  return {
    onProgress(p) {
      latest = p;
      if (mode === 'none') return;
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
