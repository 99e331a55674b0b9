/** Inputs that are not articles: binary data is skipped with a warning; the command refuses FIFOs and devices and reads a file reached twice once. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { inputPaths, readArticles } from '../src/cli/cli-inputs.js';
import { InputError } from '../src/errors.js';
import { extract } from '../src/index.js';
import { binaryKind } from '../src/ingest/binary-input.js';
import { articleText, tempDir } from './batch-articles.js';

/** Make a named pipe (Node has no mkfifo of its own). */
const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);
const latin1 = (bytes: number[]) => new TextDecoder().decode(new Uint8Array(bytes));
/** A real 1×1 PNG's bytes, read as UTF-8 text the way a file named .html would be. */
const PNG_BYTES = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89];

describe('binaryKind', () => {
  test.each([
    ['a PNG', latin1([...PNG_BYTES, ...deflateSync(Buffer.alloc(2000, 7))]), 'a PNG image'],
    ['a GIF', `GIF89a${latin1([1, 0, 1, 0, 0x80, 0, 0])}`, 'a GIF image'],
    ['a PDF', '%PDF-1.7\n%âãÏÓ\n1 0 obj', 'a PDF document'],
    ['a ZIP', `PK${latin1([3, 4, 20, 0, 0, 0, 8, 0])}word/document.xml`, 'a ZIP archive (or a Word, Excel or EPUB file)'],
    ['a JPEG', latin1([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, ...Array.from({ length: 300 }, (_, i) => (i * 37) % 256)]), 'binary data'],
  ])('%s', (_name, input, kind) => {
    expect(binaryKind(input)).toBe(kind);
  });
  test.each([
    ['news prose', articleText(1, 3)],
    ['HTML', '<html><body><p>The council met.</p></body></html>'],
    ['Chinese', '市议会周一开会讨论修桥。'.repeat(20)],
    ['a form feed and tabs', 'Page one\f\tPage two\r\nPage three'],
  ])('%s is text', (_name, input) => {
    expect(binaryKind(input)).toBeUndefined();
  });
});

test('a PNG named .html makes no quotes, no card speaker, and says what it is', () => {
  const png = latin1([...PNG_BYTES, ...deflateSync(Buffer.from('F U “said the talks” '.repeat(200)))]);
  for (const x of [extract({ html: png }), extract(png)]) {
    expect(x.quotes).toEqual([]);
    expect(x.posts).toEqual([]);
    expect(x.warnings).toEqual(['Not an article: the input looks like a PNG image; it was skipped.']);
  }
});

describe('the command’s inputs', () => {
  test('a FIFO named on the command line is refused (bad usage), never read', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.html');
    mkfifo(fifo);
    const error = await inputPaths(['pipe.html'], dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`Invalid value for argument "inputs". Allowed: regular files, folders, globs or -. Received: "pipe.html (a FIFO)".`);
  });

  test('a device file is refused', async () => {
    const error = await inputPaths(['/dev/zero'], '/').catch((e: unknown) => e);
    expect((error as InputError).message).toContain('/dev/zero (a device)');
  });

  test('a file reached through a link as well as directly is one article; a link loop ends', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'news'));
    writeFileSync(join(dir, 'news/a.txt'), articleText(1));
    symlinkSync(join(dir, 'news/a.txt'), join(dir, 'news/b.txt'));
    symlinkSync(join(dir, 'news'), join(dir, 'news/loop'));
    const paths = await inputPaths(['news', 'news/a.txt', 'news/b.txt', 'news/loop/a.txt'], dir);
    expect(paths).toEqual([join(dir, 'news/a.txt')]);
    const { articles } = await readArticles(paths, dir, (async function* () {})());
    expect(articles.map((a) => a.id)).toEqual(['news/a.txt']);
  });

  test('a file found by a folder walk that is not a regular file is skipped', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), articleText(1));
    mkfifo(join(dir, 'b.txt'));
    expect(await inputPaths(['.'], dir)).toEqual([join(dir, 'a.txt')]);
  });
});
