/**
 * The README as npm shows it: npm has no repository to resolve relative links against, so every picture
 * and doc link is an absolute URL into the published package (jsDelivr serves its files), and each must
 * name a file that exists here and that package.json's `files` ships.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; files: string[] };
const PREFIX = `https://cdn.jsdelivr.net/npm/${pkg.name}/`;

/** Every link target in the README: markdown links and images, and HTML src/href attributes. */
const targets = [...readme.matchAll(/\]\(([^)\s]+)\)|(?:src|href)="([^"]+)"/g)].map((m) => (m[1] ?? m[2]) as string);

describe('README links work on npm', () => {
  test('it links pictures and docs', () => {
    expect(targets.filter((t) => t.startsWith(PREFIX)).length).toBeGreaterThanOrEqual(10);
  });
  test('no relative links (npm cannot resolve them)', () => {
    expect(targets.filter((t) => !/^(https?:|#|mailto:)/.test(t))).toEqual([]);
  });
  test.each(targets.filter((t) => t.startsWith(PREFIX)))('%s is a file the package ships', (target) => {
    const path = target.slice(PREFIX.length);
    expect(existsSync(path)).toBe(true);
    expect(pkg.files.some((f) => path === f || path.startsWith(`${f}/`))).toBe(true);
  });
});
