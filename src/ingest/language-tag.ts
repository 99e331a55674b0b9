/**
 * A language tag as pages and callers write it ("en-us", "fr_FR", "zh-Hant-TW") in its canonical
 * BCP-47 form ("en-US", "fr-FR", "zh-Hant-TW"), or undefined when it is not one ("english", "x").
 */

/** Longest tag looked at: real ones are a few subtags; Intl is not asked to parse a page's garbage. */
const MAX_TAG = 35;

export function languageTag(raw: string): string | undefined {
  const written = raw.trim().replace(/_/g, '-');
  // a primary language subtag of 2–3 letters (ISO 639); "und" and private-use "x-…" say nothing
  if (written.length > MAX_TAG || !/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(written) || /^und(?:-|$)/i.test(written)) return undefined;
  try {
    return Intl.getCanonicalLocales(written)[0];
  } catch {
    return undefined;
  }
}
