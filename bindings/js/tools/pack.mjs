// Assembles the npm package and packs it:
//   node tools/pack.mjs VERSION WASM LICENSE STAGE OUTDIR
// STAGE (emptied) gets package.json's "files": this folder's sources,
// core.cjs and index.d.cts written from core.mjs and index.d.ts, the
// WebAssembly module built by meson and the project's licence; then
// `npm pack` writes sspr-errors-VERSION.tgz into OUTDIR. Nothing is fetched.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [version, wasm, license, stage, outdir] = process.argv.slice(2);
const fail = (msg) => {
  console.error(`tools/pack.mjs: ${msg}`);
  process.exit(1);
};

const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
if (pkg.version !== version) fail(`package.json has version ${pkg.version}, the project ${version}`);

// core.cjs: core.mjs with its one export statement made module.exports (Node
// 18 cannot require() an ES module).
function commonjs(text) {
  const exp = text.match(/^export \{ ([\w, ]+) \};\n/m);
  if (!exp || /^(export|import)\b/m.test(text.replace(exp[0], ''))) {
    fail("core.mjs: expected one 'export { ... };' line and no other import or export");
  }
  return "// Written from core.mjs by tools/pack.mjs.\n'use strict';\n" +
    text.replace(exp[0], `module.exports = { ${exp[1]} };\n`);
}

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
const made = {
  'core.cjs': () => writeFileSync(join(stage, 'core.cjs'),
    commonjs(readFileSync(join(here, 'core.mjs'), 'utf8'))),
  'index.d.cts': () => copyFileSync(join(here, 'index.d.ts'), join(stage, 'index.d.cts')),
  'sspr-errors.wasm': () => copyFileSync(wasm, join(stage, 'sspr-errors.wasm')),
  LICENSE: () => copyFileSync(license, join(stage, 'LICENSE')),
};
for (const f of pkg.files) (made[f] || (() => copyFileSync(join(here, f), join(stage, f))))();
copyFileSync(join(here, 'package.json'), join(stage, 'package.json'));

mkdirSync(outdir, { recursive: true });
execFileSync('npm', ['pack', '--offline', '--silent', '--pack-destination', resolve(outdir)],
  { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'] });
