import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { authorizeUrl, Browser, CALLBACK, HeaderBrowser, pkce, registerClient, signInAndConsent, startStack, tokenRequest, type Stack } from './helpers.js';

describe('the authorization server refuses what OAuth 2.1 forbids', () => {
  let stack: Stack;
  let clientId: string;
  before(async () => {
    // One client makes many token requests here; the per-client limit has its own test.
    stack = await startStack({ tokenRateLimit: { max: 1000, windowSeconds: 3600 } });
    clientId = (await registerClient(stack.issuer)).client_id;
  });
  after(async () => {
    await stack?.close();
  });
  const user = () => stack.sandbox.seed.users.employee;
  const resource = () => stack.host.mcpUrl;

  async function code(pair = pkce(), extra: Record<string, string> = {}): Promise<{ code: string; pair: ReturnType<typeof pkce> }> {
    const callback = await signInAndConsent(authorizeUrl(stack.issuer, { client_id: clientId, code_challenge: pair.challenge, code_challenge_method: 'S256', resource: resource(), ...extra }), user());
    const value = callback.searchParams.get('code');
    assert.ok(value, `no code: ${callback}`);
    return { code: value, pair };
  }

  const exchange = (codeValue: string, verifier: string, extra: Record<string, string> = {}) =>
    tokenRequest(stack.issuer, { grant_type: 'authorization_code', code: codeValue, code_verifier: verifier, redirect_uri: CALLBACK, client_id: clientId, resource: resource(), ...extra });

  test('metadata advertises S256 only, the iss response parameter, and the endpoints', async () => {
    const metadata = (await (await fetch(`${stack.issuer}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
    assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
    assert.equal(metadata.authorization_response_iss_parameter_supported, true);
    assert.equal(metadata.token_endpoint, `${stack.issuer}/oauth2/token`);
    assert.equal(metadata.registration_endpoint, `${stack.issuer}/oauth2/register`);
    assert.equal(metadata.jwks_uri, `${stack.issuer}/.well-known/jwks.json`);
  });

  test('every endpoint the metadata advertises answers (nothing advertised 404s)', async () => {
    // Endpoints a client POSTs to; every other URL in the metadata is fetched with GET.
    const posted = new Set(['token_endpoint', 'introspection_endpoint', 'revocation_endpoint', 'registration_endpoint', 'pushed_authorization_request_endpoint', 'device_authorization_endpoint', 'backchannel_authentication_endpoint']);
    for (const document of ['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration']) {
      const metadata = (await (await fetch(`${stack.issuer}${document}`)).json()) as Record<string, unknown>;
      const advertised = Object.entries(metadata).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && /^https?:\/\//.test(entry[1]) && entry[0] !== 'issuer');
      assert.ok(advertised.length >= 7, JSON.stringify(advertised));
      for (const [name, url] of advertised) {
        const method = posted.has(name) ? 'POST' : 'GET';
        const response = await fetch(url, { method, redirect: 'manual', ...(method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' } : {}) });
        await response.body?.cancel();
        assert.notEqual(response.status, 404, `${document} advertises ${name} at ${url}, which answers ${method} with 404`);
      }
    }
  });

  test('a request without scope is granted the everyday scopes, never mcp.admin', async () => {
    const pair = pkce();
    const callback = await signInAndConsent(authorizeUrl(stack.issuer, { client_id: clientId, scope: undefined, code_challenge: pair.challenge, code_challenge_method: 'S256', resource: resource() }), user());
    const tokens = await exchange(callback.searchParams.get('code')!, pair.verifier);
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.deepEqual(String(tokens.body.scope).split(' ').sort(), ['mcp.read', 'mcp.write']);
  });

  test('an authorization request without a resource (RFC 8707) is refused, not guessed', async () => {
    const page = await new Browser().go(authorizeUrl(stack.issuer, { client_id: clientId, code_challenge: pkce().challenge, code_challenge_method: 'S256' }));
    assert.match(page.url, /^http:\/\/127\.0\.0\.1:1\/callback\?error=invalid_target/);
  });

  test('missing PKCE and plain PKCE are refused', async () => {
    const browser = new Browser();
    const missing = await browser.go(authorizeUrl(stack.issuer, { client_id: clientId, resource: resource() }));
    assert.match(missing.url, /error=invalid_request/);
    const plain = await browser.go(authorizeUrl(stack.issuer, { client_id: clientId, resource: resource(), code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }));
    assert.match(plain.url, /error=invalid_request/);
  });

  test('a wrong verifier, a reused code, a mismatched redirect_uri, and another audience are refused', async () => {
    const first = await code();
    assert.equal((await exchange(first.code, pkce().verifier)).body.error, 'invalid_grant');
    const second = await code();
    assert.equal((await exchange(second.code, second.pair.verifier, { redirect_uri: 'http://127.0.0.1:1/other' })).body.error, 'invalid_grant');
    const third = await code();
    const ok = await exchange(third.code, third.pair.verifier);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal((await exchange(third.code, third.pair.verifier)).body.error, 'invalid_grant', 'a code works once');
    const afterReuse = await tokenRequest(stack.issuer, { grant_type: 'refresh_token', refresh_token: ok.body.refresh_token, client_id: clientId, resource: resource() });
    assert.equal(afterReuse.body.error, 'invalid_grant', 'replaying a code revokes what it issued');
    const fourth = await code();
    assert.equal((await exchange(fourth.code, fourth.pair.verifier, { resource: 'https://other.example/mcp' })).body.error, 'invalid_target');
    const elsewhere = await new Browser().go(authorizeUrl(stack.issuer, { client_id: clientId, code_challenge: pkce().challenge, code_challenge_method: 'S256', resource: 'https://other.example/mcp' }));
    assert.match(elsewhere.url, /^http:\/\/127\.0\.0\.1:1\/callback\?error=invalid_target/, 'no authorization for another resource');
  });

  test('refresh tokens rotate, and replaying a rotated one revokes the grant', async () => {
    const { code: value, pair } = await code();
    const first = await exchange(value, pair.verifier);
    const second = await tokenRequest(stack.issuer, { grant_type: 'refresh_token', refresh_token: first.body.refresh_token, client_id: clientId, resource: resource() });
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.notEqual(second.body.refresh_token, first.body.refresh_token);
    const replay = await tokenRequest(stack.issuer, { grant_type: 'refresh_token', refresh_token: first.body.refresh_token, client_id: clientId, resource: resource() });
    assert.equal(replay.body.error, 'invalid_grant');
    const afterReplay = await tokenRequest(stack.issuer, { grant_type: 'refresh_token', refresh_token: second.body.refresh_token, client_id: clientId, resource: resource() });
    assert.equal(afterReplay.body.error, 'invalid_grant', 'the whole grant is revoked');
  });

  test('a wrong password shows the page again with a message, not a stack trace', async () => {
    const browser = new Browser();
    const pair = pkce();
    const signIn = await browser.go(authorizeUrl(stack.issuer, { client_id: clientId, code_challenge: pair.challenge, code_challenge_method: 'S256', resource: resource() }));
    const again = await browser.submit(signIn, { email: user().email, password: 'wrong-password' });
    assert.equal(again.status, 200);
    assert.match(again.html, /Gauzy did not accept that email and password/);
    assert.match(again.html, /Sign in with Ever Gauzy/);
    assert.doesNotMatch(again.html, /at .*\.ts:\d+|Error:/);
  });

  test('password guessing is throttled: after five failures the sixth attempt gets 429 even with the right password', async () => {
    const browser = new Browser();
    const pair = pkce();
    let page = await browser.go(authorizeUrl(stack.issuer, { client_id: clientId, code_challenge: pair.challenge, code_challenge_method: 'S256', resource: resource() }));
    const target = stack.sandbox.seed.users.localAdmin;
    for (let attempt = 0; attempt < 5; attempt++) {
      page = await browser.submit(page, { email: target.email, password: `guess-${attempt}` });
      assert.equal(page.status, 200);
    }
    const blocked = await browser.submit(page, { email: target.email, password: target.password });
    assert.equal(blocked.status, 429);
    assert.match(blocked.html, /Too many failed attempts/);
  });

  test('a client_name with script in it is shown as text on the consent page', async () => {
    const evil = await registerClient(stack.issuer, { client_name: '<script>alert(1)</script>' });
    const browser = new Browser();
    const pair = pkce();
    const signIn = await browser.go(authorizeUrl(stack.issuer, { client_id: evil.client_id, code_challenge: pair.challenge, code_challenge_method: 'S256', resource: resource() }));
    assert.doesNotMatch(signIn.html, /<script>alert/);
    const consent = await browser.submit(signIn, { email: user().email, password: user().password });
    assert.doesNotMatch(consent.html, /<script>alert/);
    assert.match(consent.html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
  });

  test('a redirect_uri the client did not register gets an error page, never a redirect (no open redirect)', async () => {
    const browser = new Browser();
    const pair = pkce();
    const page = await browser.go(authorizeUrl(stack.issuer, { client_id: clientId, redirect_uri: 'https://evil.example/steal', code_challenge: pair.challenge, code_challenge_method: 'S256', resource: resource() }));
    assert.equal(new URL(page.url).host, new URL(stack.issuer).host);
    assert.equal(page.status, 400);
  });

  test('resuming an interaction without its cookie gets the error page, whatever the query says', async () => {
    const started = await fetch(authorizeUrl(stack.issuer, { client_id: clientId, code_challenge: pkce().challenge, code_challenge_method: 'S256', resource: resource() }), { redirect: 'manual' });
    const uid = new URL(started.headers.get('location')!, stack.issuer).pathname.split('/').pop();
    for (const query of ['', `?client_id=${clientId}`, `?client_id=${clientId}&redirect_uri=${encodeURIComponent(CALLBACK)}`]) {
      const resumed = await fetch(`${stack.issuer}/oauth2/authorize/${uid}${query}`, { redirect: 'manual' });
      assert.equal(resumed.status, 400, query);
      assert.match(await resumed.text(), /Something went wrong/);
    }
  });

  test('a sign-in form with a blank, malformed, repeated or oversized email or password is answered on the page and never sent to Gauzy', async () => {
    const browser = new HeaderBrowser();
    const signIn = await browser.page(authorizeUrl(stack.issuer, { client_id: clientId, code_challenge: pkce().challenge, code_challenge_method: 'S256', resource: resource() }));
    stack.sandbox.clearRequests();
    const malformed = [
      { email: ' ', password: 'x' },
      { email: 'not-an-email', password: 'x' },
      { email: `${'a'.repeat(300)}@example.com`, password: 'x' },
      { email: 'someone@example.com', password: 'x'.repeat(5000) },
    ];
    for (const fields of malformed) {
      const again = await browser.submit(signIn, fields);
      assert.equal(again.response.status, 200, JSON.stringify(fields).slice(0, 100));
      assert.match(again.html, /Enter your Gauzy email and password/);
    }
    const action = new URL(/action="([^"]+)"/.exec(signIn.html)![1]!, signIn.url).href;
    const csrf = /name="csrf" value="([^"]+)"/.exec(signIn.html)![1]!;
    const repeated = await browser.page(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${csrf}&email=a%40example.com&email=b%40example.com&password=x` });
    assert.equal(repeated.response.status, 200);
    assert.match(repeated.html, /Enter your Gauzy email and password/);
    const json = await browser.page(action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ csrf, email: { $ne: '' }, password: ['x'] }) });
    assert.equal(json.response.status, 200);
    assert.match(json.html, /Enter your Gauzy email and password/);
    assert.deepEqual(stack.sandbox.requests.map((call) => `${call.method} ${call.path}`), [], 'nothing was sent to Gauzy');
  });

  test('a form posted without its CSRF token is refused', async () => {
    const browser = new Browser();
    const pair = pkce();
    const signIn = await browser.go(authorizeUrl(stack.issuer, { client_id: clientId, code_challenge: pair.challenge, code_challenge_method: 'S256', resource: resource() }));
    const action = /action="([^"]+)"/.exec(signIn.html)![1]!;
    const forged = await browser.go(new URL(action, signIn.url).href, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: user().email, password: user().password }).toString() });
    assert.equal(forged.status, 403);
  });
});

