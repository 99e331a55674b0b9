/**
 * Quoted words that are only a time stamp — "3:45 PM - 19 Nov 2019", "7:02 PM · Nov 19, 2019 from
 * Springfield, IL", "2019-11-19 14:05 UTC": the date line of an embedded post as sites render it, set in
 * quotation marks. Nobody said them; they are no quote.
 */

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const TIME = String.raw`\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:utc|gmt|[a-z]{1,2}[sd]?t))?`;
const DATE = String.raw`(?:\d{1,2}\s+${MONTH},?\s+\d{4}|${MONTH}\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})`;
const SEP = String.raw`\s*(?:[-–—·|,•@]|\bat\b)?\s*`;
/** A time then a date, or a date then a time (either alone too), then at most "from <place>" / "via <app>". */
const STAMP = new RegExp(String.raw`^(?:${TIME}(?:${SEP}${DATE})?|${DATE}(?:${SEP}${TIME})?)(?:\s+(?:from|via)\s+[^.!?\n]{1,40})?$`, 'iu');

/** True when `text` is only a date and time line. */
export function isTimestamp(text: string): boolean {
  const t = text.trim().replace(/[.]$/u, '');
  return t.length <= 80 && STAMP.test(t);
}
