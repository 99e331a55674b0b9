// Preloaded by tests/native-missing.test.ts: @resvg/resvg-js fails to load as it does when npm skipped
// its platform package (--omit=optional) or a bundler left the .node file behind.
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === '@resvg/resvg-js') throw new Error("Cannot find module '@resvg/resvg-js-linux-x64-gnu'\nRequire stack: …");
  return load.call(this, request, ...rest);
};
