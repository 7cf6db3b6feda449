import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { authorizeUrl, CALLBACK, pkce, registerClient, startStack, tokenRequest, type Stack } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots land here (git-ignored) and are named in the test output. */
const SCREENSHOTS = fileURLToPath(new URL('../../test-output/auth-pages/', import.meta.url));

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

  /** What the page's Content-Security-Policy refused: the pages must work under it without a single violation. */
  function cspViolations(page: Page): string[] {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    return violations;
  }

  async function shot(page: Page, name: string, diagnostic: (message: string) => void): Promise<void> {
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    diagnostic(`screenshot: ${path}`);
  }

  test('a user signs in, picks an organization, allows access; the token acts in that organization', async (t) => {
    const client = await registerClient(stack.issuer, { client_name: 'Chromium Test Client' });
    const pair = pkce();
    const page = await browser.newPage();
    const violations = cspViolations(page);
    // Nothing listens at the client's callback: catch the redirect there and keep its URL.
    let callback: URL | undefined;
    await page.route(`${CALLBACK}**`, async (route) => {
      callback = new URL(route.request().url());
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>signed in</p>' });
    });
    await page.goto(authorizeUrl(stack.issuer, { client_id: client.client_id, code_challenge: pair.challenge, code_challenge_method: 'S256', resource: stack.host.mcpUrl }));
    await page.getByRole('heading', { name: 'Sign in with Ever Gauzy' }).waitFor();
    await shot(page, '1-sign-in', (m) => t.diagnostic(m));

    const user = stack.sandbox.seed.users.employee;
    await page.getByLabel('Gauzy email').fill(user.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /did not accept that email and password/);
    await shot(page, '2-wrong-password', (m) => t.diagnostic(m));

    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Allow access?' }).waitFor();
    const consentText = await page.locator('main').innerText();
    assert.match(consentText, /Chromium Test Client/);
    assert.match(consentText, /127\.0\.0\.1:1/, 'the redirect host is shown');
    assert.match(consentText, /mcp\.read/);
    const second = stack.sandbox.seed.secondOrganizationId;
    await page.getByLabel('Organization').selectOption(second);
    await shot(page, '3-consent', (m) => t.diagnostic(m));
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(`${CALLBACK}**`);
    await page.close();
    assert.deepEqual(violations, [], 'the pages, their style and the redirect to the client all pass the Content-Security-Policy');

    assert.ok(callback?.searchParams.get('code'), String(callback));
    const tokens = await tokenRequest(stack.issuer, { grant_type: 'authorization_code', code: callback!.searchParams.get('code')!, code_verifier: pair.verifier, redirect_uri: CALLBACK, client_id: client.client_id, resource: stack.host.mcpUrl });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    const claims = JSON.parse(Buffer.from(String(tokens.body.access_token).split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    assert.equal(claims.organization_id, second, 'the chosen organization is in the token');
  });

  test('deny sends the user back to the client with access_denied', async (t) => {
    const client = await registerClient(stack.issuer, { client_name: 'Denied Client' });
    const page = await browser.newPage();
    const violations = cspViolations(page);
    let callback: URL | undefined;
    await page.route(`${CALLBACK}**`, async (route) => {
      callback = new URL(route.request().url());
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>back</p>' });
    });
    await page.goto(authorizeUrl(stack.issuer, { client_id: client.client_id, code_challenge: pkce().challenge, code_challenge_method: 'S256', resource: stack.host.mcpUrl }));
    const user = stack.sandbox.seed.users.localAdmin;
    await page.getByLabel('Gauzy email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL(`${CALLBACK}**`);
    await shot(page, '4-denied', (m) => t.diagnostic(m));
    await page.close();
    assert.equal(callback?.searchParams.get('error'), 'access_denied');
    assert.deepEqual(violations, []);
  });
});
