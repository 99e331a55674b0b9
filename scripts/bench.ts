/**
 * `npm run bench`: quotecard's renderCard() against the peers a user would pick instead (scripts/bench/
 * peers.mjs), in one run on this machine, drawing the same card content with the same fonts:
 * ms per card (each contender alone in a process, in rounds that take turns), cards/s,
 * PNG bytes, the first card in a fresh process, and each peer's time over quotecard's. Then the PNG
 * sizes with `compression: 'small'` and 5,000 cards in one process under V8's own settings.
 *   npm run bench                          # builds, then prints the figures
 *   npm run bench -- --write               # and writes them to docs/performance.md and the README's table
 *   npm run bench -- --rounds 3 --cards 40 --fresh 3 --soak 1000
 * quotecard is measured from the built package (dist/), as users run it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type * as Quotecard from '../src/index.js';
import type { Item, Node } from '../src/index.js';
import { section, withSection } from './bench/doc-section.js';
import { PEERS } from './bench/peers.mjs';
import { rssSlope } from './bench/soak-cards.mjs';

const root = new URL('../', import.meta.url);
const { postCard, quoteCard, renderCard } = (await import(new URL('dist/index.js', root).href)) as typeof Quotecard;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('rounds', 5);
const perRound = arg('cards', 60);
const freshRuns = arg('fresh', 5);
const soakCards = arg('soak', 5000);
const write = process.argv.includes('--write');

const QUOTE: Item = {
  kind: 'quote',
  text: 'When I met the Talibs today, I expressed outrage about yesterday’s attack on Bagram, which recklessly killed two and wounded dozens of civilians',
  speaker: { name: 'Zalmay Khalilzad', role: 'U.S. special envoy for Afghanistan' },
  cue: 'said',
  partial: false,
  start: 0,
  end: 0,
  confidence: 0.9,
};
const POST: Item = {
  kind: 'post',
  network: 'twitter',
  status: 'full',
  author: { name: 'Siobhan Heanue', handle: 'siobhanheanue' },
  text: "Pakistan & the US were also involved in negotiations for a prisoner swap. PM Khan has tweeted that he hopes the outcome will deliver a 'boost in confidence' to all parties, including the Afghan govt and Taliban. #Afghanistan",
  date: '2019-11-19',
  links: ['https://t.co/hcazKH6d2H'],
  start: 0,
  end: 0,
};

/** What each contender is called in the tables. */
const LABELS: Record<string, string> = {
  quotecard: 'quotecard `renderCard()`',
  'quotecard-wasm': 'quotecard/wasm `renderCard()` (WebAssembly)',
  careful: 'satori + resvg-js, written carefully',
  defaults: 'satori + resvg-js, defaults',
  'vercel-og': '@vercel/og `ImageResponse`',
  takumi: 'takumi (`@takumi-rs/core`)',
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const version = (name: string) => (JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, root), 'utf8')) as { version: string }).version;

/** One job for scripts/bench/child.mjs in a fresh plain-Node process. */
function child<T>(job: unknown): T {
  const out = execFileSync(process.execPath, [fileURLToPath(new URL('scripts/bench/child.mjs', root))], {
    input: JSON.stringify(job),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as T;
}

/**
 * Time every contender on one card: each alone in a fresh process (as a user runs it: its own memory
 * and garbage collection), the contenders taking turns for `rounds` rounds so a slow spell of the
 * machine touches all of them; a contender's figure is the median over all its timed cards.
 */
/** quotecard's two builds, then the peers. */
const CONTENDERS = ['quotecard', 'quotecard-wasm', ...PEERS];
/** The child job that runs `name`. */
const jobFor = (name: string) => (name === 'quotecard' ? {} : name === 'quotecard-wasm' ? { build: 'wasm' } : { peer: name });

function race(item: Item, tree: Node): Record<string, { ms: number; bytes: number }> {
  const names = CONTENDERS;
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const bytes: Record<string, number> = {};
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length] as string;
      const run = child<{ ms: number[]; bytes: number }>({ mode: 'speed', ...jobFor(name), item, tree, warmUp: 30, cards: perRound });
      times[name]?.push(...run.ms);
      bytes[name] = run.bytes;
    }
  }
  return Object.fromEntries(names.map((n) => [n, { ms: median(times[n] as number[]), bytes: bytes[n] as number }]));
}

const cards = { 'og quote': { item: QUOTE, tree: quoteCard(QUOTE as never) }, 'og post': { item: POST, tree: postCard(POST as never) } };

