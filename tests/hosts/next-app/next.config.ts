import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// This folder is the app's root, not the quotecard repository around it (which has a lockfile too).
const here = path.dirname(fileURLToPath(import.meta.url));

const config: NextConfig = {
  // The runner builds twice: as `next start` serves it, then self-contained (NEXT_OUTPUT=standalone).
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  outputFileTracingRoot: here,
  turbopack: { root: here },
  // The native resvg addon cannot go into a bundle: Node loads the package as installed.
  serverExternalPackages: ['quotecard'],
};

export default config;
