/**
 * A child process for tests/guest.test.ts: notes what the process looks like, imports quotecard,
 * extracts an article and draws a quote card and a post card, then prints what changed: V8 flags set,
 * globals added, process listeners, environment variables, and handles or timers left running.
 *   node --import tsx tests/helpers/guest-probe.ts
 */
import { syncBuiltinESMExports } from 'node:module';
import v8 from 'node:v8';

const flags: string[] = [];
const setFlags = v8.setFlagsFromString;
v8.setFlagsFromString = (flag: string) => {
  flags.push(flag);
  setFlags(flag);
};
syncBuiltinESMExports();

const events = ['exit', 'beforeExit', 'uncaughtException', 'unhandledRejection', 'warning', 'SIGINT', 'SIGTERM'] as const;
const listeners = () => Object.fromEntries(events.map((e) => [e, process.listenerCount(e)]));
const before = { globals: Object.keys(globalThis), env: { ...process.env }, listeners: listeners(), execArgv: [...process.execArgv] };
const resources = process.getActiveResourcesInfo();

const { extract, renderCard } = await import('../../src/index.js');
const afterImport = { flags: flags.length, globals: Object.keys(globalThis).filter((k) => !before.globals.includes(k)) };
const found = extract('<p>“We will rebuild the bridge before the storms come back,” the mayor said on Monday.</p>');
await renderCard(found.quotes[0] as never);
await renderCard({ kind: 'post', network: 'twitter', status: 'full', text: 'A post 🎉 #tag', author: { name: 'A B', handle: 'ab' }, links: [], start: 0, end: 0 });
await new Promise((resolve) => setTimeout(resolve, 50));

const envChanged = [...new Set([...Object.keys(before.env), ...Object.keys(process.env)])].filter((k) => before.env[k] !== process.env[k]);
const left = process.getActiveResourcesInfo().filter((r) => !resources.includes(r) || resources.filter((x) => x === r).length < process.getActiveResourcesInfo().filter((x) => x === r).length);
console.log(
  JSON.stringify({
    afterImport,
    flags,
    globals: Object.keys(globalThis).filter((k) => !before.globals.includes(k)),
    env: envChanged,
    listeners: Object.entries(listeners()).filter(([e, n]) => n !== before.listeners[e as (typeof events)[number]]),
    execArgv: process.execArgv.join(' ') === before.execArgv.join(' '),
    resources: left,
  }),
);
