/** The queue edge: articles → card jobs on BullMQ over Redis → workers on many machines → a store and a manifest; trimmed by cleanQueue. */
export { enqueueArticles } from './enqueue-articles.js';
export { startWorker } from './start-worker.js';
export { cleanQueue } from './clean-queue.js';
