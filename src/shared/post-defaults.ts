/** What a post written by hand (`PostInput`) may leave out, filled in the same way wherever it is read. */
import type { Post } from '../types.js';

/** A post given without a status is 'full' when it has words to draw and 'link-only' when not. */
export function defaultStatus(text: string | undefined): Post['status'] {
  return text?.trim() ? 'full' : 'link-only';
}
