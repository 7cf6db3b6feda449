import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { formTargetOf } from '../src/page-security.js';
import { authorizeUrl, HeaderBrowser, pkce, registerClient, startStack, type Stack } from './helpers.js';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((directive) => directive.trim().split(/\s+/)).filter((parts) => parts[0]).map(([name, ...values]) => [name!, values]));
}

/** The headers every HTML page of the auth server sends: not framable, no sniffing, no referrer, not cached, nothing but its own style. */
function assertLockedDown(page: { response: Response; html: string; url: string }, formTargets: string[] = []): void {
  const { headers } = page.response;
  const where = `${page.response.status} ${page.url}`;
  assert.match(headers.get('content-type') ?? '', /^text\/html/, where);
  assert.equal(headers.get('x-frame-options'), 'DENY', where);
  assert.equal(headers.get('x-content-type-options'), 'nosniff', where);
  assert.equal(headers.get('referrer-policy'), 'no-referrer', where);
  assert.match(headers.get('cache-control') ?? '', /no-store/, where);
  const policy = headers.get('content-security-policy');
  assert.ok(policy, `${where}: no Content-Security-Policy`);
  const csp = directives(policy);
  assert.deepEqual(csp.get('default-src'), ["'none'"], policy);
  assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], policy);
  assert.deepEqual(csp.get('base-uri'), ["'none'"], policy);
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/, policy);
  assert.equal(csp.get('script-src'), undefined, `${policy}: the pages run no script, default-src 'none' covers it`);
  // The page's only style is inline; the policy allows exactly that style by its hash.
  const styles = [...page.html.matchAll(/<style>([^<]*)<\/style>/g)].map((match) => `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`);
  assert.equal(styles.length, 1, `${where}: one inline style`);
  assert.deepEqual(csp.get('style-src'), styles, policy);
  if (page.html.includes('<form')) assert.deepEqual(csp.get('form-action'), ["'self'", ...formTargets], policy);
  else assert.deepEqual(csp.get('form-action'), ["'none'"], policy);
}

describe('the sign-in, consent and error pages cannot be framed and load nothing but their own style', () => {
  let stack: Stack;
  let clientId: string;
  before(async () => {
    stack = await startStack();
    clientId = (await registerClient(stack.issuer)).client_id;
  });
  after(async () => {
    await stack?.close();
  });
  const start = () => authorizeUrl(stack.issuer, { client_id: clientId, code_challenge: pkce().challenge, code_challenge_method: 'S256', resource: stack.host.mcpUrl });

  test('sign-in, a wrong password, and consent; their forms may lead only here and to the client\'s redirect origin', async () => {
    const browser = new HeaderBrowser();
    const signIn = await browser.page(start());
    assert.match(signIn.html, /Sign in with Ever Gauzy/);
    assertLockedDown(signIn, ['http://127.0.0.1:1']);
    const user = stack.sandbox.seed.users.employee;
    const again = await browser.submit(signIn, { email: user.email, password: 'not-the-password' });
    assert.match(again.html, /did not accept/);
    assertLockedDown(again, ['http://127.0.0.1:1']);
    const consent = await browser.submit(again, { email: user.email, password: user.password });
    assert.match(consent.html, /Allow access\?/);
    assertLockedDown(consent, ['http://127.0.0.1:1']);
    const done = await browser.submit(consent, { decision: 'allow' });
    assert.ok(new URL(done.url).searchParams.get('code'), done.url);
  });

  test('error pages: a forged form, an unknown interaction, and oidc-provider\'s own error page', async () => {
    const browser = new HeaderBrowser();
    const signIn = await browser.page(start());
    const action = /action="([^"]+)"/.exec(signIn.html)![1]!;
    const forged = await browser.page(new URL(action, signIn.url).href, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%40b.c&password=x' });
    assert.equal(forged.response.status, 403);
    assertLockedDown(forged);
    const unknown = await new HeaderBrowser().page(`${stack.issuer}/oauth2/interaction/no-such-interaction`);
    assert.equal(unknown.response.status, 400);
    assertLockedDown(unknown);
    const badRedirect = await new HeaderBrowser().page(authorizeUrl(stack.issuer, { client_id: clientId, redirect_uri: 'https://evil.example/steal', code_challenge: pkce().challenge, code_challenge_method: 'S256', resource: stack.host.mcpUrl }));
    assert.equal(badRedirect.response.status, 400);
    assertLockedDown(badRedirect);
  });
});

test('a redirect URI becomes one plain form-action source, or none', () => {
  const table: ReadonlyArray<[string, string | undefined]> = [
    ['http://127.0.0.1:33418/callback', 'http://127.0.0.1:33418'],
    ['https://app.example.com/oauth/callback?x=1', 'https://app.example.com'],
    ['http://[::1]:8080/cb', 'http://[::1]:8080'],
    ['cursor://anysphere.cursor-mcp/oauth/callback', 'cursor:'],
    ['com.example.app:/oauth2redirect', 'com.example.app:'],
    ["https://a;script-src 'unsafe-inline'.example/cb", undefined],
    ['https://a,b.example/cb', undefined],
    ['javascript:alert(1)', undefined],
    ['data:text/html,x', undefined],
    ['not a url', undefined],
  ];
  for (const [uri, source] of table) assert.equal(formTargetOf(uri), source, uri);
});
