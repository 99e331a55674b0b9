/** Test helper: the width satori itself gives a single-line span, to check the measurer against. */
import type { fontPlan } from '../src/fonts/index.js';
import { loadSatori } from '../src/render/satori.js';

/** The width satori gives a single-line span of `text` (in a right-to-left box when `rtl`). */
export async function satoriWidth(
  plan: ReturnType<typeof fontPlan>,
  text: string,
  family: string,
  fontSize: number,
  fontWeight = 400,
  rtl = false,
): Promise<number> {
  const satori = await loadSatori();
  let width = Number.NaN;
  const span = { type: 'span', props: { style: { fontFamily: family, fontSize, fontWeight, whiteSpace: 'pre' }, children: text } };
  await satori({ type: 'div', props: { style: { display: 'flex', width: 4000, ...(rtl ? { direction: 'rtl' } : {}) }, children: span } } as never, {
    width: 4000,
    height: 300,
    fonts: plan.satoriFonts as never,
    loadAdditionalAsset: plan.loadAdditionalAsset as never,
    onNodeDetected: (node: { type: string; width: number }) => {
      if (node.type === 'span') width = node.width;
    },
  });
  return width;
}
