/**
 * satori's entry point, the same from the ESM and the CJS build. satori's CJS file exports
 * `{ default: satori }`; bundled to CJS with Node's interop, a default import would be that object.
 */
import satoriImport from 'satori';

type Satori = typeof satoriImport;

/** The satori function. */
export const satori: Satori =
  typeof satoriImport === 'function' ? satoriImport : (satoriImport as unknown as { default: Satori }).default;

/** The element type satori takes. */
export type SatoriNode = Parameters<Satori>[0];
/** satori's options. */
export type SatoriOptions = Parameters<Satori>[1];
