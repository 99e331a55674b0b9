/**
 * The `quotecard` command: argument parsing, every exit code (0 all made, 1 some failed, 2 bad
 * usage), inputs from files, folders, globs and stdin, --json and --quiet, and the real bin run as a
 * process.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { type CliPlan, parseCliArgs } from '../src/cli/cli-args.js';
import { runCli } from '../src/cli/cli-run.js';
import type { Manifest } from '../src/types.js';
import { articleText, tempDir } from './batch-articles.js';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** The parts of a plan a test compares: the checked options as the flags set them. */
function planSummary(plan: CliPlan) {
  if (plan.action !== 'run') return plan;
  const o = plan.options;
  return {
    ...plan,
    options: {
      out: o.out,
      sizes: o.sizes.map((s) => s.name),
      themes: o.themes.map((t) => t.name),
      formats: o.formats,
      max: o.max,
      concurrency: o.concurrency,
      timeout: o.timeout,
      site: o.site,
      compression: o.compression,
      baseUrl: o.baseUrl,
      incremental: o.incremental,
    },
  };
}

describe('parseCliArgs', () => {
  const defaults = { sizes: ['og'], themes: ['light'], formats: ['png'], max: 5, concurrency: availableParallelism(), timeout: 60000, site: undefined, compression: 'fast', baseUrl: '', incremental: true };
  const ok = [
    { name: 'help', argv: ['--help'], expected: { action: 'help' } },
    { name: 'help wins over other flags', argv: ['a.txt', '-h', '--out', 'x'], expected: { action: 'help' } },
    { name: 'version', argv: ['-v'], expected: { action: 'version' } },
    { name: 'defaults', argv: ['a.txt', '--out', 'cards'], expected: { action: 'run', inputs: ['a.txt'], options: { ...defaults, out: 'cards' }, json: false, quiet: false } },
    {
      name: 'every option',
      argv: ['a.txt', 'docs/', '-', '-o', 'cards', '--size', 'og,square,1000x500', '--theme', 'light,dark', '--format', 'png,svg', '--max', '3', '--concurrency', '2', '--timeout', '5000', '--site', 'Gazette', '--compression', 'small', '--base-url', 'https://cdn.example/cards/', '--force', '--json'],
      expected: {
        action: 'run',
        inputs: ['a.txt', 'docs/', '-'],
        options: {
          out: 'cards',
          sizes: ['og', 'square', '1000x500'],
          themes: ['light', 'dark'],
          formats: ['png', 'svg'],
          max: 3,
          concurrency: 2,
          timeout: 5000,
          site: 'Gazette',
          compression: 'small',
          baseUrl: 'https://cdn.example/cards/',
          incremental: false,
        },
        json: true,
        quiet: false,
      },
    },
    { name: 'short flags and = values', argv: ['a.txt', '-o', 'x', '-s', 'story', '-t', 'dark', '-f', 'svg', '-m', '0', '-c', '1', '-q', '--max=2'], expected: { action: 'run', inputs: ['a.txt'], options: { ...defaults, out: 'x', sizes: ['story'], themes: ['dark'], formats: ['svg'], max: 2, concurrency: 1 }, json: false, quiet: true } },
  ];
  for (const c of ok) test(c.name, () => expect(planSummary(parseCliArgs(c.argv))).toEqual(c.expected));


  const bad = [
    { name: 'no inputs', argv: ['--out', 'x'], expected: 'Invalid value for argument "inputs". Allowed: one or more files, folders, globs, or - for standard input. Received: "none".' },
    { name: 'no --out', argv: ['a.txt'], expected: 'Invalid value for option "--out". Allowed: an output folder. Received: "nothing".' },
    { name: '--out without a value', argv: ['a.txt', '--out'], expected: 'Invalid value for option "--out". Allowed: a value after the option. Received: "nothing".' },
    { name: 'unknown flag', argv: ['a.txt', '--out', 'x', '--colour'], expected: 'Unknown option "--colour". Allowed: the options listed by --help. Received: "--colour".' },
    { name: 'unknown size', argv: ['a.txt', '--out', 'x', '--size', 'og,huge'], expected: 'Invalid value for option "--size". Allowed: "og" | "square" | "portrait" | "story" | { width, height }. Received: "huge".' },
    { name: 'a size past the limits', argv: ['a.txt', '--out', 'x', '--size', '9000x9000'], expected: 'Invalid value for option "--size". Allowed: an integer from 1 to 4096. Received: 9000.' },
    { name: 'unknown theme', argv: ['a.txt', '--out', 'x', '--theme', 'sepia'], expected: 'Invalid value for option "--theme". Allowed: "light" | "dark" | a partial theme object. Received: "sepia".' },
    { name: 'unknown format', argv: ['a.txt', '--out', 'x', '--format', 'jpg'], expected: 'Invalid value for option "--format". Allowed: "png" | "svg". Received: "jpg".' },
    { name: 'unknown compression', argv: ['a.txt', '--out', 'x', '--compression', 'zopfli'], expected: 'Invalid value for option "--compression". Allowed: "fast" | "small". Received: "zopfli".' },
    { name: 'empty list', argv: ['a.txt', '--out', 'x', '--size', ','], expected: 'Invalid value for option "--size". Allowed: a comma-separated list. Received: ",".' },
    { name: 'negative max', argv: ['a.txt', '--out', 'x', '--max', '-1'], expected: 'Invalid command line. Allowed: see quotecard --help.' },
    { name: 'zero workers', argv: ['a.txt', '--out', 'x', '--concurrency', '0'], expected: 'Invalid value for option "--concurrency". Allowed: a whole number from 1 to 256. Received: 0.' },
    { name: 'words as a number', argv: ['a.txt', '--out', 'x', '--max', 'ten'], expected: 'Invalid value for option "--max". Allowed: a whole number from 0 to 1000. Received: "ten".' },
    { name: '--json with --quiet', argv: ['a.txt', '--out', 'x', '--json', '-q'], expected: 'Invalid value for option "--json". Allowed: either --json or --quiet, not both. Received: "--json --quiet".' },
  ];
  for (const c of bad) test(`bad usage: ${c.name}`, () => expect(() => parseCliArgs(c.argv)).toThrow(c.expected));
});

