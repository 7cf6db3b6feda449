import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { authorizeUrl, CALLBACK, HeaderBrowser, pkce, registerClient, startStack, type Stack } from './helpers.js';

/**
 * Property-based fuzz of every auth endpoint: random and hostile methods, paths, query strings, headers
 * and bodies (JSON, forms, garbage bytes, huge, prototype-shaping keys, wrong content types). For every
 * request: an answer within HANG_MS, never a 5xx, no HTML to a machine client, an OAuth error body on a
 * machine endpoint's refusal, every page locked against framing; no crash; and nothing reaches Gauzy but
 * refused sign-in attempts. fast-check prints the seed and the shrunk request of a failure.
 */
const HANG_MS = 10_000;
const RUNS = 150;

/** `natural` is the content type the body was written as; the fuzz sends it, another one, or none. */
type Body = { kind: 'none' } | { kind: 'text'; text: string; natural?: string } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'huge'; size: number; shape: 'json' | 'form' | 'raw' };
interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  /** 'natural': the body's own content type; otherwise what to send (undefined: no Content-Type). */
  contentType: string | undefined;
  body: Body;
}
interface Endpoint {
  name: string;
  /** Machine endpoints answer JSON to anyone not asking for HTML; the others are pages a browser visits. */
  machine: boolean;
  methods: readonly string[];
  paths: fc.Arbitrary<string>;
  /** A well-formed request's parameters: the fuzz keeps some, adds hostile ones, and sends them as query, form or JSON. */
  base?: ReadonlyArray<readonly [string, string]>;
}

/** What the fuzz knows of the running server, so some requests get past the first check. */
interface Known {
  clientId: string;
  confidential: { id: string; secret: string };
  uid: string;
  cookie: string;
  csrf: string;
  resource: string;
}

const OAUTH_PARAMS = [
  'grant_type', 'code', 'code_verifier', 'code_challenge', 'code_challenge_method', 'redirect_uri', 'client_id', 'client_secret', 'client_assertion', 'client_assertion_type',
  'refresh_token', 'scope', 'resource', 'audience', 'state', 'nonce', 'response_type', 'response_mode', 'prompt', 'max_age', 'login_hint', 'id_token_hint', 'request', 'request_uri',
  'claims', 'token', 'token_type_hint', 'client_name', 'redirect_uris', 'grant_types', 'response_types', 'token_endpoint_auth_method', 'jwks', 'jwks_uri', 'sector_identifier_uri',
  'logo_uri', 'contacts', 'software_statement', 'post_logout_redirect_uri', 'email', 'password', 'csrf', 'decision', 'organizationId', 'xsrf', 'logout',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
];

/** Strings that have broken parsers before; URL-shaped ones name loopback only (the fuzz never sends traffic off this machine). */
const HOSTILE = [
  '', '__proto__', 'constructor', 'prototype', '%', '%zz', '%00', '%C0%AE', '\u0000', '../../../etc/passwd', '<script>alert(1)</script>', "' OR '1'='1", '{"a":', 'null', 'NaN', '-1',
  '1e309', '9'.repeat(400), 'a'.repeat(5000), '\uD800', 'https://127.0.0.1:1/client.json', 'http://127.0.0.1:1/callback', 'https://localhost/client.json', 'https://[::1]/client.json',
  'https://2130706433/client.json', 'https://[::ffff:127.0.0.1]/c', 'javascript:alert(1)', 'data:text/html,x', 'authorization_code', 'refresh_token', 'client_credentials', 'S256', 'plain',
  'code', 'openid', 'mcp.read mcp.write mcp.admin', 'none', 'client_secret_basic', 'private_key_jwt', 'allow', 'deny', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
];

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 });

