/**
 * Fonts and templates on the queue, on a real Redis: a worker started with a templates module (its
 * template functions by export name, its `fonts` export) draws the cards an enqueuer asked for by
 * template name and font digest, with exactly those; a card naming a font or template its worker lacks
 * fails at once with a typed message naming it; the commands take --templates and --template.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../src/cli/cli-run.js';
import { InputError } from '../src/errors.js';
import { enqueueArticles, startWorker } from '../src/queue/index.js';
import type { FontInput, Manifest, ManifestCard } from '../src/types.js';
import { article, tempDir } from './batch-articles.js';
import { contextFor } from './helpers/fonts.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const BRAND_FILE = resolve('fonts/NotoSans-Bold.ttf');
const brand: FontInput = { name: 'Brand', weight: 700, data: new Uint8Array(readFileSync(BRAND_FILE)) };
/** "Brand" 700 from another file: same face, different bytes. */
const otherBrand: FontInput = { name: 'Brand', weight: 700, data: new Uint8Array(readFileSync(resolve('fonts/NotoSerifDisplay-Bold.ttf'))) };
const measureBrand = (fonts: FontInput[]) => contextFor({ fonts }).ctx.measure.width('Harbour', { family: 'Brand', fontSize: 100, weight: 700 }).toFixed(3);

/** A templates module in its own folder: one template (a red card in Brand, noting how wide Brand sets a word) and its fonts. */
function templatesModule(): string {
  const dir = tempDir('qc-templates-');
  const file = join(dir, 'fleet.mjs');
  writeFileSync(
    file,
    `import { readFileSync } from 'node:fs';
export const fonts = [{ name: 'Brand', weight: 700, data: new Uint8Array(readFileSync(${JSON.stringify(BRAND_FILE)})) }];
export function banner(item, ctx) {
  ctx.warn('Brand width ' + ctx.measure.width('Harbour', { family: 'Brand', fontSize: 100, weight: 700 }).toFixed(3));
  return { type: 'div', props: { style: { display: 'flex', width: ctx.size.width, height: ctx.size.height, padding: 60, backgroundColor: '#ff0000', color: '#ffffff', fontFamily: 'Brand', fontWeight: 700, fontSize: 48 }, children: item.text } };
}
`,
  );
  return file;
}

const cardsOf = (manifest: Manifest | undefined): ManifestCard[] => manifest?.articles.flatMap((a) => a.cards) ?? [];

/** The colour of the card's top-left pixel. */
function corner(out: string, card: ManifestCard | undefined): [number, number, number] {
  const png = PNG.sync.read(readFileSync(join(out, card?.files[0]?.path ?? '')));
  return [png.data[0] as number, png.data[1] as number, png.data[2] as number];
}

describe('a worker with a templates module', () => {
  test('draws a card with the template and fonts its job names, and one without them with neither', async () => {
    const out = tempDir('qc-qtpl-');
    const worker = await startWorker({ queue: redis.url, name: 'tpl', out, concurrency: 1, templates: templatesModule() });
    try {
      const branded = await enqueueArticles([article(1)], { queue: redis.url, name: 'tpl', fonts: [brand], template: 'banner', wait: true });
      const plain = await enqueueArticles([article(1)], { queue: redis.url, name: 'tpl', wait: true });
      expect(branded.failures).toEqual([]);
      expect(plain.failures).toEqual([]);
      const [b] = cardsOf(branded.manifest);
      const [p] = cardsOf(plain.manifest);
      // the template and fonts count in the card's hash: the same quote is a second card
      expect(plain.added).toBe(1);
      expect(b?.hash).not.toBe(p?.hash);
      expect(corner(out, b)).toEqual([255, 0, 0]);
      expect(corner(out, p)).not.toEqual([255, 0, 0]);
      // measured in the drawing process with the module's Brand, as in this one with the same font (and not the fallback)
      expect(measureBrand([brand])).not.toBe(measureBrand([]));
      expect(b?.warnings).toContain(`Brand width ${measureBrand([brand])}`);
      expect(p?.warnings.some((w) => w.startsWith('Brand width'))).toBe(false);
    } finally {
      await worker.close();
    }
  });
});

