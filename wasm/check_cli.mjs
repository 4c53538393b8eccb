// The CLI compiled to WebAssembly and run under Node prints what the same
// CLI compiled natively prints, byte for byte, and exits the same, for every
// command: lookup, search, decode, show, list, scan (files and standard
// input, text and JSON, every export form of the test vector), incidents,
// annotate, report and the usage errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';

const js = process.env.SSPR_ERRORS_CLI_JS;
const native = process.env.SSPR_ERRORS_CLI_NATIVE;
const root = process.env.SSPR_ERRORS_SOURCE_ROOT;
const scanDir = join(root, 'tests', 'vectors', 'scan');
const exports = readdirSync(scanDir).sort().map((f) => join(scanDir, f));

const cases = [
  ['lookup', '32009'], ['lookup', '--json', '0x80230619'], ['lookup', 'Event ID 6329'],
  ['lookup', 'hr=800700CE', 'AuthTokenError'], ['lookup', '-2145188327'],
  ['lookup', 'Error getting auth token'], ['lookup', '--json', 'nothing like this'],
  ['lookup', 'nothing like this'], ['lookup', '0x80070005'],
  ['search', 'the text message with the code never arrives'],
  ['search', '--json', '--limit', '10', 'writeback', 'broke', 'after', 'second', 'forest'],
  ['search', 'zzzz'],
  ['decode', '--json', 'hr=800700CE'], ['decode', 'HR 8023042'], ['decode', 'not-hex'],
  ['show', 'prs-32009'], ['show', '--json', 'adsync-6329-80230619'], ['show', 'no-such-id'],
  ['list'], ['list', '--json', '--kind', 'procedure'], ['list', '--summary', '--json'],
  ['--version'], ['--help'], ['frobnicate'],
  ['scan', ...exports], ['scan', '--json', ...exports], ['scan', '--records', ...exports],
  ['scan', '--records', '--json', ...exports], ['scan', join(scanDir, 'missing.txt')],
  ['incidents', ...exports], ['incidents', '--json', ...exports],
  ['annotate', join(scanDir, 'viewer.txt')], ['report', '--format', 'md', ...exports],
];

function run(argv, input) {
  const [cmd, args] = argv === js ? ['node', ['--no-experimental-fetch', js]] : [argv, []];
  return (extra) => {
    const r = spawnSync(cmd, [...args, ...extra], { input, maxBuffer: 64 << 20 });
    return { status: r.status, stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('latin1') };
  };
}

for (const args of cases) {
  test(args.map((a) => a.replace(root + '/', '')).join(' '), () => {
    assert.deepEqual(run(js)(args), run(native)(args));
  });
}

for (const file of exports) {
  test(`scan --records --json < ${file.replace(root + '/', '')}`, () => {
    const input = readFileSync(file);
    const args = ['scan', '--records', '--json'];
    assert.deepEqual(run(js, input)(args), run(native, input)(args));
  });
}
