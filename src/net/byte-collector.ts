/**
 * The bytes of a body as they arrive, kept as a list of parts and joined once at the end, so collecting
 * costs time linear in the bytes however small the chunks are (joining everything so far on each chunk
 * would be quadratic). Large chunks are kept as they come, uncopied; small ones are copied into shared
 * blocks, so a body of a million tiny chunks holds a few hundred blocks rather than a million objects.
 */

/** Size of the blocks small chunks are copied into. */
const BLOCK = 64 * 1024;
/** Chunks at least this long are kept as they are. */
const KEEP_AS_IS = BLOCK / 4;

/** Bytes collected so far. */
export class ByteCollector {
  readonly #parts: Uint8Array[] = [];
  #block: Uint8Array | undefined;
  #used = 0;
  #total = 0;

  /** Bytes collected so far. */
  get total(): number {
    return this.#total;
  }

  /** Add `chunk`. A large chunk is kept by reference: the producer must not write to it afterwards. */
  push(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    this.#total += chunk.byteLength;
    if (chunk.byteLength >= KEEP_AS_IS) {
      this.#closeBlock();
      this.#parts.push(chunk);
      return;
    }
    if (this.#block && this.#used + chunk.byteLength > this.#block.byteLength) this.#closeBlock();
    this.#block ??= new Uint8Array(BLOCK);
    this.#block.set(chunk, this.#used);
    this.#used += chunk.byteLength;
  }

  /** The first `length` bytes (or all, if fewer) as one array: a view when one part holds them, else a copy. */
  head(length: number): Uint8Array {
    const wanted = Math.min(length, this.#total);
    const first = this.#parts[0] ?? this.#block?.subarray(0, this.#used);
    if (first && first.byteLength >= wanted) return first.subarray(0, wanted);
    return this.#join(wanted);
  }

  /** Every byte collected, copied once into a new array of exactly that length. */
  bytes(): Uint8Array {
    return this.#join(this.#total);
  }

  /** The first `length` bytes, copied into a new array. */
  #join(length: number): Uint8Array {
    const out = new Uint8Array(length);
    let at = 0;
    const open = this.#block?.subarray(0, this.#used);
    for (const part of open ? [...this.#parts, open] : this.#parts) {
      if (at >= length) break;
      const take = Math.min(part.byteLength, length - at);
      out.set(take === part.byteLength ? part : part.subarray(0, take), at);
      at += take;
    }
    return out;
  }

  /** Move the block being filled into the parts; the next small chunk starts a new one. */
  #closeBlock(): void {
    if (this.#block && this.#used > 0) this.#parts.push(this.#block.subarray(0, this.#used));
    this.#block = undefined;
    this.#used = 0;
  }
}