describe('userinfo', () => {
  test('a client that asked for openid gets a userinfo token when it names no resource; the MCP resource token is not accepted there', async () => {
    const stack = await startStack();
    try {
      const client = await registerClient(stack.issuer);
      const code = async () => {
        const pair = pkce();
        const callback = await signInAndConsent(authorizeUrl(stack.issuer, { client_id: client.client_id, scope: 'openid mcp.read', code_challenge: pair.challenge, code_challenge_method: 'S256', resource: stack.host.mcpUrl }), stack.sandbox.seed.users.employee);
        return { code: callback.searchParams.get('code')!, verifier: pair.verifier };
      };
      const first = await code();
      const forUserinfo = await tokenRequest(stack.issuer, { grant_type: 'authorization_code', code: first.code, code_verifier: first.verifier, redirect_uri: CALLBACK, client_id: client.client_id });
      const userinfo = await fetch(`${stack.issuer}/oauth2/userinfo`, { headers: { authorization: `Bearer ${forUserinfo.body.access_token}` } });
      assert.equal(userinfo.status, 200);
      assert.equal(((await userinfo.json()) as { sub: string }).sub, stack.sandbox.seed.users.employee.id);
      const second = await code();
      const forMcp = await tokenRequest(stack.issuer, { grant_type: 'authorization_code', code: second.code, code_verifier: second.verifier, redirect_uri: CALLBACK, client_id: client.client_id, resource: stack.host.mcpUrl });
      assert.equal((await fetch(`${stack.issuer}/oauth2/userinfo`, { headers: { authorization: `Bearer ${forMcp.body.access_token}` } })).status, 401);
    } finally {
      await stack.close();
    }
  });
});

