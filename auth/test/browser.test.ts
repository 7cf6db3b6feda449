import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { SCOPE_DESCRIPTIONS } from '../src/scopes.js';
import { authorizeUrl, CALLBACK, pkce, registerClient, startStack, tokenRequest, type Stack } from './helpers.js';

// The browser's globals, for the functions page.evaluate runs in the page (this Node project loads no DOM types).
declare const document: { documentElement: { scrollWidth: number }; activeElement: { id: string; textContent: string | null } | null };
declare const window: { innerWidth: number };
declare function getComputedStyle(element: unknown): { backgroundColor: string; boxShadow: string };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Where the screenshots go: with UPDATE_SCREENSHOTS=1, the ones docs/ shows (README links them); otherwise
 * a git-ignored folder, named in the test output.
 */
const SCREENSHOTS = fileURLToPath(new URL(process.env.UPDATE_SCREENSHOTS === '1' ? '../../docs/screenshots/' : '../../test-output/auth-pages/', import.meta.url));
const DESKTOP: BrowserContextOptions = { viewport: { width: 960, height: 720 } };
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

describe('the sign-in, organization and consent pages in headless Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    stack = await startStack();
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  /**
   * A page that records what its Content-Security-Policy refused and every request it made: the pages must
   * work under the policy without a single violation, and load nothing (no font, style sheet, image or
   * script) from anywhere: every request is a navigation, to this machine.
   */
  async function openPage(options: BrowserContextOptions = DESKTOP): Promise<{ page: Page; violations: string[]; requests: Array<{ url: string; type: string }> }> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // When the browser closes (after all), it closes the contexts first: the context's own close then rejects, which is not a failure.
    page.on('close', () => void context.close().catch(() => {}));
    const violations: string[] = [];
    const requests: Array<{ url: string; type: string }> = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
    return { page, violations, requests };
  }

  function assertLoadedNothing(requests: ReadonlyArray<{ url: string; type: string }>): void {
    assert.ok(requests.length > 0, 'the requests were recorded');
    for (const request of requests) {
      assert.ok(LOOPBACK.has(new URL(request.url).hostname), `a request off this machine: ${request.url}`);
      assert.equal(request.type, 'document', `a page loaded a ${request.type}: ${request.url}`);
    }
  }

  /** The page fits the viewport's width: nothing scrolls sideways. */
  async function assertNoSidewaysScroll(page: Page, what: string): Promise<void> {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    // A phone zooms out to show content wider than the screen, which widens innerWidth: it must stay the screen's.
    assert.equal(innerWidth, page.viewportSize()!.width, `${what}: the page was zoomed out to ${innerWidth}px`);
    assert.ok(scrollWidth <= innerWidth, `${what}: ${scrollWidth}px of content in a ${innerWidth}px viewport`);
  }

  async function shot(page: Page, name: string, diagnostic: (message: string) => void): Promise<void> {
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
    diagnostic(`screenshot: ${path}`);
  }

  const start = (clientId: string, challenge = pkce().challenge, scope?: string) =>
    authorizeUrl(stack.issuer, { client_id: clientId, code_challenge: challenge, code_challenge_method: 'S256', resource: stack.host.mcpUrl, scope });

  test('a user signs in, picks an organization, allows access; the token acts in that organization', async (t) => {
    const client = await registerClient(stack.issuer, { client_name: 'Claude Desktop' });
    const pair = pkce();
    const { page, violations, requests } = await openPage();
    // Nothing listens at the client's callback: catch the redirect there and keep its URL.
    let callback: URL | undefined;
    await page.route(`${CALLBACK}**`, async (route) => {
      callback = new URL(route.request().url());
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>signed in</p>' });
    });
    await page.goto(start(client.client_id, pair.challenge));
    await page.getByRole('heading', { name: 'Sign in with Ever Gauzy' }).waitFor();
    assert.match(await page.title(), /gauzy-mcp/, 'the product is named in the title');
    assert.match(await page.locator('header').innerText(), /gauzy-mcp/, 'and on the page');
    const gauzyHost = new URL(stack.sandbox.url).host;
    const signInText = await page.locator('main').innerText();
    assert.match(signInText, /Claude Desktop wants to use Ever Gauzy/);
    assert.ok(signInText.includes(`Signing in to the bundled Gauzy sandbox at ${gauzyHost}`), signInText);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'email', 'the email field has the focus');
    assert.notEqual(await page.getByLabel('Gauzy email').evaluate((element) => getComputedStyle(element).boxShadow), 'none', 'the focused field shows a focus ring');
    await shot(page, 'sign-in', (m) => t.diagnostic(m));

    const user = stack.sandbox.seed.users.employee;
    await page.getByLabel('Gauzy email').fill(user.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /did not accept that email and password/);
    assert.equal(await page.getByLabel('Gauzy email').inputValue(), user.email, 'the email is kept');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password', 'the password field has the focus');
    assert.equal(await page.getByLabel('Password').getAttribute('aria-describedby'), await page.getByRole('alert').getAttribute('id'), 'the fields point at the error');
    await shot(page, 'sign-in-error', (m) => t.diagnostic(m));

    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Allow access?' }).waitFor();
    const consentText = await page.locator('main').innerText();
    assert.match(consentText, /Claude Desktop wants to use Ever Gauzy as Default Employee \(employee@ever\.co\)/);
    assert.match(consentText, /Returns to\s+127\.0\.0\.1:1/, 'the redirect host is shown');
    assert.ok(consentText.includes(gauzyHost), 'and the Gauzy');
    for (const scope of ['mcp.read', 'mcp.write'] as const) {
      assert.ok(consentText.includes(SCOPE_DESCRIPTIONS[scope].summary), `${scope} in plain words: ${consentText}`);
      assert.ok(consentText.includes(SCOPE_DESCRIPTIONS[scope].detail), consentText);
    }
    assert.ok(!consentText.includes(SCOPE_DESCRIPTIONS['mcp.admin'].summary), 'a scope not asked for is not described');
    const [allow, deny] = await Promise.all(['Allow', 'Deny'].map((name) => page.getByRole('button', { name }).evaluate((element) => getComputedStyle(element).backgroundColor)));
    assert.notEqual(allow, deny, 'Allow reads as the primary button, Deny as the secondary');
    assert.notEqual(allow, 'rgba(0, 0, 0, 0)', 'Allow is filled');
    await page.getByRole('button', { name: 'Deny' }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Allow', 'Tab moves from Deny to Allow');
    assert.notEqual(await page.getByRole('button', { name: 'Allow' }).evaluate((element) => getComputedStyle(element).boxShadow), 'none', 'a button reached by keyboard shows a focus ring');
    await page.getByRole('button', { name: 'Allow' }).blur();
    const second = stack.sandbox.seed.secondOrganizationId;
    await page.getByLabel('Organization').selectOption(second);
    await shot(page, 'consent', (m) => t.diagnostic(m));
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(`${CALLBACK}**`);
    await page.close();
    assert.deepEqual(violations, [], 'the pages, their style and the redirect to the client all pass the Content-Security-Policy');
    assertLoadedNothing(requests);

    assert.ok(callback?.searchParams.get('code'), String(callback));
    const tokens = await tokenRequest(stack.issuer, { grant_type: 'authorization_code', code: callback!.searchParams.get('code')!, code_verifier: pair.verifier, redirect_uri: CALLBACK, client_id: client.client_id, resource: stack.host.mcpUrl });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    const claims = JSON.parse(Buffer.from(String(tokens.body.access_token).split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    assert.equal(claims.organization_id, second, 'the chosen organization is in the token');
  });

  test('at 360 px the pages fit the screen: sign-in, its error, consent with the admin scope, and a very long client name', async (t) => {
    const client = await registerClient(stack.issuer, { client_name: 'Cursor' });
    const { page, violations, requests } = await openPage(PHONE);
    await page.goto(start(client.client_id, undefined, 'mcp.read mcp.write mcp.admin'));
    await page.getByRole('heading', { name: 'Sign in with Ever Gauzy' }).waitFor();
    await assertNoSidewaysScroll(page, 'sign-in');
    await shot(page, 'sign-in-mobile', (m) => t.diagnostic(m));
    const user = stack.sandbox.seed.users.localAdmin;
    await page.getByLabel('Gauzy email').fill(user.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await assertNoSidewaysScroll(page, 'sign-in with an error');
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Allow access?' }).waitFor();
    const consentText = await page.locator('main').innerText();
    for (const scope of ['mcp.read', 'mcp.write', 'mcp.admin'] as const) assert.ok(consentText.includes(SCOPE_DESCRIPTIONS[scope].summary), `${scope} in plain words: ${consentText}`);
    await assertNoSidewaysScroll(page, 'consent');
    for (const name of ['Allow', 'Deny']) {
      const box = (await page.getByRole('button', { name }).boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= 360 && box.height >= 44, `${name}: a full-size tap target on screen (${JSON.stringify(box)})`);
    }
    await shot(page, 'consent-mobile', (m) => t.diagnostic(m));
    await page.close();
    assert.deepEqual(violations, []);
    assertLoadedNothing(requests);

    // A client names itself: a name with no place to break wraps instead of widening the page.
    const long = await registerClient(stack.issuer, { client_name: `Unbroken${'X'.repeat(150)}` });
    const second = await openPage(PHONE);
    await second.page.goto(start(long.client_id));
    await second.page.getByRole('heading', { name: 'Sign in with Ever Gauzy' }).waitFor();
    await assertNoSidewaysScroll(second.page, 'sign-in for a client with a very long name');
    await second.page.close();
  });

  test('the error page: an expired sign-in says what to do, in the same look', async (t) => {
    const { page, violations, requests } = await openPage();
    const response = await page.goto(`${stack.issuer}/oauth2/interaction/no-such-interaction`);
    assert.equal(response?.status(), 400);
    await page.getByRole('heading', { name: 'Something went wrong' }).waitFor();
    assert.match(await page.getByRole('alert').innerText(), /Start again from your MCP client/);
    assert.match(await page.locator('header').innerText(), /gauzy-mcp/);
    await shot(page, 'error', (m) => t.diagnostic(m));
    await page.close();
    assert.deepEqual(violations, []);
    assertLoadedNothing(requests);
  });

  test('deny sends the user back to the client with access_denied', async () => {
    const client = await registerClient(stack.issuer, { client_name: 'Denied Client' });
    const { page, violations } = await openPage();
    let callback: URL | undefined;
    await page.route(`${CALLBACK}**`, async (route) => {
      callback = new URL(route.request().url());
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>back</p>' });
    });
    await page.goto(start(client.client_id));
    const user = stack.sandbox.seed.users.localAdmin;
    await page.getByLabel('Gauzy email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL(`${CALLBACK}**`);
    await page.close();
    assert.equal(callback?.searchParams.get('error'), 'access_denied');
    assert.deepEqual(violations, []);
  });
});
