/**
 * The worker process of the batch pool: draws one card per task with `renderCard()` and sends the
 * PNG back (V8's serializer carries the bytes as they are). Fonts arrive once, through the file the
 * pool names in QUOTECARD_WORKER_FONTS, not with every task. Errors come back as values so their name
 * and field survive the process boundary.
 *
 * Test hooks (read once at start): a card whose text contains QUOTECARD_TEST_CRASH makes the worker
 * abort (SIGABRT, as resvg does on a pathological SVG); one containing QUOTECARD_TEST_HANG never returns.
 */
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
}

/** What comes back: the drawn card, or the error as data. */
export type CardReply =
  | { ok: true; png?: Uint8Array; svg?: string; width: number; height: number; alt: string; truncated: boolean; warnings: string[] }
  | { ok: false; name: string; message: string; field?: string };

const fonts = takeFonts(process.env.QUOTECARD_WORKER_FONTS);
const crashOn = process.env.QUOTECARD_TEST_CRASH;
const hangOn = process.env.QUOTECARD_TEST_HANG;

function testHooks(item: Item): void {
  const text = item.text ?? '';
  if (crashOn && text.includes(crashOn)) process.abort();
  if (hangOn && text.includes(hangOn)) for (;;);
}

/** Draw one card. */
export default async function drawCard(task: CardTask): Promise<CardReply> {
  testHooks(task.item);
  let reply: CardReply;
  try {
    const card = await renderCard(task.item, fonts.length ? { ...task.options, fonts } : task.options);
    reply = {
      ok: true,
      ...(card.png ? { png: card.png } : {}),
      ...(task.svg ? { svg: card.svg } : {}),
      width: card.width,
      height: card.height,
      alt: card.alt,
      truncated: card.truncated,
      warnings: card.warnings,
    };
  } catch (error) {
    const e = error as { name?: unknown; message?: unknown; field?: unknown };
    reply = {
      ok: false,
      name: typeof e?.name === 'string' ? e.name : 'Error',
      message: typeof e?.message === 'string' ? e.message : String(error),
      ...(typeof e?.field === 'string' ? { field: e.field } : {}),
    };
  }
  return reply;
}
