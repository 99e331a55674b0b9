/**
 * Why font bytes cannot be read, found by a check that does not know which entry of `fonts` it reads;
 * `checkFontBytes` words it for that entry ("Invalid font in "fonts[0].data": <problem>").
 */
import { FontError } from '../errors.js';

/** An unreadable font: `problem` says what is wrong with it ("its table directory is cut short"). */
export class FontProblem extends FontError {
  constructor(
    readonly problem: string,
    format = 'font',
  ) {
    super('font-unreadable', `Invalid ${format}: ${problem}`);
  }
}
