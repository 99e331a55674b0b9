/** The queue edge: articles → card jobs on BullMQ over Redis → workers on many machines → a store and a manifest. */
export { enqueueArticles } from './enqueue-articles.js';
export { startWorker } from './start-worker.js';