describe('a card that needs what its worker lacks fails at once, naming it', () => {
  const cases: Array<{ name: string; worker: () => Parameters<typeof startWorker>[0]; enqueue: Partial<Parameters<typeof enqueueArticles>[1]>; message: RegExp }> = [
    {
      name: 'a template, on a worker without a templates module',
      worker: () => ({ queue: redis.url, fonts: [brand] }),
      enqueue: { fonts: [brand], template: 'banner' },
      message: /This worker has no template "banner", which the card was enqueued with.*Received: a worker started without a templates module/,
    },
    {
      name: 'a template its module does not export',
      worker: () => ({ queue: redis.url, templates: templatesModule() }),
      enqueue: { fonts: [brand], template: 'poster' },
      message: /no template "poster".*Received: this worker's templates: banner/,
    },
    {
      name: 'a font, on a worker without fonts',
      worker: () => ({ queue: redis.url }),
      enqueue: { fonts: [brand] },
      message: /This worker has no font "Brand" 700, which the card was enqueued with.*Received: a worker started without fonts/,
    },
    {
      name: 'a font, on a worker with another file of it',
      worker: () => ({ queue: redis.url, fonts: [otherBrand] }),
      enqueue: { fonts: [brand] },
      message: /no font "Brand" 700 \(this worker has a different file of it\).*Received: this worker's fonts: "Brand" 700/,
    },
  ];
  cases.forEach((c, k) => {
    test(c.name, async () => {
      const name = `lacks-${k}`;
      const tries: string[] = [];
      const worker = await startWorker({ ...c.worker(), name, out: tempDir('qc-qlack-'), concurrency: 1, onCard: (e) => tries.push(e.status) });
      try {
        const result = await enqueueArticles([article(k + 10)], { queue: redis.url, name, attempts: 3, backoff: 100, wait: true, ...c.enqueue });
        expect(result.failures).toHaveLength(1);
        expect(result.failures[0]).toMatchObject({ stage: 'render', reason: 'error' });
        expect(result.failures[0]?.message).toMatch(c.message);
        // not tried again: a worker without them could only draw another card under the same hash
        expect(tries).toEqual(['failed']);
      } finally {
        await worker.close();
      }
    });
  });
});

describe('options', () => {
  test('a template name that is not an export name', async () => {
    const error = await enqueueArticles([], { queue: 'redis://127.0.0.1:1', template: 'my template' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/Invalid value for option "template"/);
  });

  test('a templates module that cannot be imported, or exports no function, stops the worker before it starts', async () => {
    const dir = tempDir('qc-qtplbad-');
    writeFileSync(join(dir, 'none.mjs'), 'export const fonts = [];\n');
    for (const [file, message] of [
      [join(dir, 'missing.mjs'), /The templates module ".*missing\.mjs" could not be imported/],
      [join(dir, 'none.mjs'), /exports no template function.*Received: exports: fonts/],
    ] as const) {
      const error = await startWorker({ queue: redis.url, name: 'bad', out: dir, templates: file }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe('templates');
      expect((error as Error).message).toMatch(message);
    }
  });
});

describe('quotecard worker --templates, enqueue --templates --template', () => {
  const io = (cwd: string, onSignal?: (stop: (s: string) => void) => void) => {
    const out = { stdout: '', stderr: '' };
    const stream = (key: 'stdout' | 'stderr') => ({ write: (t: string) => (out[key] += t) });
    return { out, io: { cwd, stdin: (async function* () {})(), stdout: stream('stdout'), stderr: stream('stderr'), ...(onSignal ? { onSignal } : {}) } };
  };

  test('the module on both sides draws the card with its template; mistakes are exit 2', async () => {
    const dir = tempDir('qc-qtplcli-');
    const module = templatesModule();
    writeFileSync(join(dir, 'a.txt'), article(30).text ?? '');
    let stop: (s: string) => void = () => undefined;
    const w = io(dir, (s) => {
      stop = s;
    });
    const worker = runCli(['worker', '--queue', redis.url, '--name', 'tplcli', '--out', 'cards', '--concurrency', '1', '--templates', module, '--json'], w.io);
    const e = io(dir);
    const code = await runCli(['enqueue', 'a.txt', '--queue', redis.url, '--name', 'tplcli', '--templates', module, '--template', 'banner', '--wait', '--out', 'cards', '--quiet'], e.io);
    expect(e.out.stderr).toBe('');
    expect(code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'cards', 'manifest.json'), 'utf8')) as Manifest;
    const [card] = cardsOf(manifest);
    expect(corner(join(dir, 'cards'), card)).toEqual([255, 0, 0]);
    expect(card?.warnings).toContain(`Brand width ${measureBrand([brand])}`);
    stop('SIGTERM');
    expect(await worker).toBe(0);

    const alone = io(dir);
    expect(await runCli(['enqueue', 'a.txt', '--queue', redis.url, '--template', 'banner'], alone.io)).toBe(2);
    expect(alone.out.stderr).toMatch(/option "--template".*--template together with --templates/);
    const unknown = io(dir);
    expect(await runCli(['enqueue', 'a.txt', '--queue', redis.url, '--templates', module, '--template', 'poster'], unknown.io)).toBe(2);
    expect(unknown.out.stderr).toMatch(/Allowed: a template the --templates module exports: banner\. Received: "poster"/);
  });
});
