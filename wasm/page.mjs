// The searchable reference page: the plain page that sspr-gen --emit html
// writes (doc/reference.html, built natively) with the search box added, all
// in one file that works from file://: the style before </head>, and before
// </body> one script holding the npm package's core.mjs, sspr-errors.wasm in
// base64 and the search box's code (page/search.js). Nothing else in the page
// changes, so without JavaScript it reads as the plain page.
//
//   node wasm/page.mjs REFERENCE.html SSPR-ERRORS.wasm CORE.mjs SEARCH.js SEARCH.css OUT.html
import { readFileSync, writeFileSync } from 'node:fs';

const [page, wasm, core, search, css, out] = process.argv.slice(2);
const fail = (msg) => {
  console.error(`wasm/page.mjs: ${msg}`);
  process.exit(1);
};

let html = readFileSync(page, 'utf8');
const coreText = readFileSync(core, 'utf8');
const exp = coreText.match(/^export \{ [\w, ]+ \};\n/m);
if (!exp) fail(`${core}: no 'export { ... };' line`);
const script = '(function () {\n\'use strict\';\n' + coreText.replace(exp[0], '') +
  `const SSPR_WASM_BASE64 = '${readFileSync(wasm).toString('base64')}';\n` +
  readFileSync(search, 'utf8') + '})();\n';
// The page is also well-formed XML: the script sits in a CDATA section.
if (/\]\]>|<\/script/i.test(script)) fail('the script holds "]]>" or "</script"');

for (const tag of ['</head>', '</body>']) {
  if (html.split(tag).length !== 2) fail(`${page}: expected one ${tag}`);
}
html = html.replace('</head>', () => `<style id="search-style">\n${readFileSync(css, 'utf8')}</style>\n</head>`);
html = html.replace('</body>', () => `<script id="search-script">//<![CDATA[\n${script}//]]></script>\n</body>`);
writeFileSync(out, html);
