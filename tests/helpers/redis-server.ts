/**
 * A real Redis for the queue tests: Debian's `redis-server` on 127.0.0.1, on a free port, in a temporary
 * folder of its own, with append-only persistence on (every write synced, so a restart loses nothing),
 * no RDB snapshots and no config file. `restart()` stops it the way an operator would (SIGTERM: Redis
 * writes what it holds and exits) and starts it again on the same port and folder, where it reloads the
 * append-only file. `stop()` ends it and removes the folder. `appendfsync: 'everysec'` (Redis's own default
 * with append-only on) syncs once a second instead, as a production Redis usually runs (`npm run bench:queue`).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the tests find redis-server (QUOTECARD_REDIS_SERVER names another binary). */
export const REDIS_SERVER = process.env.QUOTECARD_REDIS_SERVER || 'redis-server';

/** Whether redis-server can be run here. */
export function haveRedis(): boolean {
  return spawnSync(REDIS_SERVER, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A running Redis and how to stop or restart it. */
export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolve once something accepts connections on the port (Redis answers PING with +PONG). */
async function ready(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}: ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not answer on port ${port}: ${log()}`);
}

/** Start redis-server on 127.0.0.1 (a free port, a fresh folder, append-only on). */
export async function startRedis(options: { appendfsync?: 'always' | 'everysec' } = {}): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'qc-redis-'));
  const port = await freePort();
  let child: ChildProcess;
  let output = '';
  const launch = async () => {
    output = '';
    child = spawn(
      REDIS_SERVER,
      [
        '--bind', '127.0.0.1',
        '--port', String(port),
        '--dir', dir,
        '--appendonly', 'yes',
        '--appendfsync', options.appendfsync ?? 'always',
        '--save', '',
        '--daemonize', 'no',
        '--protected-mode', 'yes',
        '--maxmemory-policy', 'noeviction',
        '--loglevel', 'warning',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    await ready(port, child, () => output);
  };
  const halt = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async restart() {
      await halt();
      await launch();
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
