// Preloaded by tests/queue-no-bullmq.test.ts (--import): "bullmq" does not resolve, as in an install of
// quotecard without its optional peer dependency.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (specifier === 'bullmq') {
        const error = new Error("Cannot find package 'bullmq' imported from " + context.parentURL);
        error.code = 'ERR_MODULE_NOT_FOUND';
        throw error;
      }
      return next(specifier, context);
    }
  `)}`,
);
