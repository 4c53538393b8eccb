// sspr-errors in a browser (or any runtime with fetch and no file system):
// await init() once, then call the functions. init() fetches sspr-errors.wasm
// from beside this file, or takes the module's bytes, a URL or a Response.
import { create, createSync } from './core.mjs';

let api = null;

export async function init(source) {
  if (api && source === undefined) return api;
  let s = source === undefined ? new URL('./sspr-errors.wasm', import.meta.url) : source;
  if (typeof s === 'string' || s instanceof URL) s = await fetch(s);
  if (typeof Response !== 'undefined' && s instanceof Response && !s.ok) {
    throw new Error(`sspr-errors: cannot load ${s.url}: ${s.status} ${s.statusText}`);
  }
  api = await create(s);
  return api;
}

function ready() {
  if (!api) throw new Error('sspr-errors: call and await init() first');
  return api;
}

export const version = () => ready().version();
export const catalogVersion = () => ready().catalogVersion();
export const count = () => ready().count();
export const at = (i) => ready().at(i);
export const entries = () => ready().entries();
export const lookup = (query) => ready().lookup(query);
export const search = (text, options) => ready().search(text, options);
export const byId = (id) => ready().byId(id);
export const byName = (name) => ready().byName(name);
export const byCode = (code, source) => ready().byCode(code, source);
export const byHresult = (hresult) => ready().byHresult(hresult);
export const parseHresult = (text) => ready().parseHresult(text);
export const decode = (hresult) => ready().decode(hresult);
export const scan = (input, options) => ready().scan(input, options);
export const scanMatches = (input) => ready().scanMatches(input);
// new Scanner(options) once init() has resolved.
export class Scanner {
  constructor(options) {
    return new (ready().Scanner)(options);
  }
}
export { create, createSync };
export default {
  init, version, catalogVersion, count, at, entries, lookup, search, byId, byName, byCode,
  byHresult, parseHresult, decode, scan, scanMatches, Scanner,
};
