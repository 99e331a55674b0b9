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
import type { CardTask } from '../batch/worker.js';

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
