// As a new user: the tarball `npm pack` made, installed offline into an empty
// folder, used from a five-line script (as an ES module and with require),
// and its TypeScript declarations compiled against (when tsc is installed).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import test from 'node:test';

const tarball = process.env.SSPR_ERRORS_TARBALL;
const dir = mkdtempSync(join(tmpdir(), 'sspr-errors-npm-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const script = `
console.log(lookup('Event ID 32009')[0].id);
console.log(search('the text message with the code never arrives')[0].entry.id);
console.log(decode('hr=800700CE').win32_name);
console.log(scan('PasswordResetService: Error getting auth token').map((r) => r.entries).join());
`;
const want = 'prs-32009\nreset-no-sms-or-call\nERROR_FILENAME_EXCED_RANGE\nprs-32009\n';

test('npm install --offline of the tarball into an empty folder', () => {
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
    cwd: dir, stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, npm_config_cache: join(dir, '.npm-cache'), npm_config_update_notifier: 'false' },
  });
  // no dependencies: the package alone
  assert.deepEqual(readdirSync(join(dir, 'node_modules')).filter((f) => !f.startsWith('.')), ['sspr-errors']);
  const pkg = join(dir, 'node_modules', 'sspr-errors');
  assert.ok(existsSync(join(pkg, 'sspr-errors.wasm')));
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  assert.equal(manifest.dependencies, undefined);
});

test('a five-line script, as an ES module', () => {
  writeFileSync(join(dir, 'use.mjs'),
    "import { lookup, search, decode, scan } from 'sspr-errors';" + script);
  assert.equal(execFileSync('node', ['use.mjs'], { cwd: dir, encoding: 'utf8' }), want);
});

test('the same with require()', () => {
  writeFileSync(join(dir, 'use.cjs'),
    "const { lookup, search, decode, scan } = require('sspr-errors');" + script);
  assert.equal(execFileSync('node', ['use.cjs'], { cwd: dir, encoding: 'utf8' }), want);
});

// The README's example (the one inside the installed package), run as it is.
test("the README's example prints what the README shows", () => {
  const readme = readFileSync(join(dir, 'node_modules', 'sspr-errors', 'README.md'), 'utf8');
  const block = (name) => {
    // the fenced block after the line <!-- example: NAME -->
    const at = readme.indexOf(`<!-- example: ${name} -->\n`);
    assert.ok(at >= 0, `README.md: no block ${name}`);
    const lines = readme.slice(at).split('\n');
    const end = lines.indexOf('```', 2);
    return lines.slice(2, end).join('\n') + '\n';
  };
  writeFileSync(join(dir, 'example.mjs'), block('example.mjs'));
  assert.equal(execFileSync('node', ['example.mjs'], { cwd: dir, encoding: 'utf8' }), block('example.out'));
});

const tsc = process.env.PATH.split(delimiter).map((d) => join(d, 'tsc')).find(existsSync);

test('TypeScript declarations (tsc --strict, ES module and CommonJS)', { skip: !tsc && 'tsc not installed' }, () => {
  const use = `
import { lookup, search, decode, scan, byId, Scanner, type Entry, type ScanRecord } from 'sspr-errors';
const first: Entry | undefined = lookup('32009')[0];
const score: number = search('text message', { limit: 3 })[0].score;
const name: string | null | undefined = decode('hr=800700CE')?.win32_name;
const records: ScanRecord[] = scan(new TextEncoder().encode('hr=800700CE'));
const code: number | null | undefined = byId('prs-32009')?.code;
const s = new Scanner({ mode: 'records' });
s.feed('x'); s.finish(); s.close();
console.log(first?.id, score, name, records.length, code);
`;
  writeFileSync(join(dir, 'use-ts.mts'), use);
  writeFileSync(join(dir, 'use-ts.cts'), use.replace(/^import (.*) from 'sspr-errors';$/m,
    "import sspr = require('sspr-errors');\nconst { lookup, search, decode, scan, byId, Scanner } = sspr;\ntype Entry = sspr.Entry; type ScanRecord = sspr.ScanRecord;"));
  const bad = join(dir, 'bad.mts');
  writeFileSync(bad, "import { lookup } from 'sspr-errors';\nconst n: number = lookup('32009');\n");
  const args = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16',
    '--target', 'es2020', '--lib', 'es2020,dom'];
  const run = (files) => {
    try {
      execFileSync(tsc, [...args, ...files], { cwd: dir, encoding: 'utf8' });
      return '';
    } catch (err) {
      return err.stdout || String(err);
    }
  };
  assert.equal(run([join(dir, 'use-ts.mts'), join(dir, 'use-ts.cts')]), '');
  assert.match(run([bad]), /not assignable to type 'number'/);
});
