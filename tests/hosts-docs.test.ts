/**
 * docs/hosts.md shows the code the host apps in tests/hosts/ run (scripts/hosts/ builds and serves them):
 * every code block of the Next.js and Cloudflare Workers sections whose first line names a file, as
 * `// app/card/route.ts`, must be that file of the section's app, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const doc = readFileSync('docs/hosts.md', 'utf8');
const APPS: Record<string, string> = { 'Next.js': 'tests/hosts/next-app', 'Cloudflare Workers': 'tests/hosts/workerd' };

/** The `## ` section of the doc with this title, up to the next `## `. */
function section(title: string): string {
  const start = doc.indexOf(`\n## ${title}\n`);
  if (start < 0) return '';
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

const blocks = Object.entries(APPS).flatMap(([title, app]) =>
  [...section(title).matchAll(/```\w*\n\/\/ ([\w./-]+)\n([\s\S]*?)```/g)].map((m) => ({
    title,
    file: `${app}/${m[1]}`,
    code: `// ${m[1]}\n${m[2]}`,
  })),
);

describe('docs/hosts.md shows what the host tests run', () => {
  test('both sections are there and show files', () => {
    for (const title of Object.keys(APPS)) expect(section(title), title).not.toBe('');
    expect(blocks.filter((b) => b.title === 'Next.js').length).toBeGreaterThanOrEqual(2);
  });
  test.each(blocks.map((b) => [b.file, b] as const))('%s', (_file, { file, code }) => {
    // The doc's block starts with the file's name; the file itself does not.
    const [, ...rest] = code.split('\n');
    expect(rest.join('\n')).toBe(readFileSync(file, 'utf8'));
  });
});
