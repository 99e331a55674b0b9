/**
 * bullmq, loaded on first use: it is an optional peer dependency (with ioredis, about 12 MB that only the
 * queue needs), so importing quotecard never loads it and an install without it says what to add.
 */
import { InputError } from '../errors.js';

type Bullmq = typeof import('bullmq');
let loading: Promise<Bullmq> | undefined;

/** The bullmq module, or an InputError "package-missing" naming the install. */
export function loadBullmq(): Promise<Bullmq> {
  loading ??= import('bullmq').catch((error: unknown) => {
    loading = undefined;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError('package-missing', 'The queue needs the bullmq package, which is not installed', {
      field: 'queue',
      allowed: 'bullmq 5 installed beside quotecard (npm install bullmq@5; an optional peer dependency, docs/scale.md)',
      received: message,
      cause: error,
    });
  });
  return loading;
}
