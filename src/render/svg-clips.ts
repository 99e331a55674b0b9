/**
 * A pass over satori's SVG before resvg draws it. satori clips every <image> to its own box
 * (`clip-path="url(#satori_cp-…)"` with a single <rect>), and resvg draws each clip as a canvas-sized
 * mask layer the size of the canvas. When the clip rectangle contains the image's whole
 * box the clip changes no pixel, so the reference is dropped. Images drawn larger than their box
 * (object-fit: cover) keep their clip.
 */

const CLIP_RECT = /<clipPath id="(satori_cp-[^"]+)"[^>]*><rect x="([-\d.e]+)" y="([-\d.e]+)" width="([\d.e]+)" height="([\d.e]+)"\/><\/clipPath>/g;
const IMAGE = /<image x="([-\d.e]+)" y="([-\d.e]+)" width="([\d.e]+)" height="([\d.e]+)"[^>]*? clip-path="url\(#(satori_cp-[^)"]+)\)"/g;
const EPSILON = 0.01;

/** satori's SVG with no-op clips on images removed. Same pixels, fewer layers. */
export function dropNoopImageClips(svg: string): string {
  if (!svg.includes('<image')) return svg;
  const rects = new Map<string, [number, number, number, number]>();
  for (const m of svg.matchAll(CLIP_RECT)) {
    rects.set(m[1] as string, [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])]);
  }
  if (rects.size === 0) return svg;
  return svg.replace(IMAGE, (tag, x: string, y: string, w: string, h: string, id: string) => {
    const clip = rects.get(id);
    if (!clip) return tag;
    const [cx, cy, cw, ch] = clip;
    const [ix, iy, iw, ih] = [Number(x), Number(y), Number(w), Number(h)];
    const inside = ix >= cx - EPSILON && iy >= cy - EPSILON && ix + iw <= cx + cw + EPSILON && iy + ih <= cy + ch + EPSILON;
    return inside ? tag.replace(` clip-path="url(#${id})"`, '') : tag;
  });
}
