/** Whitespace tidying shared by the embed readers and the network's post reader. */

/** Collapse runs of spaces (including no-break spaces) to one space. */
export function collapse(s: string): string {
  return s.replace(/[ \t\f\r\n\u00a0]+/g, ' ');
}

/** Trim each line, collapse spaces, keep at most one blank line in a row, trim the ends. */
export function tidyLines(s: string): string {
  const lines = s.split('\n').map((line) => collapse(line).trim());
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}