describe('introspection and revocation', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.close();
  });

  test('a confidential client introspects tokens (RFC 7662); revoking the refresh token ends it (RFC 7009); anonymous introspection is refused', async () => {
    const confidential = await registerClient(stack.issuer, { token_endpoint_auth_method: 'client_secret_basic' });
    const basic = `Basic ${Buffer.from(`${confidential.client_id}:${String(confidential.client_secret)}`).toString('base64')}`;
    const pair = pkce();
    const callback = await signInAndConsent(
      authorizeUrl(stack.issuer, { client_id: confidential.client_id, code_challenge: pair.challenge, code_challenge_method: 'S256', resource: stack.host.mcpUrl }),
      stack.sandbox.seed.users.employee,
    );
    const post = (path: string, form: Record<string, string>, authorization?: string) =>
      fetch(`${stack.issuer}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(authorization ? { authorization } : {}) }, body: new URLSearchParams(form).toString() });
    const tokens = (await (await post('/oauth2/token', { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, code_verifier: pair.verifier, redirect_uri: CALLBACK, resource: stack.host.mcpUrl }, basic)).json()) as Record<string, string>;
    assert.ok(tokens.access_token && tokens.refresh_token, JSON.stringify(tokens));
    const introspected = (await (await post('/oauth2/introspect', { token: tokens.refresh_token! }, basic)).json()) as Record<string, unknown>;
    assert.equal(introspected.active, true);
    const anonymous = await post('/oauth2/introspect', { token: tokens.refresh_token! });
    assert.equal(anonymous.status, 400);
    assert.equal(((await anonymous.json()) as { error?: string; active?: boolean }).active, undefined, 'no token information without client authentication');
    assert.equal((await post('/oauth2/revoke', { token: tokens.refresh_token!, token_type_hint: 'refresh_token' }, basic)).status, 200);
    assert.equal(((await (await post('/oauth2/introspect', { token: tokens.refresh_token! }, basic)).json()) as Record<string, unknown>).active, false);
    const refreshed = (await (await post('/oauth2/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, resource: stack.host.mcpUrl }, basic)).json()) as Record<string, string>;
    assert.equal(refreshed.error, 'invalid_grant');
  });
});

describe('rate limits', () => {
  test('token requests are limited per client (429 with Retry-After); another client is unaffected; registrations per address', async () => {
    const stack = await startStack({ tokenRateLimit: { max: 3, windowSeconds: 3600 }, registrationRateLimit: { max: 3, windowSeconds: 3600 } });
    try {
      const first = await registerClient(stack.issuer);
      const second = await registerClient(stack.issuer);
      const attempt = (client: string) => tokenRequest(stack.issuer, { grant_type: 'refresh_token', refresh_token: 'not-a-token', client_id: client });
      for (let index = 0; index < 3; index++) assert.equal((await attempt(first.client_id)).body.error, 'invalid_grant');
      const limited = await fetch(`${stack.issuer}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x', client_id: first.client_id }).toString() });
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.equal(((await limited.json()) as { error: string }).error, 'rate_limited');
      assert.equal((await attempt(second.client_id)).body.error, 'invalid_grant', 'the other client still reaches the token endpoint');
      await registerClient(stack.issuer);
      const refused = await fetch(`${stack.issuer}/oauth2/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none' }) });
      assert.equal(refused.status, 429);
    } finally {
      await stack.close();
    }
  });
});

describe('registration gated by an initial access token', () => {
  test('without the token registration is refused; with it, it succeeds', async () => {
    const stack = await startStack({ registrationAccessToken: 'initial-access-token-0123456789' });
    try {
      const body = JSON.stringify({ client_name: 'Gated', redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none' });
      const anonymous = await fetch(`${stack.issuer}/oauth2/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      assert.equal(anonymous.status, 401);
      const wrong = await fetch(`${stack.issuer}/oauth2/register`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not-the-token' }, body });
      assert.equal(wrong.status, 401);
      const allowed = await fetch(`${stack.issuer}/oauth2/register`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer initial-access-token-0123456789' }, body });
      assert.equal(allowed.status, 201);
    } finally {
      await stack.close();
    }
  });
});

describe('hostile bodies at the machine endpoints get OAuth errors in JSON, never a 500 or a page', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.close();
  });
  const post = (path: string, contentType: string, body: string) => fetch(`${stack.issuer}${path}`, { method: 'POST', headers: { 'content-type': contentType, accept: 'application/json' }, body });
  async function oauthError(response: Response): Promise<{ status: number; error: unknown; description: unknown }> {
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/, `${response.status} ${response.headers.get('content-type')}`);
    const body = (await response.json()) as { error?: unknown; error_description?: unknown };
    return { status: response.status, error: body.error, description: body.error_description };
  }

  test('a registration with a 3 MiB client_name gets 413 invalid_request', async () => {
    const refused = await oauthError(await post('/oauth2/register', 'application/json', JSON.stringify({ client_name: 'x'.repeat(3 * 1024 * 1024), redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none' })));
    assert.equal(refused.status, 413);
    assert.equal(refused.error, 'invalid_request');
    assert.equal(typeof refused.description, 'string');
  });

  test('a registration with __proto__ or constructor.prototype keys gets 400 invalid_client_metadata', async () => {
    for (const body of [
      `{"__proto__": {"isAdmin": true}, "redirect_uris": ["${CALLBACK}"], "token_endpoint_auth_method": "none"}`,
      `{"constructor": {"prototype": {"isAdmin": true}}, "redirect_uris": ["${CALLBACK}"], "token_endpoint_auth_method": "none"}`,
      `{"client_name": "nested", "jwks": {"__proto__": {"keys": []}}, "redirect_uris": ["${CALLBACK}"]}`,
    ]) {
      const refused = await oauthError(await post('/oauth2/register', 'application/json', body));
      assert.deepEqual([refused.status, refused.error], [400, 'invalid_client_metadata'], body);
    }
    assert.equal(({} as Record<string, unknown>).isAdmin, undefined, 'no prototype was polluted');
  });

  test('malformed JSON, a body of the wrong type, and an oversized token request are refused as invalid_request', async () => {
    const malformed = await oauthError(await post('/oauth2/register', 'application/json', '{"redirect_uris": ['));
    assert.deepEqual([malformed.status, malformed.error], [400, 'invalid_request']);
    const wrongType = await oauthError(await post('/oauth2/register', 'application/xml', '<client/>'));
    assert.equal(wrongType.error, 'invalid_request');
    assert.ok(wrongType.status >= 400 && wrongType.status < 500, String(wrongType.status));
    const oversized = await oauthError(await post('/oauth2/token', 'application/x-www-form-urlencoded', new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x'.repeat(64 * 1024), client_id: 'someone' }).toString()));
    assert.deepEqual([oversized.status, oversized.error], [413, 'invalid_request']);
  });
});
