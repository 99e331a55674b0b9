/**
 * docs/hosts.md shows the code the host apps in tests/hosts/ run (scripts/hosts/ builds and serves them):
 * every code block of the Next.js, Cloudflare Workers, esbuild and browser sections whose first line names a
 * file, as `// app/card/route.ts` (or `<!-- index.html -->`), must be that file of the section's app, byte for
 * byte.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const doc = readFileSync('docs/hosts.md', 'utf8');
const APPS: Record<string, string> = {
  'Next.js': 'tests/hosts/next-app',
  'Cloudflare Workers': 'tests/hosts/workerd',
  esbuild: 'tests/hosts/esbuild',
  'In the browser': 'tests/hosts/browser',
};

/** The `## ` section of the doc with this title, up to the next `## `. */
function section(title: string): string {
  const start = doc.indexOf(`\n## ${title}\n`);
  if (start < 0) return '';
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

const blocks = Object.entries(APPS).flatMap(([title, app]) =>
  [...section(title).matchAll(/```\w*\n(?:\/\/ ([\w./-]+)|<!-- ([\w./-]+) -->)\n([\s\S]*?)```/g)].map((m) => ({
    title,
    file: `${app}/${m[1] ?? m[2]}`,
    code: `// ${m[1] ?? m[2]}\n${m[3]}`,
  })),
);

describe('docs/hosts.md shows what the host tests run', () => {
  test('each section is there and shows its files', () => {
    for (const title of Object.keys(APPS)) expect(section(title), title).not.toBe('');
    const shown = (title: string) => blocks.filter((b) => b.title === title).map((b) => b.file.slice(APPS[title]?.length ?? 0));
    expect(shown('Next.js')).toEqual(expect.arrayContaining(['/app/card/route.ts', '/next.config.ts', '/app/card/edge/route.ts']));
    expect(shown('Cloudflare Workers')).toEqual(expect.arrayContaining(['/src/worker.ts', '/wrangler.jsonc']));
    expect(shown('esbuild')).toEqual(['/card.mjs', '/build.mjs']);
    expect(shown('In the browser')).toEqual(['/index.html', '/card.js']);
  });
  test.each(blocks.map((b) => [b.file, b] as const))('%s', (_file, { file, code }) => {
    // The doc's block starts with the file's name; the file itself does not.
    const [, ...rest] = code.split('\n');
    expect(rest.join('\n')).toBe(readFileSync(file, 'utf8'));
  });
});