function arbitraries(known: Known) {
  const real = [known.clientId, known.confidential.id, known.uid, known.csrf, known.resource, CALLBACK, pkce().challenge, pkce().verifier];
  const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), printable, fc.constantFrom(...HOSTILE), fc.constantFrom(...real));
  const name = fc.oneof({ arbitrary: fc.constantFrom(...OAUTH_PARAMS), weight: 4 }, { arbitrary: text, weight: 1 });
  const value: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: text, weight: 4 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
    { arbitrary: fc.array(text, { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.dictionary(name, text, { maxKeys: 3 }), weight: 1 },
  );
  const entries = fc.array(fc.tuple(name, text), { maxLength: 10 });
  const form = entries.map((pairs) => new URLSearchParams(pairs).toString());
  // A good request's parameters, each kept, dropped or given a hostile value of any type, then hostile extras.
  type Param = readonly [string, unknown];
  const mutated = (base: ReadonlyArray<readonly [string, string]>): fc.Arbitrary<Param[]> =>
    fc
      .tuple(
        fc.tuple(...base.map(([key, good]) => fc.oneof({ arbitrary: fc.constant<Param | undefined>([key, good]), weight: 6 }, { arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: value.map((bad): Param => [key, bad]), weight: 2 }))),
        fc.array(fc.tuple(name, value), { maxLength: 5 }),
      )
      .map(([kept, extra]) => [...kept.filter((param): param is Param => param !== undefined), ...extra]);
  // In a form a list is a repeated name, anything else its JSON text.
  const asForm = (params: Param[]) => {
    const search = new URLSearchParams();
    for (const [key, item] of params) for (const one of Array.isArray(item) ? item : [item]) search.append(key, typeof one === 'string' ? one : (JSON.stringify(one) ?? ''));
    return search.toString();
  };
  const asJson = (params: Param[]) => JSON.stringify(Object.fromEntries(params));
  const mutatedForm = (base: ReadonlyArray<readonly [string, string]>) => mutated(base).map(asForm);
  const json = fc.oneof(
    fc.dictionary(name, value, { maxKeys: 8 }).map((object) => JSON.stringify(object)),
    fc.jsonValue({ maxDepth: 3 }).map((anything) => JSON.stringify(anything) ?? 'null'),
    fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 })).map(([key, inner]) => `{"${key}": {"prototype": ${JSON.stringify(inner) ?? 'null'}, "isAdmin": true}, "redirect_uris": ["${CALLBACK}"]}`),
    fc.integer({ min: 1, max: 5000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
    fc.integer({ min: 1, max: 5000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  );
  const FORM = 'application/x-www-form-urlencoded';
  const JSON_TYPE = 'application/json';
  const structured = (base: Endpoint['base']): Array<fc.WeightedArbitrary<Body>> =>
    base
      ? [
          { arbitrary: mutated(base).map((params): Body => ({ kind: 'text', text: asForm(params), natural: FORM })), weight: 6 },
          { arbitrary: mutated(base).map((params): Body => ({ kind: 'text', text: asJson(params), natural: JSON_TYPE })), weight: 3 },
        ]
      : [];
  const body = (base: Endpoint['base']): fc.Arbitrary<Body> => fc.oneof<Array<fc.WeightedArbitrary<Body>>>(
    { arbitrary: fc.constant<Body>({ kind: 'none' }), weight: 1 },
    ...structured(base),
    { arbitrary: form.map((t): Body => ({ kind: 'text', text: t, natural: FORM })), weight: 3 },
    { arbitrary: json.map((t): Body => ({ kind: 'text', text: t, natural: JSON_TYPE })), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((t): Body => ({ kind: 'text', text: t })), weight: 1 },
    { arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes): Body => ({ kind: 'bytes', bytes })), weight: 1 },
    { arbitrary: fc.record({ size: fc.constantFrom(20_000, 70_000, 1_100_000, 3 * 1024 * 1024), shape: fc.constantFrom('json' as const, 'form' as const, 'raw' as const) }).map((huge): Body => ({ kind: 'huge', ...huge })), weight: 1 },
  );
  const contentType = fc.option(
    fc.oneof(
      fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'text/html', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16', 'application/x-www-form-urlencoded; charset=iso-8859-1', 'application/jwt', 'application/octet-stream', '*/*', ';', 'APPLICATION/JSON'),
      printable,
    ),
    { nil: undefined },
  );
  const basic = fc.tuple(text, text).map(([id, secret]) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`);
  const authorization = fc.option(
    fc.oneof(
      fc.constant(`Basic ${Buffer.from(`${known.confidential.id}:${known.confidential.secret}`).toString('base64')}`),
      basic,
      printable.map((v) => `Basic ${v}`),
      printable.map((v) => `Bearer ${v}`),
      printable.map((v) => `DPoP ${v}`),
      printable,
    ),
    { nil: undefined },
  );
  const accept = fc.option(fc.oneof(fc.constantFrom('application/json', '*/*', 'text/html', 'text/html,application/xhtml+xml;q=0.9', 'application/jwt', ''), printable), { nil: undefined });
  const cookie = fc.option(fc.oneof({ arbitrary: fc.constant(known.cookie), weight: 3 }, { arbitrary: printable, weight: 1 }), { nil: undefined, freq: 4 });
  const extra = fc.option(fc.tuple(fc.constantFrom('dpop', 'x-forwarded-for', 'origin', 'content-encoding', 'x-http-method-override', 'x-forwarded-proto', 'if-none-match'), printable), { nil: undefined });
  const headers = fc.record({ authorization, accept, cookie, extra }).map(({ authorization: auth, accept: acc, cookie: jar, extra: more }) => {
    const out: Record<string, string> = {};
    if (auth !== undefined) out.authorization = auth;
    if (acc !== undefined) out.accept = acc;
    if (jar !== undefined) out.cookie = jar;
    if (more) out[more[0]] = more[1];
    return out;
  });
  const query = (base: Endpoint['base']) =>
    fc.oneof(
      fc.constant(''),
      entries.map((pairs) => new URLSearchParams(pairs).toString()),
      printable.map((raw) => raw.replace(/#/g, '%23')),
      ...(base ? [mutatedForm(base), mutatedForm(base)] : []),
    );
  const request = (endpoint: Endpoint): fc.Arbitrary<FuzzRequest> =>
    fc.record({
      method: fc.oneof({ arbitrary: fc.constantFrom(...endpoint.methods), weight: 4 }, { arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), weight: 1 }),
      path: endpoint.paths,
      query: query(endpoint.base),
      headers,
      contentType: fc.oneof({ arbitrary: fc.constant('natural'), weight: 3 }, { arbitrary: contentType, weight: 2 }),
      body: body(endpoint.base),
    });
  const uid = fc.oneof(fc.constant(known.uid), printable.map((v) => encodeURIComponent(v)), fc.constantFrom('%2e%2e', '..%2f..%2f', '%00', 'a'.repeat(300)));
  return { request, uid, printable };
}

const ENDPOINTS = ['token', 'introspection', 'revocation', 'registration', 'registration management', 'userinfo', 'authorization server metadata', 'jwks', 'authorization', 'interaction page', 'sign-in form', 'consent form', 'logout'] as const;

function endpoints(known: Known, uid: fc.Arbitrary<string>, id: fc.Arbitrary<string>): Array<Endpoint & { name: (typeof ENDPOINTS)[number] }> {
  const fixed = (path: string) => fc.constant(path);
  const pair = pkce();
  const token = [['grant_type', 'authorization_code'], ['grant_type', 'refresh_token'], ['client_id', known.clientId], ['code', 'not-a-code'], ['code_verifier', pair.verifier], ['redirect_uri', CALLBACK], ['resource', known.resource], ['refresh_token', 'not-a-token'], ['scope', 'mcp.read']] as const;
  const tokenHint = [['token', 'not-a-token'], ['token_type_hint', 'refresh_token'], ['client_id', known.confidential.id], ['client_secret', known.confidential.secret]] as const;
  const metadata = [['client_name', 'Fuzz'], ['redirect_uris', CALLBACK], ['grant_types', 'authorization_code'], ['response_types', 'code'], ['token_endpoint_auth_method', 'none']] as const;
  const authorize = [['response_type', 'code'], ['client_id', known.clientId], ['redirect_uri', CALLBACK], ['code_challenge', pair.challenge], ['code_challenge_method', 'S256'], ['resource', known.resource], ['scope', 'mcp.read'], ['state', 'x']] as const;
  const signIn = [['csrf', known.csrf], ['email', 'someone@example.com'], ['password', 'not-the-password']] as const;
  const consent = [['csrf', known.csrf], ['decision', 'allow'], ['organizationId', 'not-an-organization']] as const;
  return [
    { name: 'token', machine: true, methods: ['POST'], paths: fixed('/oauth2/token'), base: token },
    { name: 'introspection', machine: true, methods: ['POST'], paths: fixed('/oauth2/introspect'), base: tokenHint },
    { name: 'revocation', machine: true, methods: ['POST'], paths: fixed('/oauth2/revoke'), base: tokenHint },
    { name: 'registration', machine: true, methods: ['POST'], paths: fixed('/oauth2/register'), base: metadata },
    { name: 'registration management', machine: true, methods: ['GET', 'PUT', 'DELETE'], paths: fc.oneof(fc.constant(`/oauth2/register/${known.clientId}`), id.map((v) => `/oauth2/register/${v}`)) },
    { name: 'userinfo', machine: true, methods: ['GET', 'POST'], paths: fixed('/oauth2/userinfo') },
    { name: 'authorization server metadata', machine: true, methods: ['GET'], paths: fc.constantFrom('/.well-known/oauth-authorization-server', '/.well-known/openid-configuration') },
    { name: 'jwks', machine: true, methods: ['GET'], paths: fixed('/.well-known/jwks.json') },
    { name: 'authorization', machine: false, methods: ['GET', 'POST'], paths: fc.oneof(fixed('/oauth2/authorize'), uid.map((v) => `/oauth2/authorize/${v}`)), base: authorize },
    { name: 'interaction page', machine: false, methods: ['GET'], paths: uid.map((v) => `/oauth2/interaction/${v}`) },
    { name: 'sign-in form', machine: false, methods: ['POST'], paths: uid.map((v) => `/oauth2/interaction/${v}/login`), base: signIn },
    { name: 'consent form', machine: false, methods: ['POST'], paths: uid.map((v) => `/oauth2/interaction/${v}/consent`), base: consent },
    { name: 'logout', machine: false, methods: ['GET', 'POST'], paths: fixed('/oauth2/logout'), base: [['client_id', known.clientId], ['post_logout_redirect_uri', CALLBACK], ['state', 'x'], ['logout', 'yes'], ['xsrf', 'x']] },
  ];
}

function payload(body: Body): { bytes?: Uint8Array | string; describe: string } {
  switch (body.kind) {
    case 'none':
      return { describe: '(no body)' };
    case 'text':
      return { bytes: body.text, describe: JSON.stringify(body.text.slice(0, 300)) };
    case 'bytes':
      return { bytes: body.bytes, describe: `${body.bytes.length} random bytes` };
    case 'huge': {
      const filler = 'a'.repeat(body.size);
      const text = body.shape === 'json' ? JSON.stringify({ client_name: filler, redirect_uris: [CALLBACK] }) : body.shape === 'form' ? `client_name=${filler}&grant_type=refresh_token` : filler;
      return { bytes: text, describe: `${body.shape} of ${body.size} bytes` };
    }
  }
}

describe('fuzz: every auth endpoint answers every request, quickly, without a 5xx, a page for a machine, a crash or a Gauzy write', () => {
  let stack: Stack;
  let clientId: string;
  let confidential: Known['confidential'];
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);

  before(async () => {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    stack = await startStack({ tokenRateLimit: { max: 1_000_000, windowSeconds: 3600 }, registrationRateLimit: { max: 1_000_000, windowSeconds: 3600 } });
    clientId = (await registerClient(stack.issuer)).client_id;
    const confidentialClient = await registerClient(stack.issuer, { token_endpoint_auth_method: 'client_secret_basic' });
    confidential = { id: confidentialClient.client_id, secret: String(confidentialClient.client_secret) };
  });

  /**
   * A live interaction (at sign-in, or signed in and at consent), so requests reach the page handlers past
   * the session lookup; each endpoint gets its own, since a fuzzed request may end or replace it.
   */
  async function interaction(stage: 'sign-in' | 'consent'): Promise<Known> {
    const browser = new HeaderBrowser();
    let page = await browser.page(authorizeUrl(stack.issuer, { client_id: clientId, code_challenge: pkce().challenge, code_challenge_method: 'S256', resource: stack.host.mcpUrl }));
    const { email, password } = stack.sandbox.seed.users.employee;
    if (stage === 'consent') page = await browser.submit(page, { email, password });
    const uid = /action="\/oauth2\/interaction\/([^/"]+)\//.exec(page.html)?.[1];
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.html)?.[1];
    assert.ok(uid && csrf, page.html.slice(0, 300));
    // What the setup asked of Gauzy is not the fuzz's doing.
    stack.sandbox.clearRequests();
    return { clientId, confidential, uid, csrf, cookie: browser.cookie, resource: stack.host.mcpUrl };
  }

  after(async () => {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    await stack?.close();
  });

  async function answer(endpoint: Endpoint, request: FuzzRequest): Promise<void> {
    const { bytes, describe: bodyText } = payload(request.body);
    const withBody = request.method !== 'GET' && request.method !== 'HEAD' && bytes !== undefined;
    const contentType = request.contentType === 'natural' ? (request.body.kind === 'text' ? request.body.natural : request.body.kind === 'huge' ? { json: 'application/json', form: 'application/x-www-form-urlencoded', raw: undefined }[request.body.shape] : undefined) : request.contentType;
    const headers = { ...request.headers, ...(contentType !== undefined ? { 'content-type': contentType } : {}) };
    const url = `${stack.issuer}${request.path}${request.query ? `?${request.query}` : ''}`;
    const where = `${request.method} ${url.slice(0, 300)} ${JSON.stringify(headers).slice(0, 300)} ${withBody ? bodyText : ''}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { method: request.method, headers, body: withBody ? bytes : undefined, redirect: 'manual', signal: AbortSignal.timeout(HANG_MS) });
      text = await response.text();
    } catch (error) {
      const cause = error as Error & { cause?: Error };
      if (cause.name === 'TimeoutError') assert.fail(`no answer within ${HANG_MS} ms: ${where}`);
      assert.fail(`no answer (${cause.message}: ${cause.cause?.message ?? ''}): ${where}`);
    }
    const type = response.headers.get('content-type') ?? '';
    assert.ok(response.status < 500, `${response.status} ${text.slice(0, 300)} for ${where}`);
    if (/text\/html/i.test(type)) {
      assert.equal(response.headers.get('x-frame-options'), 'DENY', `a page that can be framed: ${where}`);
      assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, where);
    }
    if (!endpoint.machine) return;
    const wantsHtml = /text\/html/i.test(request.headers.accept ?? '');
    if (!wantsHtml) assert.doesNotMatch(type, /text\/html/i, `HTML to a machine client: ${response.status} for ${where}`);
    if (response.status >= 400 && request.method !== 'HEAD' && !wantsHtml) {
      let body: { error?: unknown };
      try {
        body = JSON.parse(text) as { error?: unknown };
      } catch {
        assert.fail(`a ${response.status} refusal that is not JSON (${type}: ${text.slice(0, 200)}) for ${where}`);
      }
      assert.equal(typeof body.error, 'string', `a ${response.status} refusal without an error code (${text.slice(0, 200)}) for ${where}`);
    }
  }

  test('every endpoint, hostile input', { timeout: 180_000 }, async (t) => {
    for (const name of ENDPOINTS) {
      const known = await interaction(name === 'consent form' ? 'consent' : 'sign-in');
      const { request, uid, printable } = arbitraries(known);
      const endpoint = endpoints(known, uid, printable.map((v) => encodeURIComponent(v))).find((candidate) => candidate.name === name)!;
      await t.test(endpoint.name, async () => {
        await fc.assert(
          fc.asyncProperty(request(endpoint), (fuzzed) => answer(endpoint, fuzzed)),
          { numRuns: RUNS, includeErrorInReport: true },
        );
        assert.deepEqual(crashes, [], 'nothing was thrown outside a request');
        const gauzyCalls = stack.sandbox.requests.filter((call) => !(call.method === 'POST' && call.path === '/api/auth/login' && call.status >= 400 && call.status < 500));
        assert.deepEqual(gauzyCalls.map((call) => `${call.method} ${call.path} ${call.status}`), [], 'a refused call reached Gauzy with something other than a refused sign-in');
      });
    }
    const alive = await fetch(`${stack.issuer}/.well-known/oauth-authorization-server`, { signal: AbortSignal.timeout(HANG_MS) });
    assert.equal(alive.status, 200, 'the server still answers after the fuzz');
  });
});
