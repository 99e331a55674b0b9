/**
 * The worker process of the batch pool: draws one card per task with `renderCard()` and writes its
 * files where the task says (paths the batch already checked lie inside --out), sending back only their
 * sizes: the PNG does not cross the pipe, and the batch's own process, which shares the cores with the
 * workers, does not spend time receiving and writing it. A task without `write` gets the bytes back
 * instead (V8's serializer carries them as they are). Fonts arrive once, through the file the pool names
 * in QUOTECARD_WORKER_FONTS, not with every task; a task that names some of them (a queue's card) is drawn
 * with those alone. A task naming a template takes it from the templates module in
 * QUOTECARD_WORKER_TEMPLATES, imported once. Errors come back as values so their name, field and stage
 * survive the process boundary.
 */
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { renderCard } from '../render/render-card.js';
import type { Item, RenderOptions } from '../types.js';
import { loadTemplates, templateMissing } from './template-module.js';
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
  /** Write each file under a temporary name beside it, then rename it into place (a queue's file store). */
  atomic?: boolean;
  /**
   * After the files, write what drawing told (size, alt text, warnings, each file's name in the store and
   * bytes) as JSON to this path, the same way: a queue worker's note that the card is stored.
   */
  note?: { path: string; names: string[] };
  /** Draw with these of the process's fonts (positions in the list handed over); all of them when unset. */
  fonts?: number[];
  /** Draw with this export of the templates module instead of the built-in templates. */
  template?: string;
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
const templatesAt = process.env.QUOTECARD_WORKER_TEMPLATES;

/** The render options of a task: its fonts of the process's, its template of the module. */
async function optionsOf(task: CardTask): Promise<RenderOptions> {
  const chosen = task.fonts ? task.fonts.flatMap((i) => (fonts[i] ? [fonts[i]] : [])) : fonts;
  const options: RenderOptions = chosen.length ? { ...task.options, fonts: chosen } : { ...task.options };
  if (task.template !== undefined) {
    const module = templatesAt ? await loadTemplates(templatesAt) : undefined;
    const template = module?.templates.get(task.template);
    if (!template) throw templateMissing(task.template, module ? [...module.templates.keys()] : []);
    options.template = template;
  }
  return options;
}

/** Draw one card (and write its files when the task names them). */
export default async function drawCard(task: CardTask): Promise<CardReply> {
  let card: Awaited<ReturnType<typeof renderCard>>;
  try {
    card = await renderCard(task.item, await optionsOf(task));
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
      if (!task.atomic) writeFileSync(file.path, data);
      else {
        const problem = writeAtomic(file.path, data);
        if (problem) return failure(problem, 'write');
      }
      written.push({ format: file.format, bytes: data.byteLength });
    }
    if (task.note) {
      const files = written.map((w, k) => ({ format: w.format, path: task.note?.names[k] ?? '', bytes: w.bytes }));
      const problem = writeAtomic(task.note.path, Buffer.from(JSON.stringify({ ...common, files })));
      if (problem) return failure(problem, 'write');
    }
    return { ok: true, written, ...common };
  } catch (error) {
    return failure(error, 'write');
  }
}

/** Write `path` so that no reader ever sees half of it: a temporary name first, then a rename. The error, if any. */
function writeAtomic(path: string, data: Uint8Array): unknown {
  // named after the worker process that started this one, as the store's own temporary files are
  const temp = `${path}.${process.ppid}.${process.pid}.tmp`;
  try {
    try {
      writeFileSync(temp, data);
    } catch {
      // its folder removed meanwhile: made again, and written once more
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(temp, data);
    }
    renameSync(temp, path);
    return undefined;
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // not written
    }
    return error;
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
