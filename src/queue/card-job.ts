/**
 * One job per card. The enqueuer extracts and plans each article (as `renderArticles()` does) and adds
 * one job per planned card, its id the card's content hash: a card already in the queue — waiting,
 * drawn or failed — is not added again. A job holds what a worker needs to draw the card and name its
 * files; its result holds what the manifest learns from drawing it.
 *
 * Why per card and not per article: a BullMQ job costs about 1 ms of Redis round trips on loopback
 * (0.26 ms to add, 1.0 ms to take and complete, measured with 1.5 KB of data), against ~28 ms to draw
 * a card on one core: about 4%. A job per article would save most of that, but a retry would draw all
 * of an article's cards again, one poison card would fail its siblings, the job id could not be the
 * card's hash, and eight cards of one article could not be spread over eight machines.
 */
import { deserialize, serialize } from 'node:v8';
import { digest } from '../batch/fingerprint.js';
import type { CardTask } from '../batch/worker.js';
import type { FontInput } from '../types.js';

/** The BullMQ job name of a card. */
export const CARD_JOB = 'card';

/** What a card's job carries (JSON in Redis). */
export interface CardJobData {
  /** The card's manifest id (the stem of its file names). */
  id: string;
  /** Its content hash (also the job id). */
  hash: string;
  /** The task for the drawing process, V8-serialized as base64 (a post's avatar and photos are bytes). */
  task: string;
  /** Files to store, one per format. */
  files: Array<{ format: 'png' | 'svg'; path: string }>;
  /** The fonts the card is drawn with: a worker must have each (same bytes) or the card fails. */
  fonts?: JobFont[];
  /** The template of the workers' templates module it is drawn with. */
  template?: string;
}

/** A font as a job names it: its face, and a digest of its bytes (the bytes stay with the enqueuer). */
export interface JobFont {
  name: string;
  weight: number;
  style: 'normal' | 'italic';
  lang?: string;
  /** SHA-256 of the bytes. */
  digest: string;
}

/** How a job names `font`. */
export function jobFont(font: FontInput): JobFont {
  return { name: font.name, weight: font.weight ?? 400, style: font.style ?? 'normal', ...(font.lang ? { lang: font.lang } : {}), digest: digest(font.data) };
}

/** One key per face and bytes, to compare a job's fonts with a worker's. */
export function fontKey(font: JobFont): string {
  return [font.name, font.weight, font.style, font.lang ?? '', font.digest].join('\u0000');
}

/** A job font in words, for messages: "Brand Serif" 700 italic. */
export function fontLabel(font: Pick<JobFont, 'name' | 'weight' | 'style'>): string {
  return `"${font.name}" ${font.weight}${font.style === 'italic' ? ' italic' : ''}`;
}

/** What a card's job returns: the manifest fields drawing tells. */
export interface CardJobResult {
  width: number;
  height: number;
  alt: string;
  truncated: boolean;
  warnings: string[];
  files: Array<{ format: 'png' | 'svg'; path: string; bytes: number }>;
  /** The files were in the store already (a try that stored them, then stopped): not drawn again. */
  reused?: boolean;
}

/** Why a try failed, kept as the job's progress so the manifest can say it. */
export interface CardJobFailure {
  stage: 'render' | 'write';
  reason: 'error' | 'crash' | 'timeout';
}

/** A task as job data. */
export function packTask(task: CardTask): string {
  return serialize(task).toString('base64');
}

/** Job data back into a task. */
export function unpackTask(data: string): CardTask {
  return deserialize(Buffer.from(data, 'base64')) as CardTask;
}

/** Where a worker notes what it learnt drawing a card, beside its files in the store. */
export function resultName(hash: string): string {
  return `.quotecard/${hash}.json`;
}
