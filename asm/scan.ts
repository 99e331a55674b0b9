// The pixel scan of quotecard's PNG encoder (src/render/png.ts), compiled to WebAssembly with SIMD:
// premultiplied RGBA pixels in, PNG scanlines of palette indices out (filter byte 0, then one index per
// pixel, colours numbered in the order first seen). Same result as the JavaScript scan it stands in for,
// for images of at most 256 colours; past that it gives up and the JavaScript scan takes over.
// Build: npm run build:wasm (writes src/render/scan-wasm.ts).

const TABLE_BITS: u32 = 13;
const TABLE_SIZE: u32 = 1 << TABLE_BITS;
const PALETTE_SIZE: u32 = 256;

/** Where the caller may put its buffers: past this module's own data, 16-byte aligned. */
export function base(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}

/** Whether `width` pixels at `a` equal those at `b` (16 bytes at a time, then the rest). */
function sameRow(a: usize, b: usize, bytes: usize): bool {
  let i: usize = 0;
  for (; i + 16 <= bytes; i += 16) {
    if (!i8x16.all_true(i8x16.eq(v128.load(a + i), v128.load(b + i)))) return false;
  }
  for (; i < bytes; i += 4) {
    if (load<u32>(a + i) != load<u32>(b + i)) return false;
  }
  return true;
}

/**
 * Number the pixels at `pixels` (width × height RGBA) into scanlines at `rows`, the distinct colours into
 * `colours` (u32 each, first seen first), using `keys` (u32 × 8192) and `slots` (u16 × 8192) as a hash
 * table. Returns how many colours there are, or -1 past 256.
 */
export function scan(pixels: usize, width: i32, height: i32, rows: usize, colours: usize, keys: usize, slots: usize): i32 {
  memory.fill(slots, 0, <usize>TABLE_SIZE * 2);
  const w = <usize>width;
  const stride = w * 4;
  let n: u32 = 0;
  let last: u32 = 0;
  let current: u8 = 0;
  let haveLast = false;
  for (let y: usize = 0; y < <usize>height; y++) {
    const src = pixels + y * stride;
    const dst = rows + y * (w + 1);
    store<u8>(dst, 0);
    if (y > 0 && sameRow(src, src - stride, stride)) {
      memory.copy(dst + 1, dst - w, w);
      continue;
    }
    let x: usize = 0;
    while (x < w) {
      const c = load<u32>(src + x * 4);
      let end = x + 1;
      const splat = i32x4.splat(<i32>c);
      while (end + 4 <= w && i32x4.all_true(i32x4.eq(v128.load(src + end * 4), splat))) end += 4;
      while (end < w && load<u32>(src + end * 4) == c) end++;
      if (!haveLast || c != last) {
        let s = (c * 0x9e3779b1) >>> (32 - TABLE_BITS);
        let found = <u32>load<u16>(slots + (<usize>s << 1));
        while (found != 0 && load<u32>(keys + (<usize>s << 2)) != c) {
          s = (s + 1) & (TABLE_SIZE - 1);
          found = <u32>load<u16>(slots + (<usize>s << 1));
        }
        if (found == 0) {
          if (n == PALETTE_SIZE) return -1;
          store<u32>(colours + (<usize>n << 2), c);
          store<u32>(keys + (<usize>s << 2), c);
          n++;
          found = n;
          store<u16>(slots + (<usize>s << 1), <u16>found);
        }
        last = c;
        haveLast = true;
        current = <u8>(found - 1);
      }
      const at = dst + 1 + x;
      const run = end - x;
      if (run > 16) memory.fill(at, current, run);
      else for (let k: usize = 0; k < run; k++) store<u8>(at + k, current);
      x = end;
    }
  }
  return <i32>n;
}
