import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createGauzyHttp, silentLogger } from '@gauzy-mcp/core';
import { startHost, type RunningHost } from '@gauzy-mcp/host';
import { createSandbox, type Sandbox } from '@gauzy-mcp/testkit';
import type { OAuthClientProvider } from '@modelcontextprotocol/client';
import { buildAuthServer, type AuthServer, type AuthServerOptions } from '../src/index.js';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A scripted user agent: follows redirects by hand, keeps cookies, reads and posts the HTML forms. */
export class Browser {
  private readonly cookies = new Map<string, string>();
  readonly pages: string[] = [];

  async go(url: string, init: RequestInit = {}): Promise<{ url: string; status: number; html: string }> {
    let current = url;
    let request: RequestInit = init;
    for (let hop = 0; hop < 10; hop++) {
      const response = await fetch(current, { ...request, redirect: 'manual', headers: { ...(request.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = pair!.split('=');
        this.cookies.set(name!.trim(), value.join('='));
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, current).href;
        request = {};
        if (current.startsWith('http://127.0.0.1:1/callback')) return { url: current, status: response.status, html: '' };
        continue;
      }
      const html = await response.text();
      this.pages.push(html);
      return { url: current, status: response.status, html };
    }
    throw new Error('too many redirects');
  }

  async submit(page: { url: string; html: string }, fields: Record<string, string>, button?: Record<string, string>) {
    const action = /<form method="post" action="([^"]+)"/.exec(page.html)?.[1];
    assert.ok(action, `no form on ${page.url}`);
    const hidden = Object.fromEntries([...page.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [match[1]!, match[2]!]));
    const body = new URLSearchParams({ ...hidden, ...fields, ...(button ?? {}) });
    return this.go(new URL(action.replace(/&#(\d+);/g, (_m, code) => String.fromCharCode(Number(code))), page.url).href, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  }
}

export interface PkcePair {
  verifier: string;
  challenge: string;
}

export function pkce(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const CALLBACK = 'http://127.0.0.1:1/callback';

/** Registers a public client the way an MCP client does (RFC 7591). */
export async function registerClient(issuer: string, metadata: Record<string, unknown> = {}): Promise<{ client_id: string; [key: string]: unknown }> {
  const response = await fetch(`${issuer}/oauth2/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_name: 'Test client', redirect_uris: [CALLBACK], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none', ...metadata }),
  });
  const body = (await response.json()) as { client_id: string };
  assert.equal(response.status, 201, JSON.stringify(body));
  return body;
}

export function authorizeUrl(issuer: string, params: Record<string, string | undefined>): string {
  const url = new URL(`${issuer}/oauth2/authorize`);
  for (const [key, value] of Object.entries({ response_type: 'code', redirect_uri: CALLBACK, scope: 'mcp.read mcp.write', state: 'xyz', ...params })) if (value !== undefined) url.searchParams.set(key, value);
  return url.href;
}

export async function tokenRequest(issuer: string, form: Record<string, string>): Promise<{ status: number; body: Record<string, any> }> {
  const response = await fetch(`${issuer}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** Signs a user in and consents in a fresh browser; returns the callback URL with the code. */
export async function signInAndConsent(url: string, user: { email: string; password: string }): Promise<URL> {
  const browser = new Browser();
  const signIn = await browser.go(url);
  assert.match(signIn.html, /Sign in with Ever Gauzy/, signIn.html.slice(0, 500));
  const consent = await browser.submit(signIn, { email: user.email, password: user.password });
  assert.match(consent.html, /Allow access\?/, consent.html.slice(0, 500));
  const done = await browser.submit(consent, {}, { decision: 'allow' });
  return new URL(done.url);
}

export interface Stack {
  sandbox: Sandbox;
  host: RunningHost;
  auth: AuthServer;
  issuer: string;
  close(): Promise<void>;
}

/** Sandbox, host (OAuth mode) and auth server on loopback, sharing one vault. */
export async function startStack(options: Partial<Pick<AuthServerOptions, 'accessTokenTtlSeconds' | 'clientIdMetadataDocuments'>> = {}): Promise<Stack> {
  const sandbox = await createSandbox({ seed: 'demo' });
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const host = await startHost({ input: { port: 0, gauzy: { baseUrl: sandbox.url, sandbox: true }, identity: { mode: 'oauth', issuer } }, env: {}, log: silentLogger });
  const auth = await buildAuthServer({ issuer, resource: host.mcpUrl, vault: host.vault, gauzy: createGauzyHttp({ gauzyBaseUrl: sandbox.url, log: silentLogger }), log: silentLogger, ...options });
  await auth.app.listen({ host: '127.0.0.1', port });
  return {
    sandbox,
    host,
    auth,
    issuer,
    async close() {
      await auth.app.close();
      await host.close();
      await sandbox.close();
    },
  };
}

/** The client side of OAuth as an MCP client implements it, with the browser steps scripted. */
export class ScriptedOAuthClient implements OAuthClientProvider {
  clientInfo?: Awaited<ReturnType<OAuthClientProvider['clientInformation']>>;
  savedTokens?: Awaited<ReturnType<OAuthClientProvider['tokens']>>;
  verifier = '';
  callback?: URL;
  constructor(
    private readonly browser: Browser,
    private readonly user: { email: string; password: string },
    readonly clientMetadataUrl?: string,
  ) {}
  get redirectUrl() {
    return 'http://127.0.0.1:1/callback';
  }
  get clientMetadata() {
    return { client_name: 'Scripted MCP client', redirect_uris: ['http://127.0.0.1:1/callback'], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' };
  }
  clientInformation() {
    return this.clientInfo;
  }
  saveClientInformation(info: NonNullable<ScriptedOAuthClient['clientInfo']>) {
    this.clientInfo = info;
  }
  tokens() {
    return this.savedTokens;
  }
  saveTokens(tokens: NonNullable<ScriptedOAuthClient['savedTokens']>) {
    this.savedTokens = tokens;
  }
  discovery?: unknown;
  saveDiscoveryState(state: unknown) {
    this.discovery = state;
  }
  discoveryState() {
    return this.discovery as never;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
  async redirectToAuthorization(url: URL) {
    const signIn = await this.browser.go(url.href);
    assert.match(signIn.html, /Sign in with Ever Gauzy/);
    const consent = await this.browser.submit(signIn, { email: this.user.email, password: this.user.password });
    assert.match(consent.html, /Allow access\?/, consent.html);
    const done = await this.browser.submit(consent, {}, { decision: 'allow' });
    this.callback = new URL(done.url);
  }
}

