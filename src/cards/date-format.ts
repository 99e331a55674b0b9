/** Dates on cards: an ISO 8601 date written out for the reader's locale with `Intl`, in UTC. */

const OPTIONS: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
const MAX_FORMATTERS = 32;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale (building one costs more than formatting); en-US for a locale Intl refuses. */
function formatter(locale: string): Intl.DateTimeFormat {
  let found = formatters.get(locale);
  if (!found) {
    try {
      found = new Intl.DateTimeFormat(locale, OPTIONS);
    } catch {
      found = new Intl.DateTimeFormat('en-US', OPTIONS);
    }
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(locale, found);
  }
  return found;
}

/** "December 13, 2019" (en-US), "13 décembre 2019" (fr); the input itself when it is not a date. */
export function formatDate(iso: string | undefined, locale: string): string | undefined {
  if (!iso) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!match) return iso;
  const [, y, m, d] = match;
  const time = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (Number.isNaN(time)) return iso;
  return formatter(locale).format(time);
}