console.log(`quotecard bench: ${rounds} rounds of ${perRound} cards per contender and card, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${availableParallelism()}\n`);
const speed: Record<string, Record<string, { ms: number; bytes: number }>> = {};
for (const [card, { item, tree }] of Object.entries(cards)) {
  speed[card] = race(item, tree);
  console.log(card);
  console.table(
    Object.fromEntries(
      Object.entries(speed[card] as object).map(([name, r]: [string, { ms: number; bytes: number }]) => [
        name,
        { 'ms a card': +r.ms.toFixed(2), 'cards/s': Math.round(1000 / r.ms), 'PNG KB': +(r.bytes / 1024).toFixed(1), 'vs quotecard': `${(r.ms / (speed[card]?.quotecard?.ms ?? 1)).toFixed(2)}×` },
      ]),
    ),
  );
}

const fresh: Record<string, { setupMs: number; firstCardMs: number }> = {};
for (const name of CONTENDERS) {
  const runs = Array.from({ length: freshRuns }, () =>
    child<{ setupMs: number; firstCardMs: number }>({ mode: 'first-card', ...jobFor(name), item: QUOTE, tree: cards['og quote'].tree }),
  );
  fresh[name] = { setupMs: median(runs.map((r) => r.setupMs)), firstCardMs: median(runs.map((r) => r.firstCardMs)) };
}
console.log(`first og quote card in a fresh process (median of ${freshRuns}):`);
console.table(
  Object.fromEntries(
    Object.entries(fresh).map(([name, f]) => [name, { 'import and fonts ms': Math.round(f.setupMs), 'first card ms': Math.round(f.firstCardMs), 'total ms': Math.round(f.setupMs + f.firstCardMs) }]),
  ),
);

const small: Record<string, { fast: number; small: number; ms: number }> = {};
for (const [card, { item }] of Object.entries(cards)) {
  const fast = ((await renderCard(item)).png as Uint8Array).byteLength;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 12; i++) {
    const t = performance.now();
    bytes = ((await renderCard(item, { compression: 'small' })).png as Uint8Array).byteLength;
    if (i > 1) times.push(performance.now() - t);
  }
  small[card] = { fast, small: bytes, ms: median(times) };
  console.log(`${card}, compression 'small': ${(bytes / 1024).toFixed(1)} KB ('fast' ${(fast / 1024).toFixed(1)} KB), ${median(times).toFixed(0)} ms a card`);
}

type Soak = { cards: number; seconds: number; peakRssMb: number; samples: Array<{ card: number; rssMb: number }> };
const soak = soakCards > 0 ? child<Soak>({ mode: 'soak', cards: soakCards }) : undefined;
const trend = soak && soak.cards >= 2000 ? rssSlope(soak.samples) : undefined;
if (soak) {
  console.log(
    `${soak.cards} cards in one process (V8's own settings): ${(soak.cards / soak.seconds).toFixed(0)} cards/s, peak RSS ${soak.peakRssMb.toFixed(0)} MB` +
      (trend === undefined ? '' : `, resident set from card 1,000 on ${trend >= 0 ? '+' : ''}${trend.toFixed(1)} MB per 1,000 cards`),
  );
}

