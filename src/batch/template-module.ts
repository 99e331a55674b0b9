/**
 * A templates module: an ES module whose exported functions are card templates, by export name
 * (`export function brand(item, ctx) { … }`), and whose `fonts` export, when it has one, is the fonts they
 * draw with. A function cannot cross into another process, but its module can be named: a queue worker and
 * each of its drawing processes import it by URL, once per process.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, InputError, RenderError } from '../errors.js';
import { Place } from '../shared/check.js';
import type { FontInput, RenderOptions } from '../types.js';
import { batchOptions } from './batch-options.js';

/** A card template, as `renderCard()`'s `template` option takes it. */
export type Template = NonNullable<RenderOptions['template']>;

/** What a templates module offers. */
export interface TemplateModule {
  /** The URL it was imported from. */
  url: string;
  /** Its exported functions, by export name. */
  templates: Map<string, Template>;
  /** Its `fonts` export, unchecked (undefined when it has none). */
  fonts: unknown;
}

/** Names a template may have: an export name. */
export const TEMPLATE_NAME = /^[A-Za-z_$][\w$]{0,63}$/;

/** The module's URL for `import()`: a `file:` URL as given, a path resolved against `cwd`. */
export function templatesUrl(spec: string, cwd = process.cwd()): string {
  return /^file:/i.test(spec) ? spec : pathToFileURL(resolve(cwd, spec)).href;
}

const imported = new Map<string, Promise<TemplateModule>>();

/** Import the module at `url` (once per process), or an `InputError` naming `field` when it cannot be used. */
export function loadTemplates(url: string, field = 'templates'): Promise<TemplateModule> {
  let loading = imported.get(url);
  if (!loading) {
    loading = readModule(url, field);
    imported.set(url, loading);
    loading.catch(() => imported.delete(url));
  }
  return loading;
}

async function readModule(url: string, field: string): Promise<TemplateModule> {
  const allowed = 'an ES module Node can import (.mjs or .js, JSX compiled) that exports one or more template functions';
  let exports: Record<string, unknown>;
  try {
    exports = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const first = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new InputError('invalid-option', `The templates module "${url}" could not be imported`, { field, allowed, received: describe(first), cause: error });
  }
  const templates = new Map<string, Template>();
  for (const [name, value] of Object.entries(exports)) if (typeof value === 'function' && TEMPLATE_NAME.test(name)) templates.set(name, value as Template);
  if (!templates.size) {
    throw new InputError('invalid-option', `The templates module "${url}" exports no template function`, { field, allowed, received: `exports: ${Object.keys(exports).join(', ') || 'none'}` });
  }
  return { url, templates, fonts: exports.fonts };
}

/** The module's `fonts` export, checked as the `fonts` option is (none when it has no such export). */
export function moduleFonts(module: TemplateModule, field = 'templates'): FontInput[] {
  return module.fonts === undefined ? [] : batchOptions.shape.fonts.check(module.fonts, new Place('option', `${field}.fonts`));
}

/** The typed error of a card whose template the worker does not have. */
export function templateMissing(name: string, has: readonly string[]): RenderError {
  return new RenderError('worker-template-missing', `This worker has no template "${name}", which the card was enqueued with`, {
    field: 'template',
    allowed: 'workers started with the templates module that exports it (startWorker({ templates }), quotecard worker --templates)',
    received: has.length ? `this worker's templates: ${has.join(', ')}` : 'a worker started without a templates module',
  });
}
