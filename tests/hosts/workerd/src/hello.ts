// The harness's own check that workerd serves a bundled module worker; used while the package has no
// quotecard/wasm entry for src/worker.ts to import.
export default {
  async fetch(): Promise<Response> {
    return new Response(`workerd: ${navigator.userAgent}`, { headers: { 'Content-Type': 'text/plain' } });
  },
};
