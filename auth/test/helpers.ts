import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '@gauzy-mcp/core';
import { createGauzyHttp } from '@gauzy-mcp/core/internal';
import { startHost, type RunningHost } from '@gauzy-mcp/host';
import { Browser, createSandbox as createTestkitSandbox, freePort, installedSandboxEntities, ScriptedOAuthClient, type Sandbox, type SandboxOptions } from '@gauzy-mcp/testkit';

export { Browser, freePort, ScriptedOAuthClient };
import { buildAuthServer, type AuthServer, type AuthServerOptions } from '../src/index.js';

/**
 * What the host's packs teach the sandbox: the auth server's tests may not import a pack, so the entities
 * are read from the packs installed beside the host these tests start.
 */
const HOST_DIR = fileURLToPath(new URL('..', import.meta.resolve('@gauzy-mcp/host')));
export const hostPackEntities = await installedSandboxEntities([HOST_DIR]);

/** A sandbox that serves the host's packs' entities. */
export const createSandbox = (options: SandboxOptions = {}): Promise<Sandbox> =>
  createTestkitSandbox({ ...options, entities: [...hostPackEntities, ...(options.entities ?? [])] });


export interface PkcePair {
  verifier: string;
  challenge: string;
}

export function pkce(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const CALLBACK = 'http://127.0.0.1:1/callback';

export { REDIS_URL, requireRedis, startRedisRelay } from '@gauzy-mcp/testkit/redis';

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

/** Cookies carried by hand so each response's headers can be read (the testkit Browser returns only the page). */
export class HeaderBrowser {
  private readonly cookies = new Map<string, string>();

  /** The Cookie header this browser sends. */
  get cookie(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: this.cookie } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
    return response;
  }

  /** Follows redirects on the auth server until a page (or the client's callback) is reached. */
  async page(url: string, init: RequestInit = {}): Promise<{ response: Response; html: string; url: string }> {
    let current = url;
    let request = init;
    for (let hop = 0; hop < 10; hop++) {
      const response = await this.request(current, request);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, current).href;
        request = {};
        if (current.startsWith(CALLBACK)) return { response, html: '', url: current };
        continue;
      }
      return { response, html: await response.text(), url: current };
    }
    throw new Error('too many redirects');
  }

  submit(page: { html: string; url: string }, fields: Record<string, string>) {
    const action = /<form method="post" action="([^"]+)"/.exec(page.html)![1]!.replace(/&#(\d+);/g, (_match, code) => String.fromCharCode(Number(code)));
    const hidden = Object.fromEntries([...page.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [match[1]!, match[2]!]));
    return this.page(new URL(action, page.url).href, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...hidden, ...fields }).toString() });
  }
}

export interface Stack {
  sandbox: Sandbox;
  host: RunningHost;
  auth: AuthServer;
  issuer: string;
  close(): Promise<void>;
}

/** Sandbox, host (OAuth mode; the packs' default toolsets unless `toolsets` names others) and auth server on loopback, sharing one vault. */
export async function startStack(options: Partial<Pick<AuthServerOptions, 'accessTokenTtlSeconds' | 'clientIdMetadataDocuments' | 'tokenRateLimit' | 'registrationRateLimit' | 'registrationAccessToken'>> & { serviceAccount?: boolean; toolsets?: string[] } = {}): Promise<Stack> {
  const { toolsets, ...authOptions } = options;
  const sandbox = await createSandbox({ seed: 'demo' });
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const host = await startHost({ input: { port: 0, gauzy: { baseUrl: sandbox.url, sandbox: true }, identity: { mode: 'oauth', issuer }, ...(toolsets ? { inventory: { toolsets } } : {}) }, env: {}, log: silentLogger });
  const auth = await buildAuthServer({ issuer, resource: host.mcpUrl, vault: host.vault, kv: host.kv, gauzy: createGauzyHttp({ gauzyBaseUrl: sandbox.url, log: silentLogger }), gauzySandbox: true, log: silentLogger, ...authOptions, ...(options.serviceAccount ? { serviceClients: [{ clientId: 'reporting-bot', clientSecret: 'reporting-bot-secret-0123456789', gauzy: sandbox.seed.users.localAdmin }] } : {}) });
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