/** Run the command in-process, collecting what it prints. */
async function run(argv: string[], cwd: string, stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd,
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  });
  return { code, stdout, stderr };
}

/** A working folder with articles in several shapes. */
function workspace(): string {
  const cwd = tempDir('qc-cli-');
  mkdirSync(join(cwd, 'news/2026'), { recursive: true });
  writeFileSync(join(cwd, 'news/one.txt'), articleText(1));
  writeFileSync(join(cwd, 'news/2026/two.html'), `<html><head><title>Two</title></head><body><article><p>${articleText(2)}</p></article></body></html>`);
  writeFileSync(join(cwd, 'news/notes.json'), '{}');
  mkdirSync(join(cwd, 'empty'));
  writeFileSync(join(cwd, 'empty/readme.json'), '{}');
  writeFileSync(join(cwd, 'bad.txt'), articleText(3, 1, 'unwritable'));
  return cwd;
}

/**
 * An output folder where bad.txt's card cannot be written: the card is drawn once to learn its file
 * name, then a folder is put where its PNG goes and the manifest is removed, so the next run draws it
 * again and the write fails.
 */
function blockFirstCard(cwd: string, name: string): string {
  const out = join(cwd, name);
  const first = spawnSync(process.execPath, ['--import', tsxLoader, join(process.cwd(), 'src/cli/main.ts'), 'bad.txt', '--out', out, '-q'], { cwd });
  if (first.status !== 0) throw new Error(`the first run failed: ${first.stderr}`);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  const png = join(out, manifest.articles[0]?.cards[0]?.files[0]?.path as string);
  rmSync(png);
  mkdirSync(png);
  rmSync(join(out, 'manifest.json'));
  return out;
}

