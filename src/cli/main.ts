#!/usr/bin/env node
/** The `quotecard` bin: runs the command on this process's arguments and streams. */
import { runCli } from './cli-run.js';

/** `quotecard worker` stops on the first SIGTERM or SIGINT, after the cards in hand; a second one ends it at once. */
function onSignal(stop: (signal: string) => void): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    stopping = true;
    stop(signal);
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}

runCli(process.argv.slice(2), { cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, onSignal }).then(
  (code) => {
    process.exitCode = code;
  },
);
