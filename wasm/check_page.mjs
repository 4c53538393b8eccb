// The searchable reference page (wasm/page.mjs) in headless Chromium, opened
// from file:// as a reader would: ?q= runs on load, and the answers are links
// to the entries' #ID anchors inside id="results", best first. Without its
// style and script the page is the plain page, byte for byte.
//
//   node --test wasm/check_page.mjs                (meson test reference-search)
//   node wasm/check_page.mjs --screenshot OUT.png  (doc/reference-search.png)
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import test from 'node:test';

const page = process.env.SSPR_ERRORS_PAGE;
const plain = process.env.SSPR_ERRORS_PLAIN_PAGE;
const chromium = process.env.SSPR_ERRORS_CHROMIUM;
const url = (q) => pathToFileURL(page).href + (q === null ? '' : '?q=' + encodeURIComponent(q));

async function chrome(...args) {
  const profile = mkdtempSync(join(tmpdir(), 'sspr-chromium-'));
  try {
    const { stdout } = await promisify(execFile)(chromium, ['--headless', '--no-sandbox',
      '--disable-gpu', `--user-data-dir=${profile}`, '--virtual-time-budget=5000', ...args],
    { maxBuffer: 64 << 20 });
    return stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

// The ids the results list links to, in order, and the status line.
async function answers(q) {
  const dom = await chrome('--dump-dom', url(q));
  const list = dom.match(/<ol id="results">([\s\S]*?)<\/ol>/);
  assert.ok(list, `no <ol id="results"> in the page for ?q=${q}`);
  const status = dom.match(/<p id="search-status"[^>]*>([^<]*)<\/p>/)[1];
  return { ids: [...list[1].matchAll(/<a href="#([^"]+)"/g)].map((m) => m[1]), status, dom };
}

if (process.argv[2] === '--screenshot') {
  await chrome(`--screenshot=${process.argv[3]}`, '--window-size=1000,760', '--hide-scrollbars',
    url('text message never arrives'));
  process.exit(0);
}

test('without its style and script, the plain page', () => {
  const html = readFileSync(page, 'utf8')
    .replace(/<style id="search-style">[\s\S]*?<\/style>\n/, '')
    .replace(/<script id="search-script">[\s\S]*?<\/script>\n/, '');
  assert.equal(html, readFileSync(plain, 'utf8'));
  try {
    execFileSync('xmllint', ['--noout', page], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    if (err.code !== 'ENOENT') assert.fail(`xmllint --noout: ${err.stderr}`);
  }
});

const skip = !chromium && 'chromium not installed';

test('?q=32009 lists prs-32009 first', { skip }, async () => {
  const { ids, status } = await answers('32009');
  assert.equal(ids[0], 'prs-32009');
  assert.ok(ids.includes('wb-setup-auth-token-error'));
  assert.match(status, /entries, best first/);
});

test('?q=text message never arrives lists the SMS symptom in the top 3', { skip }, async () => {
  const { ids } = await answers('text message never arrives');
  assert.ok(ids.slice(0, 3).includes('reset-no-sms-or-call'), ids.join(' '));
});

test('an HRESULT, a name and a pasted message', { skip }, async () => {
  assert.equal((await answers('0x80230619')).ids[0], 'adsync-6329-80230619');
  assert.equal((await answers('AuthTokenError')).ids[0], 'prs-32009');
  assert.equal((await answers('Error getting auth token')).ids[0], 'prs-32009');
});

test('every answer is an anchor of the page; nothing for no query or no match', { skip }, async () => {
  const { ids, dom } = await answers('password writeback');
  assert.ok(ids.length >= 5 && ids.length <= 10);
  for (const id of ids) assert.ok(dom.includes(`id="${id}"`), id);
  const none = await answers(null);
  assert.deepEqual(none.ids, []);
  assert.match(none.status, /^Type/);
  const nothing = await answers('zzzzqqq');
  assert.deepEqual(nothing.ids, []);
  assert.match(nothing.status, /Nothing/);
});