describe('runCli exit codes and output', () => {
  const cwd = workspace();
  const cases = [
    { name: '--help prints usage, exit 0', argv: ['--help'], code: 0, stdout: /^Usage: quotecard <files \| folders \| globs \| -> --out DIR/, stderr: /^$/ },
    { name: '--version prints the version, exit 0', argv: ['--version'], code: 0, stdout: new RegExp(`^${version.replaceAll('.', '\\.')}\\n$`), stderr: /^$/ },
    { name: 'an unknown flag is exit 2', argv: ['news', '--out', 'o', '--bogus'], code: 2, stdout: /^$/, stderr: /^quotecard: Unknown option "--bogus".*\nRun "quotecard --help" for usage\.\n$/ },
    { name: 'a missing file is exit 2', argv: ['nope.txt', '--out', 'o'], code: 2, stdout: /^$/, stderr: /^quotecard: Invalid value for argument "inputs"\. Allowed: existing files, folders, globs or -\. Received: "nope\.txt"\./ },
    { name: 'a glob matching nothing is exit 2', argv: ['news/*.xml', '--out', 'o'], code: 2, stdout: /^$/, stderr: /Allowed: files, folders or globs that match at least one file\. Received: "news\/\*\.xml"\./ },
    { name: 'a folder with no articles is exit 2', argv: ['empty', '--out', 'o'], code: 2, stdout: /^$/, stderr: /^quotecard: Invalid value for argument "inputs"\. Allowed: article files \(\.html, \.htm, \.xhtml, \.txt, \.md\)\. Received: "empty"\./ },
    { name: '--max 0 makes no cards and is exit 0', argv: ['news', '--out', 'o-none', '--max', '0'], code: 0, stdout: /^Made 0 of 0 cards for 2 articles/, stderr: /^2\/2 articles · 0\/0 cards/m },
    { name: '--min-confidence past 1 is exit 2', argv: ['news', '--out', 'o', '--min-confidence', '1.5'], code: 2, stdout: /^$/, stderr: /^quotecard: Invalid value for option "--min-confidence"\. Allowed: a number from 0 to 1\. Received: 1\.5\./ },
    { name: 'a size past the limits is exit 2', argv: ['news', '--out', 'o', '--size', '9000x9000'], code: 2, stdout: /^$/, stderr: /^quotecard: Invalid value for option "--size"\. Allowed: an integer from 1 to 4096\. Received: 9000\./ },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const r = await run(c.argv, cwd);
      expect(r.stdout).toMatch(c.stdout);
      expect(r.stderr).toMatch(c.stderr);
      expect(r.code).toBe(c.code);
    });
  }

  test('a folder: every article file inside, recursively; plain progress lines and a summary, exit 0', async () => {
    const r = await run(['news', '--out', 'out-folder', '-c', '1'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Made 2 of 2 cards for 2 articles in [\d.]+ s \(2 drawn, 0 unchanged\)\.\nOutput: .*out-folder \(manifest\.json, index\.html\)\n$/);
    expect(r.stderr).toMatch(/^2\/2 articles · 2\/2 cards \(0 unchanged\) · [\d.]+ cards\/s · 0:00 left\n$/m);
    const manifest = JSON.parse(readFileSync(join(cwd, 'out-folder/manifest.json'), 'utf8')) as Manifest;
    expect(manifest.articles.map((a) => [a.id, a.title])).toEqual([
      ['news/2026/two.html', 'Two'],
      ['news/one.txt', undefined],
    ]);
  });

  test('a glob and stdin, --json summary on stdout, exit 0', async () => {
    const r = await run(['news/**/*.html', '-', '--out', 'out-json', '--json', '-c', '1'], cwd, articleText(9));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ ok: true, exitCode: 0, failures: [], stats: { articles: 2, cards: 2, rendered: 2, cached: 0, failed: 0 } });
    expect(summary.paths.manifest).toBe(join(cwd, 'out-json/manifest.json'));
    const manifest = JSON.parse(readFileSync(summary.paths.manifest, 'utf8')) as Manifest;
    expect(manifest.articles.map((a) => a.id)).toEqual(['news/2026/two.html', 'stdin']);
  });

  test('a card that fails is listed and the exit code is 1, even with --quiet', async () => {
    const out = blockFirstCard(cwd, 'out-fail');
    const r = await run(['news/one.txt', 'bad.txt', '--out', out, '--quiet', '-c', '1'], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^quotecard: 1 failed:\n {2}bad\.txt: card bad-quote-1-og-light-[0-9a-f]{8}: error during write: Could not write the card's files: EISDIR/);
  });

  test('a card in a script no installed font draws (Bengali) is listed as failed with the package to install; exit 1', async () => {
    writeFileSync(join(cwd, 'bengali.txt'), '“আমরা শীতের আগে সেতুটি আবার খুলে দেব, এটাই আমাদের প্রতিশ্রুতি,” মেয়র আনিসুল হক বলেছেন।\n');
    const r = await run(['bengali.txt', '--out', 'out-bengali', '--size', 'og', '--theme', 'light', '-c', '1'], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\(0 drawn, 0 unchanged, 1 failed\)/);
    expect(r.stderr).toMatch(/quotecard: 1 failed:\n {2}bengali\.txt: card bengali-quote-1-og-light-[0-9a-f]{8}: error during render: No loaded font draws the quote's text \(Bengali\)\. Allowed: fonts for it: install @fontsource\/noto-sans-bengali/);
    expect(readdirSync(join(cwd, 'out-bengali')).filter((f) => f.endsWith('.png'))).toEqual([]);
  });

  test('quotes left out for an unsure speaker are counted in the summary and the manifest', async () => {
    const r = await run(['news/one.txt', '--out', 'out-unsure', '--min-confidence', '1', '-c', '1'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Made 0 of 0 cards for 1 articles .*\nLeft out 1 quote in 1 article: speaker not sure enough for a card \(see --min-confidence\)\.\n/);
    const manifest = JSON.parse(readFileSync(join(cwd, 'out-unsure/manifest.json'), 'utf8')) as Manifest;
    expect(manifest.articles[0]?.found).toEqual({ quotes: 1, posts: 0, unsure: 1 });
  });

  test('a page with no article body is listed under "No article body found"', async () => {
    writeFileSync(join(cwd, 'menu-only.html'), '<html><body><nav><a href="/">Home</a></nav><footer>© Daily Planet</footer></body></html>');
    const r = await run(['news/one.txt', 'menu-only.html', '--out', 'out-nobody', '-c', '1'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nNo article body found in 1 article:\n {2}menu-only\.html\nNo card for 1 article \(why: index\.html, or articles\[\]\.noCards in manifest\.json\)\.\n\d+ warnings? in manifest\.json \(articles\[\]\.warnings, cards\[\]\.warnings\)\.\n/);
    const manifest = JSON.parse(readFileSync(join(cwd, 'out-nobody/manifest.json'), 'utf8')) as Manifest;
    expect(manifest.articles.find((a) => a.id === 'menu-only.html')?.warnings).toContain('No article body found: no paragraphs were found outside navigation and boilerplate.');
  });

  test('an unchanged re-run draws nothing', async () => {
    await run(['news/one.txt', '--out', 'out-again', '-q'], cwd);
    const r = await run(['news/one.txt', '--out', 'out-again'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Made 1 of 1 cards for 1 articles in [\d.]+ s \(0 drawn, 1 unchanged\)\./);
  });
});

describe('the bin as a process', () => {
  const exec = promisify(execFile);
  const bin = (args: string[], cwd: string) =>
    exec(process.execPath, ['--import', tsxLoader, join(process.cwd(), 'src/cli/main.ts'), ...args], { cwd }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  const cwd = workspace();
  const cases = [
    { name: 'exit 0 when every card is made', args: () => ['news', '--out', 'o0', '-q'], code: 0 },
    { name: 'exit 1 when a card fails', args: () => ['bad.txt', '--out', blockFirstCard(cwd, 'o1'), '-q'], code: 1 },
    { name: 'exit 2 on bad usage', args: () => ['news', '--size', 'huge', '--out', 'o2'], code: 2 },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const r = await bin(c.args(), cwd);
      expect(r.code).toBe(c.code);
    });
  }
});
