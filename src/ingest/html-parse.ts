/**
 * Parsing HTML with htmlparser2 into a domhandler tree, with a guard on nesting depth.
 *
 * htmlparser2 keeps its open-element stack in an array it grows at the front, so each open tag costs
 * time in proportion to the current depth: fine for real pages and for 10,000 levels, quadratic for
 * millions. The page is fed in chunks and reading stops (with a warning) once elements nest deeper
 * than `MAX_DEPTH`, which keeps the parse linear in the input's length.
 */
import { type Document, DomHandler } from 'domhandler';
import { Parser } from 'htmlparser2';

/** Deepest nesting read; deeper pages are cut where they pass it. */
export const MAX_DEPTH = 20_000;
const CHUNK = 32_768;

/** A DomHandler that counts how deep the open elements are. */
class DepthHandler extends DomHandler {
  depth = 0;
  override onopentag(name: string, attribs: Record<string, string>): void {
    this.depth++;
    super.onopentag(name, attribs);
  }
  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

/** Parse `html`; warnings say where reading stopped, if it did. */
export function parseHtml(html: string, warnings: string[]): Document {
  const handler = new DepthHandler(undefined, { withStartIndices: false });
  const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  for (let at = 0; at < html.length; at += CHUNK) {
    parser.write(html.slice(at, at + CHUNK));
    if (handler.depth > MAX_DEPTH) {
      warnings.push(`The HTML nests elements deeper than ${MAX_DEPTH} levels; reading stopped near character ${at + CHUNK} of ${html.length}.`);
      break;
    }
  }
  parser.end();
  return handler.root;
}
