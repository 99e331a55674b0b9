/**
 * The worker thread of the batch pool: draws one card per task with `renderCard()` and hands the PNG
 * back by transferring its buffer (no copy). Fonts arrive once, in `workerData`, not with every task.
 * Errors come back as values so their name and field survive the thread boundary.
 *
 * Test hooks (read once at start): a card whose text contains QUOTECARD_TEST_CRASH makes the worker
 * exit as a native abort would (code 134); one containing QUOTECARD_TEST_HANG never returns.
 */
import { move, Piscina, transferableSymbol, valueSymbol } from 'piscina';
import { renderCard } from '../render/render-card.js';
import type { FontInput, Item, RenderOptions } from '../types.js';

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
  | { ok: true; png?: ArrayBuffer; svg?: string; width: number; height: number; alt: string; truncated: boolean; warnings: string[] }
  | { ok: false; name: string; message: string; field?: string };

const fonts: FontInput[] = (Piscina.workerData as { fonts?: FontInput[] } | undefined)?.fonts ?? [];
const crashOn = process.env.QUOTECARD_TEST_CRASH;
const hangOn = process.env.QUOTECARD_TEST_HANG;

function testHooks(item: Item): void {
  const text = item.text ?? '';
  if (crashOn && text.includes(crashOn)) process.exit(134);
  if (hangOn && text.includes(hangOn)) for (;;);
}

/** The PNG as an ArrayBuffer that can be transferred whole (copied only when it is a view into a larger one). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = bytes;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

/** Draw one card. */
export default async function drawCard(task: CardTask): Promise<unknown> {
  testHooks(task.item);
  let reply: CardReply;
  try {
    const card = await renderCard(task.item, fonts.length ? { ...task.options, fonts } : task.options);
    const png = card.png ? ownBuffer(card.png) : undefined;
    reply = {
      ok: true,
      ...(png ? { png } : {}),
      ...(task.svg ? { svg: card.svg } : {}),
      width: card.width,
      height: card.height,
      alt: card.alt,
      truncated: card.truncated,
      warnings: card.warnings,
    };
    if (png) return move({ [transferableSymbol]: [png], [valueSymbol]: reply });
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
