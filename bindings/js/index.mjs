// sspr-errors for Node.js, as an ES module: the WebAssembly module beside this
// file is loaded when the package is imported, so every function is ready.
import { readFileSync } from 'node:fs';
import { createSync } from './core.mjs';

const api = createSync(readFileSync(new URL('./sspr-errors.wasm', import.meta.url)));

export const {
  version, catalogVersion, count, at, entries, lookup, search, byId, byName, byCode, byHresult,
  parseHresult, decode, scan, scanMatches, Scanner,
} = api;

// For code that also runs in browsers (browser.mjs): here it is ready at once.
export async function init() {
  return api;
}

export { create, createSync } from './core.mjs';
export default api;
