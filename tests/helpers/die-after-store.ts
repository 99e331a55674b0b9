/**
 * A queue worker that dies the moment it has stored a card: its store writes the card's files and the
 * worker's note of them, then the process SIGKILLs itself — after the files are stored, before the job is
 * reported done. A test runs it as a process of its own and checks that the worker which takes the job up
 * finds the files and does not draw the card again.
 *   node --import tsx tests/helpers/die-after-store.ts <redis URL> <queue name> <out folder>
 */
import { fileStore } from '../../src/queue/card-store.js';
import { startWorker } from '../../src/queue/index.js';
import type { CardStore } from '../../src/types.js';

const [queue, name, out] = process.argv.slice(2) as [string, string, string];
const files = fileStore(out);
const store: CardStore = {
  has: (n) => files.has(n),
  get: (n) => files.get?.(n) ?? Promise.resolve(undefined),
  async put(n, data) {
    await files.put(n, data);
    // the note is the last thing a try stores
    if (n.startsWith('.quotecard/')) process.kill(process.pid, 'SIGKILL');
  },
};
await startWorker({ queue, name, store, concurrency: 1, stalledAfter: 1000 });
process.stdout.write('ready\n');
