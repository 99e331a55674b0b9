/**
 * Dates as embeds print them ("November 19, 2019", "19 novembre 2019", "Nov 25, 2024 at 12:58 AM",
 * "2019-11-19T10:00:00Z") → "YYYY-MM-DD". No clock, no time zones: the calendar date as printed.
 */

/** Month names (full and short) in the languages embeds are most often rendered in. */
const MONTHS: Record<string, number> = {};
const NAMES: string[][] = [
  ['january', 'jan', 'janvier', 'janv', 'enero', 'ene', 'januar', 'jän', 'janeiro', 'gennaio', 'gen'],
  ['february', 'feb', 'février', 'févr', 'fevrier', 'febrero', 'februar', 'fevereiro', 'fev', 'febbraio'],
  ['march', 'mar', 'mars', 'marzo', 'märz', 'maerz', 'março', 'marco', 'mrz'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mag'],
  ['june', 'jun', 'juin', 'junio', 'juni', 'junho', 'giugno', 'giu'],
  ['july', 'jul', 'juillet', 'juil', 'julio', 'juli', 'julho', 'luglio', 'lug'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setembro', 'set', 'settembre'],
  ['october', 'oct', 'octobre', 'octubre', 'oktober', 'okt', 'outubro', 'out', 'ottobre', 'ott'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dec', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dezember', 'dez', 'dezembro', 'dicembre'],
];
NAMES.forEach((names, index) => {
  for (const name of names) MONTHS[name] = index + 1;
});

const WORD = '([A-Za-zÀ-ÿ]{3,10})\\.?';
/** "November 19, 2019" */
const MONTH_FIRST = new RegExp(`^${WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`);
/** "19 November 2019", "19. November 2019", "19 de noviembre de 2019" */
const DAY_FIRST = new RegExp(`^(\\d{1,2})\\.?\\s+(?:de\\s+)?${WORD}\\s+(?:de\\s+)?(\\d{4})\\b`);
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?=$|[T\s])/;

/** The calendar date a printed embed date names, as YYYY-MM-DD; undefined when it cannot be read. */
export function parseEmbedDate(raw: string): string | undefined {
  const s = raw.trim().replace(/\s+/g, ' ').slice(0, 80);
  let m = ISO.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_FIRST.exec(s);
  if (m) return build(Number(m[3]), month(m[1]), Number(m[2]));
  m = DAY_FIRST.exec(s);
  if (m) return build(Number(m[3]), month(m[2]), Number(m[1]));
  return undefined;
}

/** A date found anywhere at the end of a signature line ("… (@h) November 19, 2019"). */
export function findEmbedDate(raw: string): string | undefined {
  const s = raw.slice(-120);
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && /[\p{L}\p{N}]/u.test(s[i - 1] ?? '')) continue;
    const date = parseEmbedDate(s.slice(i));
    if (date) return date;
  }
  return undefined;
}

function month(name: string | undefined): number {
  return MONTHS[(name ?? '').toLowerCase()] ?? 0;
}

function build(year: number, mon: number, day: number): string | undefined {
  if (mon < 1 || mon > 12 || day < 1 || year < 1970 || year > 9999) return undefined;
  const days = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${year}-${String(mon).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
