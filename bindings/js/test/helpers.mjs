// What the package's tests share: where meson put the package and the native
// CLI (the reference for the JSON contract), and how to run the CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const packageDir = resolve(process.env.SSPR_ERRORS_PACKAGE || '.');
export const root = process.env.SSPR_ERRORS_SOURCE_ROOT;
export const cli = process.env.SSPR_ERRORS_CLI_NATIVE;

export const esm = await import(pathToFileURL(join(packageDir, 'index.mjs')).href);
export const cjs = createRequire(join(packageDir, 'package.json'))('./index.cjs');

// The CLI's JSON answer to args (whatever its exit status).
export function cliJson(...args) {
  const r = spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status > 1) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

export const cliText = (...args) => execFileSync(cli, args, { encoding: 'utf8' });

// Every export the scanner's tests and the vector read: text forms, audit
// logs and .evtx files.
export function scanInputs() {
  const files = [];
  const add = (dir, keep) => {
    for (const f of readdirSync(join(root, dir)).sort()) if (keep(f)) files.push(join(root, dir, f));
  };
  add('tests/vectors/scan', () => true);
  for (const d of ['csv', 'formatlist', 'freetext', 'tab', 'xml']) add(`tests/scan/${d}`, (f) => f !== 'expected');
  add('tests/audit', (f) => /\.(json|csv)$/.test(f));
  add('tests/evtx/samples', (f) => f.endsWith('.evtx'));
  return files;
}
