/**
 * Without the native rasterizer (npm skipped resvg-js's platform package, or a bundle left the addon
 * behind) a PNG is a RenderError that says what failed to load and names the fixes, not "resvg could
 * not draw the card's SVG"; SVG cards are still drawn. Run in its own process with the addon made
 * unloadable (tests/helpers/no-native-resvg.cjs).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

test('a missing native addon: a RenderError naming the fix; format svg still works', () => {
  const script = `
    import { renderCard } from './src/index.ts';
    const quote = { kind: 'quote', text: 'We will reopen the bridge before the winter', speaker: { name: 'Ada Lovelace' } };
    const svg = await renderCard(quote, { format: 'svg' });
    let failure;
    try { await renderCard(quote); } catch (error) { failure = { name: error.name, code: error.code, message: error.message, field: error.field }; }
    console.log(JSON.stringify({ svg: svg.svg.startsWith('<svg'), failure }));
  `;
  const out = execFileSync(process.execPath, ['--require', './tests/helpers/no-native-resvg.cjs', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  const result = JSON.parse(out.trim().split('\n').pop() as string);
  expect(result.svg).toBe(true);
  expect(result.failure).toMatchObject({ name: 'RenderError', code: 'raster-failed', field: 'format' });
  expect(result.failure.message).toMatch(/native rasterizer \(@resvg\/resvg-js\) could not be loaded/);
  expect(result.failure.message).toMatch(/serverExternalPackages/);
  expect(result.failure.message).toMatch(/quotecard\/wasm/);
  expect(result.failure.message).toMatch(/resvg-js-linux-x64-gnu/);
}, 60_000);
