/** Compile asm/scan.ts with AssemblyScript's compiler API; the bytes of the module. */
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

export const SCAN_SOURCE = fileURLToPath(new URL('../asm/scan.ts', import.meta.url));

export async function compileScan(): Promise<Uint8Array> {
  let bytes: Uint8Array | undefined;
  const { error, stderr } = await asc.main(
    [SCAN_SOURCE, '-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd', '--initialMemory', '1', '--outFile', 'scan.wasm'],
    {
      writeFile(name: string, contents: Uint8Array | string) {
        if (name.endsWith('.wasm') && typeof contents !== 'string') bytes = contents;
      },
    },
  );
  if (error) throw new Error(`asc failed: ${error.message}\n${stderr.toString()}`);
  if (!bytes) throw new Error('asc wrote no WebAssembly');
  return bytes;
}