if (write) {
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Linux ${release()}, Node ${process.version}`;
  const versions = `satori ${version('satori')}, @resvg/resvg-js ${version('@resvg/resvg-js')}, @vercel/og ${version('@vercel/og')}, @takumi-rs/core ${version('@takumi-rs/core')}`;
  const row = (card: string, name: string) => {
    const r = speed[card]?.[name] as { ms: number; bytes: number };
    const ours = speed[card]?.quotecard?.ms as number;
    return `| ${LABELS[name]} | ${r.ms.toFixed(1)} | ${Math.round(1000 / r.ms)} | ${(r.bytes / 1024).toFixed(1)} | ${name === 'quotecard' ? '—' : `${(r.ms / ours).toFixed(2)}×`} |`;
  };
  const speedTables = Object.keys(cards)
    .map((card) => [`### ${card} (1200×630)`, '', '| | ms a card | cards/s | PNG KB | peer ÷ quotecard |', '|---|---|---|---|---|', ...CONTENDERS.map((n) => row(card, n))].join('\n'))
    .join('\n\n');
  const freshTable = [
    '| | import and fonts, ms | first card, ms | total, ms |',
    '|---|---|---|---|',
    ...Object.entries(fresh).map(([n, f]) => `| ${LABELS[n]} | ${Math.round(f.setupMs)} | ${Math.round(f.firstCardMs)} | ${Math.round(f.setupMs + f.firstCardMs)} |`),
  ].join('\n');
  const smallTable = [
    "| card | 'fast' (default) | 'small' | 'small' costs |",
    '|---|---|---|---|',
    ...Object.entries(small).map(([card, s]) => `| ${card} | ${(s.fast / 1024).toFixed(1)} KB | ${(s.small / 1024).toFixed(1)} KB | ${Math.round(s.ms)} ms a card |`),
  ].join('\n');
  const memory = soak
    ? `${soak.cards} mixed cards (quotes and posts, og and square, light and dark) in one process from the built package, under V8's own ` +
      `settings: ${(soak.cards / soak.seconds).toFixed(0)} cards/s, peak resident set **${soak.peakRssMb.toFixed(0)} MB**` +
      (trend === undefined ? '.' : `, and from card 1,000 on the resident set moved by ${trend.toFixed(1)} MB per 1,000 cards${Math.abs(trend) < 1 ? ' (no upward trend)' : ''}.`)
    : 'Not measured in this run.';
  const doc = `# Performance

Written by \`npm run bench -- --write\` on ${date}. Every figure below comes from that one run.

**Machine:** ${machine}.
**Versions:** ${versions}.

Each contender draws the same two cards — quotecard's own element trees for an og quote and an og post,
with the same fonts read once — alone in a fresh process, as a user would run it (its own memory and garbage
collection), ${perRound} timed cards after 30 untimed ones; the contenders take turns for ${rounds} rounds, and a
figure is the median of all its timed cards.
quotecard's time is the whole \`renderCard()\` call (checking the item, laying out the tree, satori,
resvg, its PNG encoder); the peers are handed the finished tree. "peer ÷ quotecard" above 1 means the
peer takes longer. quotecard/wasm is the same \`renderCard()\` from the WebAssembly build (satori's standalone
build, resvg-wasm, resvg's own PNG encoding), the one Workers, edge runtimes and browsers use, run here in Node.
The peers are written as their documentation shows (scripts/bench/peers.mjs):

- **satori + resvg-js, written carefully**: fonts read once, \`loadSystemFonts: false\`, resvg's own PNG.
- **satori + resvg-js, defaults**: \`new Resvg(svg).render().asPng()\`, which loads the system fonts on every card.
- **@vercel/og**: \`new ImageResponse(tree, { width, height, fonts })\`; with its optional \`sharp\` installed (npm's
  default) it rasterizes with sharp.
- **takumi**: \`@takumi-rs/core\`'s \`Renderer\` with the fonts registered once, the tree converted by \`fromJsx\`.

## Speed

${speedTables}

## First card in a fresh process

An og quote card in a new plain-Node process (median of ${freshRuns}): loading the library and its fonts, then the
first card, which for quotecard also reads the fonts.

${freshTable}

## PNG size

${smallTable}

## Memory

${memory}
`;
  const docPath = new URL('docs/performance.md', root);
  const before = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
  // the batch figures are written by `npm run bench:batch -- --write` and kept as they are
  writeFileSync(docPath, `${doc}\n${section(before, 'batch') ?? '<!-- batch:start -->\n## Batch\n\nRun `npm run bench:batch -- --write` to measure.\n<!-- batch:end -->'}\n`);
  const readme = fileURLToPath(new URL('README.md', root));
  const text = readFileSync(readme, 'utf8');
  const short = [
    '| og card, 1200×630 | quotecard | quotecard/wasm | satori + resvg-js (careful) | @vercel/og | takumi |',
    '|---|---|---|---|---|---|',
    ...Object.keys(cards).map((card) => {
      const s = speed[card] as Record<string, { ms: number }>;
      const cell = (n: string) => `${(s[n] as { ms: number }).ms.toFixed(1)} ms`;
      return `| ${card.replace('og ', '')} | ${cell('quotecard')} | ${cell('quotecard-wasm')} | ${cell('careful')} | ${cell('vercel-og')} | ${cell('takumi')} |`;
    }),
  ].join('\n');
  if (!section(text, 'bench')) throw new Error('README.md has no <!-- bench:start --> … <!-- bench:end --> table');
  writeFileSync(readme, withSection(text, 'bench', short));
  console.log('\nwrote docs/performance.md and the README table');
}
