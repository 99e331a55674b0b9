/**
 * What a card's job needs of the worker that takes it: each font the enqueuer drew it with (same face,
 * same bytes) and, when it names one, a template of the worker's templates module. A worker that lacks one
 * could only draw a different card under the same hash, so the card fails at once with a typed error that
 * names what is missing and what the worker has.
 */
import { templateMissing, type TemplateModule } from '../batch/template-module.js';
import { FontError, type QuoteCardError } from '../errors.js';
import type { FontInput } from '../types.js';
import { type CardJobData, fontKey, fontLabel, type JobFont, jobFont } from './card-job.js';

/** A worker's fonts and templates, as jobs are matched against them. */
export interface WorkerKit {
  fonts: JobFont[];
  /** Position of each font in the list handed to the drawing processes, by `fontKey`. */
  index: Map<string, number>;
  templates?: TemplateModule;
}

/** The kit of a worker started with `fonts` and `templates`. */
export function workerKit(fonts: readonly FontInput[], templates?: TemplateModule): WorkerKit {
  const named = fonts.map(jobFont);
  return { fonts: named, index: new Map(named.map((f, i) => [fontKey(f), i])), ...(templates ? { templates } : {}) };
}

/** The positions of the job's fonts in the worker's list, or the error that says what the worker lacks. */
export function jobNeeds(data: Pick<CardJobData, 'fonts' | 'template'>, kit: WorkerKit): { fonts: number[] } | QuoteCardError {
  if (data.template !== undefined && !kit.templates?.templates.has(data.template)) {
    return templateMissing(data.template, kit.templates ? [...kit.templates.templates.keys()] : []);
  }
  const wanted = data.fonts ?? [];
  const missing = wanted.filter((f) => !kit.index.has(fontKey(f)));
  if (missing.length) return fontMissing(missing, kit.fonts);
  return { fonts: wanted.map((f) => kit.index.get(fontKey(f)) as number) };
}

function fontMissing(missing: readonly JobFont[], has: readonly JobFont[]): FontError {
  const names = missing.map((f) => {
    const other = has.some((h) => h.name === f.name && h.weight === f.weight && h.style === f.style);
    return `${fontLabel(f)}${other ? ' (this worker has a different file of it)' : ''}`;
  });
  return new FontError('worker-font-missing', `This worker has no font ${names.join(', ')}, which the card was enqueued with`, {
    field: 'fonts',
    allowed: "workers started with the enqueuer's fonts, the same bytes (startWorker({ fonts }), or the fonts export of quotecard worker --templates)",
    received: has.length ? `this worker's fonts: ${has.map(fontLabel).join(', ')}` : 'a worker started without fonts',
  });
}
