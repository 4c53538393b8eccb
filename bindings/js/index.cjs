// sspr-errors for Node.js, for require(): the WebAssembly module beside this
// file is loaded when the package is required, so every function is ready.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { create, createSync } = require('./core.cjs');

const api = createSync(readFileSync(join(__dirname, 'sspr-errors.wasm')));

module.exports = {
  ...api,
  // For code that also runs in browsers (browser.mjs): here it is ready at once.
  init: async () => api,
  create,
  createSync,
};
module.exports.default = module.exports;
