// The browser entry point (browser.mjs) in headless Chromium: the package's
// folder served on loopback, init() fetches the .wasm beside it, and the
// answers are those of Node.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { promisify } from 'node:util';
import test from 'node:test';
import { esm, packageDir } from './helpers.mjs';

const chromium = process.env.SSPR_ERRORS_CHROMIUM;
const types = { '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.json': 'application/json' };

const page = `<!DOCTYPE html><html><body><pre id="out">pending</pre><script type="module">
import { init, lookup, search, decode, scan, byId } from './browser.mjs';
const out = document.getElementById('out');
try {
  const before = (() => { try { lookup('32009'); return 'no error'; } catch (e) { return 'error'; } })();
  await init();
  const answer = {
    before,
    lookup: lookup('Event ID 32009').map((e) => e.id),
    search: search('the text message with the code never arrives').map((h) => h.entry.id),
    decode: decode('hr=800700CE'),
    scan: scan('PasswordResetService: Error getting auth token\\nhr=800700CE'),
    title: byId('prs-32009').title,
  };
  out.textContent = encodeURIComponent(JSON.stringify(answer));
} catch (err) {
  out.textContent = 'ERROR ' + err;
}
</script></body></html>`;

test('browser.mjs in headless Chromium', { skip: !chromium && 'chromium not installed' }, async () => {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    try {
      const body = path === '/test.html' ? page : readFileSync(join(packageDir, normalize(path).replace(/^(\.\.[/\\])+/, '')));
      res.writeHead(200, { 'Content-Type': types[path.slice(path.lastIndexOf('.'))] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const profile = mkdtempSync(join(tmpdir(), 'sspr-chromium-'));
  try {
    const { stdout } = await promisify(execFile)(chromium, ['--headless', '--no-sandbox', '--disable-gpu',
      `--user-data-dir=${profile}`, '--virtual-time-budget=10000', '--dump-dom',
      `http://127.0.0.1:${server.address().port}/test.html`], { maxBuffer: 16 << 20 });
    const text = stdout.match(/<pre id="out">([^<]*)<\/pre>/)[1];
    assert.doesNotMatch(text, /^(pending|ERROR)/);
    const got = JSON.parse(decodeURIComponent(text));
    assert.deepEqual(got, JSON.parse(JSON.stringify({
      before: 'error',
      lookup: esm.lookup('Event ID 32009').map((e) => e.id),
      search: esm.search('the text message with the code never arrives').map((h) => h.entry.id),
      decode: esm.decode('hr=800700CE'),
      scan: esm.scan('PasswordResetService: Error getting auth token\nhr=800700CE'),
      title: esm.byId('prs-32009').title,
    })));
  } finally {
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
