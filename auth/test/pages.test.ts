import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consentPage, errorPage, escapeHtml, PRODUCT_NAME, signInPage } from '../src/pages.js';
import { SCOPE_DESCRIPTIONS } from '../src/scopes.js';

/** Breaks out of element content, a double- or single-quoted attribute, and a template literal. */
const HOSTILE = `"'><script>alert(1)</script>\`=`;
const ESCAPED = escapeHtml(HOSTILE);

/** The text a reader sees: tags dropped, entities decoded, whitespace collapsed. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ')
    .trim();
}

const gauzy = { host: 'gauzy.example.com', sandbox: false };

test('the sign-in page names the product and the Gauzy the password goes to', () => {
  const html = signInPage({ action: '/oauth2/interaction/u/login', csrf: 't', clientName: 'Claude Desktop', gauzy });
  assert.match(html, new RegExp(`<title>Sign in with Ever Gauzy · ${PRODUCT_NAME}</title>`));
  const text = visibleText(html);
  assert.match(text, /gauzy-mcp for Ever Gauzy/);
  assert.match(text, /Claude Desktop wants to use Ever Gauzy as you/);
  assert.match(text, /Signing in to Gauzy at gauzy\.example\.com/);
  assert.doesNotMatch(text, /sandbox/);
  assert.match(visibleText(signInPage({ action: '/a', csrf: 't', clientName: 'c', gauzy: { host: '127.0.0.1:4000', sandbox: true } })), /Signing in to the bundled Gauzy sandbox at 127\.0\.0\.1:4000/);
});

test('the error state: an alert the fields point at, the email kept, the focus on the password', () => {
  const html = signInPage({ action: '/a', csrf: 't', clientName: 'c', gauzy, email: 'ada@example.com', error: 'Gauzy did not accept that email and password.' });
  assert.match(html, /<div class="alert" role="alert" id="sign-in-error">.*Gauzy did not accept that email and password\./);
  assert.match(html, /<input id="email"[^>]*aria-describedby="sign-in-error"[^>]*value="ada@example\.com">/);
  assert.match(html, /<input id="password"[^>]*autofocus aria-describedby="sign-in-error">/);
  assert.doesNotMatch(html, /<input id="email"[^>]*autofocus/);
  assert.doesNotMatch(signInPage({ action: '/a', csrf: 't', clientName: 'c', gauzy }), /role="alert"|aria-describedby/);
});

test('consent lists what each scope allows in plain words, with what a scope includes', () => {
  const page = (scopes: string[]) =>
    visibleText(consentPage({ action: '/a', csrf: 't', clientName: 'Cursor', redirectHost: '127.0.0.1:33418', gauzy, account: { name: 'Ada Lovelace', email: 'ada@example.com' }, scopes, organizations: [{ id: 'o1', name: 'Acme' }], selectedOrganizationId: 'o1' }));
  const read = page(['mcp.read']);
  assert.match(read, /Cursor wants to use Ever Gauzy as Ada Lovelace \(ada@example\.com\)/);
  assert.match(read, /Returns to 127\.0\.0\.1:33418 Gauzy gauzy\.example\.com Organization Acme Scopes mcp\.read/);
  assert.ok(read.includes(`${SCOPE_DESCRIPTIONS['mcp.read'].summary} ${SCOPE_DESCRIPTIONS['mcp.read'].detail}`), read);
  assert.ok(!read.includes(SCOPE_DESCRIPTIONS['mcp.write'].summary) && !read.includes(SCOPE_DESCRIPTIONS['mcp.admin'].summary), read);
  // mcp.write includes reading (the host's rule): the page says so rather than describe "them" out of nowhere.
  const write = page(['mcp.write']);
  assert.ok(write.indexOf(SCOPE_DESCRIPTIONS['mcp.read'].summary) < write.indexOf(SCOPE_DESCRIPTIONS['mcp.write'].summary) && write.includes(SCOPE_DESCRIPTIONS['mcp.read'].summary), write);
  assert.match(write, /Scopes mcp\.write It will be able to/, 'the scopes line names only what was asked for');
  const admin = page(['mcp.admin']);
  for (const scope of ['mcp.read', 'mcp.write', 'mcp.admin'] as const) assert.ok(admin.includes(SCOPE_DESCRIPTIONS[scope].summary), admin);
  assert.match(page(['mcp.read', 'something.else']), /something\.else/, 'a scope without words is shown by its name');
});

test('every value on every page is escaped', () => {
  const pages = [
    signInPage({ action: HOSTILE, csrf: HOSTILE, clientName: HOSTILE, gauzy: { host: HOSTILE, sandbox: true }, email: HOSTILE, error: HOSTILE }),
    consentPage({ action: HOSTILE, csrf: HOSTILE, clientName: HOSTILE, redirectHost: HOSTILE, gauzy: { host: HOSTILE, sandbox: false }, account: { name: HOSTILE, email: HOSTILE }, scopes: [HOSTILE, 'mcp.read'], organizations: [{ id: HOSTILE, name: HOSTILE }, { id: 'o2' }], selectedOrganizationId: HOSTILE }),
    consentPage({ action: '/a', csrf: 't', clientName: 'c', redirectHost: 'h', gauzy, scopes: ['mcp.read'], organizations: [{ id: HOSTILE }] }),
    errorPage(HOSTILE),
  ];
  const counts = [6, 11, 1, 1];
  pages.forEach((html, index) => {
    assert.ok(!html.includes(HOSTILE) && !html.includes('<script'), `page ${index} carries the value unescaped`);
    assert.equal(html.split(ESCAPED).length - 1, counts[index], `page ${index}: every value is there, escaped`);
  });
});
