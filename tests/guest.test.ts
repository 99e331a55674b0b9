/**
 * A library is a guest in its user's process: importing quotecard, extracting and drawing cards change
 * no V8 flag, add no global, no process listener and no environment variable, and leave no timer or
 * handle running. Checked in a fresh process (helpers/guest-probe.ts) that watches for each.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const exec = promisify(execFile);
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

describe('quotecard is a guest in its process', () => {
  test('importing it and drawing cards changes nothing process-wide', async () => {
    const { stdout } = await exec(process.execPath, ['--import', tsx, join(process.cwd(), 'tests/helpers/guest-probe.ts')], { timeout: 60_000 });
    expect(JSON.parse(stdout.trim().split('\n').pop() as string)).toEqual({
      afterImport: { flags: 0, globals: [] },
      flags: [],
      globals: [],
      env: [],
      listeners: [],
      execArgv: true,
      resources: [],
    });
  });

  test('no module in src/ can change V8 flags or the environment', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const offenders = files(join(process.cwd(), 'src')).filter((file) => /setFlagsFromString|process\.env\.\w+\s*=[^=]/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
