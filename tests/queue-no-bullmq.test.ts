/**
 * bullmq is an optional peer dependency: without it, quotecard imports and draws as ever, and the queue
 * functions reject with InputError "package-missing" naming the install. Run in a process where "bullmq"
 * does not resolve (tests/helpers/no-bullmq.mjs).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

test('without bullmq: cards draw, and the queue says to install bullmq', () => {
  const script = `
    import { enqueueArticles, renderCard, startWorker } from './src/index.ts';
    const card = await renderCard({ kind: 'quote', text: 'We will reopen the bridge before the winter', speaker: { name: 'Ada Lovelace' } });
    const failures = [];
    for (const call of [() => enqueueArticles([{ text: 'x' }], { queue: 'redis://127.0.0.1:1' }), () => startWorker({ queue: 'redis://127.0.0.1:1', out: 'cards' })]) {
      try { await call(); failures.push(null); } catch (error) { failures.push({ name: error.name, code: error.code, field: error.field, message: error.message }); }
    }
    console.log(JSON.stringify({ png: card.png.length > 1000, failures }));
  `;
  const out = execFileSync(process.execPath, ['--import', './tests/helpers/no-bullmq.mjs', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  const result = JSON.parse(out.trim().split('\n').pop() as string);
  expect(result.png).toBe(true);
  for (const failure of result.failures) {
    expect(failure).toMatchObject({ name: 'InputError', code: 'package-missing', field: 'queue' });
    expect(failure.message).toMatch(/npm install bullmq@5/);
  }
}, 60_000);
