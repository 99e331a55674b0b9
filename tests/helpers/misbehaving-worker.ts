/**
 * A batch worker for tests: the real one, except that a card whose text contains TEST_CRASH_ON aborts
 * the process (SIGABRT, as a native crash in resvg would) and one containing TEST_HANG_ON never returns.
 * Tests start batches on it with `misbehavingWorker()`; the shipped worker has no such hooks.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { WorkerEntry } from '../../src/batch/worker-pool.js';
import drawCard, { type CardTask } from '../../src/batch/worker.js';

const crashOn = process.env.TEST_CRASH_ON;
const hangOn = process.env.TEST_HANG_ON;

export default async function misbehave(task: CardTask): ReturnType<typeof drawCard> {
  const text = task.item.text ?? '';
  if (crashOn && text.includes(crashOn)) process.abort();
  if (hangOn && text.includes(hangOn)) for (;;);
  return drawCard(task);
}

/** This module as a batch's worker (the markers reach it through the environment it inherits). */
export function misbehavingWorker(): WorkerEntry {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { filename: import.meta.url, execArgv: ['--import', tsx] };
}
