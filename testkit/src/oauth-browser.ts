import assert from 'node:assert/strict';
import type { OAuthClientProvider } from '@modelcontextprotocol/client';

/** Where scripted OAuth clients are sent back to; nothing listens there, the URL is only read. */
export const CALLBACK_PREFIX = 'http://127.0.0.1:1/callback';

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
        if (current.startsWith(CALLBACK_PREFIX)) return { url: current, status: response.status, html: '' };
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


/** A loopback port that was free a moment ago (for servers whose URL must be known before they listen). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
