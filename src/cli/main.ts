#!/usr/bin/env node
/** The `quotecard` bin: runs the command on this process's arguments and streams. */
import { runCli } from './cli-run.js';

runCli(process.argv.slice(2), { cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
);
