/**
 * Colour reduction for the PNG encoder: weighted median cut over a colour histogram.
 * Works on the distinct colours (a few hundred to a few thousand for a card), not on pixels,
 * so it costs well under a millisecond. With ≤ `max` colours the palette is exact.
 */

/** A palette (colours as RGBA little-endian uint32) and, for each input colour, its palette index. */
export interface Palette {
  palette: Uint32Array;
  map: Uint8Array;
}

const channel = (c: number, k: number): number => (c >>> (k * 8)) & 0xff;

interface Box {
  members: number[];
  weight: number;
  /** The channel with the widest spread, and that spread (computed once, when the box is made). */
  k: number;
  range: number;
}

function spread(members: number[], colours: Uint32Array): { k: number; range: number } {
  let best = { k: 0, range: -1 };
  for (let k = 0; k < 4; k++) {
    let lo = 255;
    let hi = 0;
    for (const i of members) {
      const v = channel(colours[i] as number, k);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (hi - lo > best.range) best = { k, range: hi - lo };
  }
  return best;
}

function split(box: Box, colours: Uint32Array, counts: Uint32Array, k: number): [Box, Box] {
  const sorted = [...box.members].sort(
    (a, b) => channel(colours[a] as number, k) - channel(colours[b] as number, k) || a - b,
  );
  let acc = 0;
  let cut = 1;
  for (let i = 0; i < sorted.length - 1; i++) {
    acc += counts[sorted[i] as number] as number;
    cut = i + 1;
    if (acc * 2 >= box.weight) break;
  }
  const left = sorted.slice(0, cut);
  const right = sorted.slice(cut);
  return [makeBox(left, colours, counts), makeBox(right, colours, counts)];
}

function makeBox(members: number[], colours: Uint32Array, counts: Uint32Array): Box {
  const weight = members.reduce((s, i) => s + (counts[i] as number), 0);
  return { members, weight, ...spread(members, colours) };
}

function mean(box: Box, colours: Uint32Array, counts: Uint32Array): number {
  const sum = [0, 0, 0, 0];
  for (const i of box.members) {
    const w = counts[i] as number;
    for (let k = 0; k < 4; k++) sum[k] = (sum[k] as number) + channel(colours[i] as number, k) * w;
  }
  const w = box.weight || 1;
  const [r, g, b, a] = sum.map((s) => Math.round(s / w)) as [number, number, number, number];
  return (r | (g << 8) | (b << 16) | (a << 24)) >>> 0;
}

/** Reduce `colours` (weighted by `counts`) to at most `max` colours. */
export function quantize(colours: Uint32Array, counts: Uint32Array, max: number): Palette {
  const n = colours.length;
  if (n <= max) {
    const map = new Uint8Array(n);
    for (let i = 0; i < n; i++) map[i] = i;
    return { palette: colours.slice(), map };
  }
  const all = Array.from({ length: n }, (_, i) => i);
  const boxes: Box[] = [makeBox(all, colours, counts)];
  while (boxes.length < max) {
    // Split the box whose widest channel spread, weighted by how many pixels it holds, is largest.
    let pick = -1;
    let score = 0;
    let axis = 0;
    for (let b = 0; b < boxes.length; b++) {
      const box = boxes[b] as Box;
      if (box.members.length < 2) continue;
      const s = box.range * Math.sqrt(box.weight);
      if (s > score) {
        score = s;
        pick = b;
        axis = box.k;
      }
    }
    if (pick < 0) break;
    const [left, right] = split(boxes[pick] as Box, colours, counts, axis);
    boxes.splice(pick, 1, left, right);
  }
  const palette = Uint32Array.from(boxes, (box) => mean(box, colours, counts));
  // Map every colour to its nearest palette entry (not just its box): cleaner anti-aliasing ramps.
  const map = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = colours[i] as number;
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    for (let p = 0; p < palette.length; p++) {
      const q = palette[p] as number;
      let d = 0;
      for (let k = 0; k < 4; k++) {
        const diff = channel(c, k) - channel(q, k);
        d += diff * diff;
      }
      if (d < bestD) {
        bestD = d;
        best = p;
      }
    }
    map[i] = best;
  }
  return { palette, map };
}
