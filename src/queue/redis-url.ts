/**
 * The `queue` option: a Redis URL, checked and turned into the connection options BullMQ hands to
 * ioredis. Only `redis:` and `rediss:` (TLS) URLs; the path, when there is one, is the database number.
 */
import { describe, InputError } from '../errors.js';

/** What ioredis connects with. */
export interface RedisConnection {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls?: Record<string, never>;
  /** null: a command waits through a Redis restart instead of failing (BullMQ needs this for workers). */
  maxRetriesPerRequest: null;
}

const ALLOWED = 'a Redis URL: redis://[user:password@]host[:port][/db] or rediss://…';

/** The connection options for a `queue` URL, or an `InputError` naming `field`. */
export function redisConnection(url: string, field = 'queue'): RedisConnection {
  let parsed: URL;
  const bad = () => new InputError('invalid-option', `Invalid value for option "${field}"`, { field, allowed: ALLOWED, received: describe(shownUrl(url)) });
  try {
    parsed = new URL(url);
  } catch {
    throw bad();
  }
  if ((parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') || !parsed.hostname) throw bad();
  const path = parsed.pathname.replace(/^\//, '');
  if (path && !/^\d{1,2}$/.test(path)) throw bad();
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host,
    port: parsed.port ? Number(parsed.port) : 6379,
    db: path ? Number(path) : 0,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

/** The URL without its password, for messages. */
export function shownUrl(url: string): string {
  return url.replace(/(\/\/[^:@/]*:)[^@/]*@/, '$1***@');
}
