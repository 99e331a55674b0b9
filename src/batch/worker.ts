/**
 * The worker process of the batch pool: draws one card per task with `renderCard()` and writes its
 * files where the task says (paths the batch already checked lie inside --out), sending back only their
 * sizes: the PNG does not cross the pipe, and the batch's own process, which shares the cores with the
 * workers, does not spend time receiving and writing it. A task without `write` gets the bytes back
 * instead (V8's serializer carries them as they are). Fonts arrive once, through the file the pool names
 * in QUOTECARD_WORKER_FONTS, not with every task. Errors come back as values so their name, field and
 * stage survive the process boundary.
 */
import { writeFileSync } from 'node:fs';
import { renderCard } from '../render/render-card.js';
import type { Item, RenderOptions } from '../types.js';
import { takeFonts } from './worker-fonts.js';

/** What the pool sends per card. */
export interface CardTask {
  item: Item;
  /** Render options without `fonts` and `template` (fonts come from workerData). */
  options: Omit<RenderOptions, 'fonts' | 'template'>;
  /** Return the SVG text too. */
  svg: boolean;
  /** Write the card here (absolute paths inside the output folder) and send back sizes, not bytes. */
  write?: Array<{ format: 'png' | 'svg'; path: string }>;
}

/** What comes back: the drawn card, or the error as data. */
export type CardReply =
  | {
      ok: true;
      png?: Uint8Array;
      svg?: string;
      /** The files written for `task.write`, with their sizes. */
      written?: Array<{ format: 'png' | 'svg'; bytes: number }>;
      width: number;
      height: number;
      alt: string;
      truncated: boolean;
      warnings: string[];
    }
  | { ok: false; name: string; message: string; field?: string; stage?: 'render' | 'write' };

const fonts = takeFonts(process.env.QUOTECARD_WORKER_FONTS);

/** Draw one card (and write its files when the task names them). */
export default async function drawCard(task: CardTask): Promise<CardReply> {
  let card: Awaited<ReturnType<typeof renderCard>>;
  try {
    card = await renderCard(task.item, fonts.length ? { ...task.options, fonts } : task.options);
  } catch (error) {
    return failure(error, 'render');
  }
  const common = { width: card.width, height: card.height, alt: card.alt, truncated: card.truncated, warnings: card.warnings };
  if (!task.write) {
    return { ok: true, ...(card.png ? { png: card.png } : {}), ...(task.svg ? { svg: card.svg } : {}), ...common };
  }
  try {
    const written: Array<{ format: 'png' | 'svg'; bytes: number }> = [];
    for (const file of task.write) {
      const data = file.format === 'png' ? (card.png ?? new Uint8Array(0)) : Buffer.from(card.svg, 'utf8');
      // synchronous: the worker has nothing else to do meanwhile, and a thread-pool round trip costs more
      writeFileSync(file.path, data);
      written.push({ format: file.format, bytes: data.byteLength });
    }
    return { ok: true, written, ...common };
  } catch (error) {
    return failure(error, 'write');
  }
}

function failure(error: unknown, stage: 'render' | 'write'): CardReply {
  const e = error as { name?: unknown; message?: unknown; field?: unknown };
  return {
    ok: false,
    name: typeof e?.name === 'string' ? e.name : 'Error',
    message: typeof e?.message === 'string' ? e.message : String(error),
    ...(typeof e?.field === 'string' ? { field: e.field } : {}),
    stage,
  };
}
