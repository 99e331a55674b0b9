/** Sections of a document that a bench rewrites: the text between `<!-- name:start -->` and `<!-- name:end -->`. */

const pattern = (name: string) => new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);

/** The section as it stands (markers included), or undefined. */
export function section(text: string, name: string): string | undefined {
  return pattern(name).exec(text)?.[0];
}

/** `text` with the section replaced by `content` (appended when there is none). */
export function withSection(text: string, name: string, content: string): string {
  const block = `<!-- ${name}:start -->\n${content.trim()}\n<!-- ${name}:end -->`;
  return pattern(name).test(text) ? text.replace(pattern(name), block) : `${text.trimEnd()}\n\n${block}\n`;
}
