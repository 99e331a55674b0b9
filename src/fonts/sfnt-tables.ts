/**
 * Tables of an sfnt (TrueType/OpenType) file by tag, as the cmap check reads them: a view of the bytes
 * each table record points to, clipped to the data.
 */

/** A table's bytes by tag, undefined when the font has none. */
export type TableReader = (tag: string) => Uint8Array | undefined;

/** The tag of the 4 bytes at `at`. */
export function tagAt(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/** A reader of the tables of the sfnt `data` (its directory already checked to lie inside it). */
export function sfntTables(data: ArrayBuffer): TableReader {
  const view = new DataView(data);
  const count = view.byteLength >= 12 ? view.getUint16(4) : 0;
  return (tag) => {
    for (let i = 0; i < count && 12 + i * 16 + 16 <= view.byteLength; i++) {
      const record = 12 + i * 16;
      if (tagAt(view, record) !== tag) continue;
      const offset = Math.min(view.getUint32(record + 8), view.byteLength);
      return new Uint8Array(data, offset, Math.min(view.getUint32(record + 12), view.byteLength - offset));
    }
    return undefined;
  };
}
