/** Minimal typing for `linebreak` (UAX #14 break opportunities), the same package satori breaks lines with. */
declare module 'linebreak' {
  interface Break {
    /** UTF-16 offset where a new line may start. */
    position: number;
    /** True for a hard break (a line feed). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
