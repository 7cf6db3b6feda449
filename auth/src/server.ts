import { createHmac, randomBytes } from 'node:crypto';
import { isGauzyMcpError, type Logger } from '@gauzy-mcp/core';
import { GauzySession, type GauzyHttp } from '@gauzy-mcp/core/internal';
import type { CredentialVault, KeyValueStore } from '@gauzy-mcp/core/state';
import type { Redis } from 'ioredis';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { registerInteractionRoutes } from './interactions.js';
import { DEFAULT_SCOPE, MCP_SCOPES } from './scopes.js';
import { errorPage } from './pages.js';
import { pageSecurityHeaders, PROVIDER_PAGE_HEADERS, sendPage } from './page-security.js';
import { keyValueAdapter } from './adapter.js';
import { outboundFetch } from './outbound-fetch.js';
import { oauthRefusal, registerBodyParsers } from './request-bodies.js';
import { GrantLedger } from './grant-ledger.js';
import { createSignInThrottle } from './sign-in-throttle.js';
import { isStateOutage, STATE_OUTAGE_BODY, STATE_OUTAGE_RETRY_SECONDS } from './state-outage.js';
import { DEFAULT_KEY_POLICY, FileKeyRingStore, maintainKeyRing, providerJwks, type KeyPolicy, type KeyRing } from './signing-keys.js';

export interface AuthServerOptions {
  /** The issuer URL (where this server is reached), e.g. http://127.0.0.1:3002 */
  issuer: string;
  /** The MCP host's resource URL: the only audience this server issues tokens for. */
  resource: string;
  vault: CredentialVault;
  /** Where the grant ledger lives (the host's shared state), so revoking a user's last grant deletes their vault entry. */
  kv: KeyValueStore;
  gauzy: GauzyHttp;
  /** `gauzy` is the bundled sandbox (the demo's): the sign-in page says so beside its address. */
  gauzySandbox?: boolean;
  log: Logger;
  /** Pre-registered clients (oidc-provider client metadata). */
  clients?: Configuration['clients'];
  /** Dynamic client registration: open (default), or gated by this initial access token. */
  registrationAccessToken?: string;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /**
   * Signing keys: persisted to `path` (a data directory; without it they live as long as the process)
   * and rotated by `policy` at start: a new key is published a day before it signs, the old one stays
   * published until the tokens it signed have expired.
   */
  keys?: { path?: string; ring?: KeyRing; policy?: Partial<Omit<KeyPolicy, 'maxTokenLifetimeMs'>> };
  /**
   * Client ID Metadata Documents (an https `client_id` whose URL serves the client's metadata). Fetched
   * (like every URL a client names) by `outboundFetch`: https only, no redirect, 2.5 s, a size limit, and
   * only from an address checked to be public before connecting. `allowLoopbackWithCa` is for tests only:
   * it also allows loopback addresses and trusts one CA; no configuration file or variable sets it.
   */
  clientIdMetadataDocuments?: { enabled?: boolean; allowLoopbackWithCa?: string };
  /**
   * Service clients (client credentials grant), each bound to a Gauzy service account: signed in at
   * start, its Gauzy tokens kept in the vault under the client id, which is the token's subject.
   */
  serviceClients?: ReadonlyArray<{ clientId: string; clientSecret: string; gauzy: { email: string; password: string } }>;
  /** Keys that sign the sign-in cookies; every instance of a cluster needs the same ones (default: random per process). */
  cookieKeys?: readonly string[];
  /** Token requests per client (default 10 per hour). */
  tokenRateLimit?: { max: number; windowSeconds: number };
  /** Dynamic registrations per address (default 20 per hour). */
  registrationRateLimit?: { max: number; windowSeconds: number };
  /**
   * Shares the rate-limit counters and the sign-in throttle between instances (the host's Redis connection).
   * While it is unreachable, sign-in answers 503 rather than try a password uncounted.
   */
  redis?: Redis;
  /**
   * Required with `redis`: the deployment's key prefix (the host's `state.keyPrefix`, GAUZY_MCP_REDIS_PREFIX).
   * Every key the auth server writes lives under it (its other state goes through `kv`, already prefixed),
   * so several deployments share one Redis without sharing counters.
   */
  redisKeyPrefix?: string;
  /** Wrong passwords per email and address before sign-in pauses for 15 minutes (default 5). */
  signInMaxFailures?: number;
}

export interface AuthServer {
  app: FastifyInstance;
  provider: Provider;
}

/** Resume after an interaction, and registration management, live under these. */
const OIDC_PREFIXES = ['/oauth2/authorize/', '/oauth2/register/'];
const RESUME_PATH = /^\/oauth2\/authorize\/[^/]+$/;
const OIDC_PATHS = ['/oauth2/authorize', '/oauth2/introspect', '/oauth2/revoke', '/oauth2/userinfo', '/oauth2/logout', '/.well-known/jwks.json', '/.well-known/oauth-authorization-server', '/.well-known/openid-configuration'];

/**
 * The OAuth 2.1 authorization server: `oidc-provider` does the protocol (PKCE, codes, rotating refresh
 * tokens, registration, introspection, revocation); this module configures it, renders the sign-in and
 * consent pages, and bridges sign-in to Gauzy, whose tokens go to the vault, never the password.
 */
export async function buildAuthServer(options: AuthServerOptions): Promise<AuthServer> {
  if (options.redis && !options.redisKeyPrefix) throw new Error("the auth server's redis needs redisKeyPrefix (the host's config.state.keyPrefix): every key it writes lives under the deployment's prefix");
  const policy = { ...DEFAULT_KEY_POLICY, ...options.keys?.policy, maxTokenLifetimeMs: (options.accessTokenTtlSeconds ?? 900) * 1000 };
  const keyStore = options.keys?.path ? new FileKeyRingStore(options.keys.path) : undefined;
  // Provided keys (a cluster's secret, e.g. GAUZY_MCP_SIGNING_KEYS) are used as given: whoever provides them rotates them.
  const maintained = options.keys?.ring ? { ring: checkedRing(options.keys.ring), changed: false } : await maintainKeyRing(keyStore?.load() ?? { keys: [] }, policy, Date.now());
  if (maintained.changed) keyStore?.save(maintained.ring);
  for (const service of options.serviceClients ?? []) {
    const session = new GauzySession(options.gauzy, { credentials: service.gauzy, log: options.log });
    try {
      await session.signIn();
    } catch (error) {
      throw new Error(`service client ${service.clientId}: its Gauzy account ${service.gauzy.email} could not sign in (${(error as Error).message})`);
    }
    await options.vault.put(service.clientId, session.snapshot()!);
  }
  const serviceClients = (options.serviceClients ?? []).map((service) => ({
    client_id: service.clientId,
    client_secret: service.clientSecret,
    client_name: service.clientId,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_basic' as const,
  }));

  const cookieKeys = options.cookieKeys && options.cookieKeys.length > 0 ? [...options.cookieKeys] : [randomBytes(32).toString('base64url')];
  const configuration: Configuration = {
    adapter: keyValueAdapter(options.kv),
    clients: [...(options.clients ?? []), ...serviceClients],
    jwks: providerJwks(maintained.ring) as Configuration['jwks'],
    cookies: { keys: cookieKeys },
    findAccount: async (_ctx, accountId) => ({ accountId, claims: async () => ({ sub: accountId }) }),
    scopes: ['openid', ...MCP_SCOPES],
    responseTypes: ['code'],
    pkce: { required: () => true },
    routes: {
      authorization: '/oauth2/authorize',
      token: '/oauth2/token',
      introspection: '/oauth2/introspect',
      revocation: '/oauth2/revoke',
      registration: '/oauth2/register',
      userinfo: '/oauth2/userinfo',
      end_session: '/oauth2/logout',
      jwks: '/.well-known/jwks.json',
    },
    interactions: { url: (_ctx, interaction) => `/oauth2/interaction/${interaction.uid}` },
    fetch: outboundFetch({ loopbackCa: options.clientIdMetadataDocuments?.allowLoopbackWithCa }),
    fetchResponseBodyLimits: { 'client_id metadata document': 5 * 1024, jwks_uri: 64 * 1024, sector_identifier_uri: 64 * 1024 },
    features: {
      devInteractions: { enabled: false },
      // Not served under /oauth2/ and asked for by no MCP client: off, so the metadata does not advertise it.
      pushedAuthorizationRequests: { enabled: false },
      clientIdMetadataDocument: {
        enabled: options.clientIdMetadataDocuments?.enabled ?? true,
        ack: 'draft-02',
        cacheDuration: { min: 30, max: 3600 },
      } as never,
      registration: { enabled: true, initialAccessToken: options.registrationAccessToken ?? false },
      revocation: { enabled: true },
      introspection: { enabled: true },
      clientCredentials: { enabled: (options.serviceClients ?? []).length > 0 },
      userinfo: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // RFC 8707 as the MCP spec asks: the client names the resource; an authorization or client
        // credentials request without one is refused instead of guessed.
        defaultResource: async (_ctx, _client, oneOf) => {
          if (oneOf) return oneOf;
          throw new errors.InvalidTarget(`the resource parameter is required (${options.resource})`);
        },
        // MCP clients name the resource at the token endpoint too. A client that asked for openid and names
        // none gets a token for userinfo; everyone else gets the granted resource's token.
        useGrantedResource: async (_ctx, model) => !(model as { scopes?: Set<string> }).scopes?.has('openid'),
        getResourceServerInfo: async (_ctx, indicator) => {
          if (indicator !== options.resource) throw new errors.InvalidTarget(`tokens are issued only for ${options.resource}`);
          return {
            scope: MCP_SCOPES.join(' '),
            audience: options.resource,
            accessTokenTTL: options.accessTokenTtlSeconds ?? 900,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: policy.algorithm } },
          };
        },
      },
    },
    ttl: {
      AccessToken: options.accessTokenTtlSeconds ?? 900,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 24 * 3600,
      Grant: options.refreshTokenTtlSeconds ?? 7 * 24 * 3600,
      RefreshToken: options.refreshTokenTtlSeconds ?? 7 * 24 * 3600,
    },
    rotateRefreshToken: true,
    // MCP clients do not ask for offline_access; a client allowed the refresh_token grant gets one.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    extraTokenClaims: async (_ctx, token) => {
      // A user's token names their account; a service client's token is its own subject.
      const subject = (token as { accountId?: string }).accountId ?? (token as { clientId?: string }).clientId;
      const record = subject ? await options.vault.get(subject) : undefined;
      return record ? { tenant_id: record.identity.tenantId, organization_id: record.identity.organizationId } : {};
    },
    // oidc-provider's own error page, in this server's look; the message is escaped by errorPage.
    renderError: async (ctx, out) => {
      ctx.set(pageSecurityHeaders('no form'));
      ctx.type = 'html';
      ctx.body = errorPage(String(out.error_description ?? out.error ?? 'The request could not be completed.'));
    },
    clientDefaults: { grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none', id_token_signed_response_alg: policy.algorithm },
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = false;
  const ledger = new GrantLedger(options.kv, options.vault, (options.refreshTokenTtlSeconds ?? 7 * 24 * 3600) * 1000);
  provider.on('grant.revoked', (_ctx, grantId: string) => {
    void ledger.revoked(grantId).catch((error: unknown) => options.log.warn('could not update the grant ledger', { error: (error as Error).message }));
  });
  // oidc-provider answers an adapter failure as a server_error (500) and then emits this event with the
  // error: an unreachable store is marked on the request, and answered 503 below once the handler is done.
  const outages = new WeakSet<object>();
  provider.on('server_error', (ctx: KoaContextWithOIDC, error: unknown) => {
    if (isStateOutage(error)) outages.add(ctx);
  });
  // A client that asks for no scope (the MCP spec lets it) gets the everyday ones; admin must be asked for.
  provider.use(async (ctx, next) => {
    if (ctx.path === '/oauth2/authorize' && ctx.method === 'GET' && !ctx.query.scope) ctx.query = { ...ctx.query, scope: DEFAULT_SCOPE };
    // Resuming an interaction reads only its stored parameters. A client_id in the query made oidc-provider's
    // error path (a missing or expired interaction cookie) look the client up and then throw: a 500.
    if (RESUME_PATH.test(ctx.path)) ctx.querystring = '';
    try {
      await next();
    } catch (error) {
      // Outside an endpoint's own error handler (nothing routes there today): an outage is still a 503.
      if (!isStateOutage(error)) throw error;
      outages.add(ctx);
    }
    if (outages.has(ctx)) {
      // Nothing is wrong with the request and it will work when the store is back: 503 with Retry-After,
      // a page for a browser (the authorization endpoint), the OAuth JSON error for everyone else.
      options.log.warn('auth request refused: the state store is unreachable', { path: ctx.path });
      ctx.status = 503;
      ctx.set('retry-after', String(STATE_OUTAGE_RETRY_SECONDS));
      ctx.set('cache-control', 'no-store');
      if (ctx.response.is('html')) {
        ctx.set(pageSecurityHeaders('no form'));
        ctx.type = 'html';
        ctx.body = errorPage('Sign-in is unavailable for a moment. Try again shortly.');
      } else {
        ctx.body = { ...STATE_OUTAGE_BODY };
      }
      return;
    }
    if (ctx.response.is('html') && !ctx.response.get('content-security-policy')) ctx.set(PROVIDER_PAGE_HEADERS);
    // A method oidc-provider does not route (PUT on the metadata, GET on the token endpoint) would get Koa's plain "Not Found".
    if (ctx.status === 404 && ctx.body === undefined) {
      ctx.body = unknownEndpoint(ctx.method, ctx.path);
      ctx.status = 404;
    }
  });

  // Machine endpoints answer OAuth errors in JSON; the interaction pages, which only a browser visits, a page.
  const answerError = async (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0]!;
    // The state store (Redis: the rate-limit counters, oidc-provider's state, the vault) is unreachable: 503
    // with Retry-After, never a 500, and the same request succeeds once the store is back. The rate limit
    // fails closed: a request is not let through uncounted.
    if (isStateOutage(error)) {
      options.log.warn('auth request refused: the state store is unreachable', { path });
      reply.header('retry-after', String(STATE_OUTAGE_RETRY_SECONDS)).header('cache-control', 'no-store');
      if (!path.startsWith('/oauth2/interaction/')) return reply.code(503).type('application/json').send({ ...STATE_OUTAGE_BODY });
      return sendPage(reply, errorPage('Sign-in is unavailable for a moment. Try again shortly.'), { status: 503 });
    }
    const refusal = oauthRefusal(error, path);
    const expired = (error as { name?: string }).name === 'SessionNotFound';
    if (!refusal && !expired) options.log.warn('auth request failed', { path, error: (error as Error).message });
    if (!path.startsWith('/oauth2/interaction/')) {
      return reply.code(refusal?.statusCode ?? 500).type('application/json').send(refusal?.body ?? { error: 'server_error', error_description: 'The request could not be completed.' });
    }
    const status = refusal?.statusCode ?? (expired ? 400 : 500);
    const message = expired ? 'This sign-in expired. Start again from your MCP client.' : refusal ? refusal.body.error_description : 'The sign-in could not be completed.';
    return sendPage(reply, errorPage(message), { status });
  };
  // The router's own refusals (a malformed URL, an over-long path parameter) are answered the same way.
  // Closing drops every connection: oidc-provider reads the raw requests, and a client still sending a body it answered
  // early (a 413) or never finishing one would otherwise hold the shutdown open for ever.
  const app = Fastify({ logger: false, forceCloseConnections: true, frameworkErrors: (error, request, reply) => void answerError(error, request, reply) });
  const callback = provider.callback();
  // oidc-provider reads its own bodies: hand the raw request over before Fastify parses anything.
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (!OIDC_PATHS.includes(path) && !OIDC_PREFIXES.some((prefix) => path.startsWith(prefix))) return;
    reply.hijack();
    callback(request.raw, reply.raw);
  });
  // Token requests and registrations are rate-limited before oidc-provider sees them; Fastify parses the
  // body (to find the client), and oidc-provider reads the parsed body from the request.
  await app.register(rateLimit, { global: false, hook: 'preHandler', skipOnError: false, ...(options.redis ? { redis: options.redis, nameSpace: `${options.redisKeyPrefix}auth-rate-limit:` } : {}) });
  const handOver = async (request: FastifyRequest, reply: FastifyReply) => {
    (request.raw as typeof request.raw & { body?: unknown }).body = request.body;
    reply.hijack();
    callback(request.raw, reply.raw);
  };
  const tooMany = (what: string) => (_request: FastifyRequest, context: { after: string; statusCode: number }) => ({
    statusCode: context.statusCode,
    error: 'rate_limited',
    error_description: `Too many ${what}; retry after ${context.after}.`,
  });
  const tokenLimit = options.tokenRateLimit ?? { max: 10, windowSeconds: 3600 };
  app.post('/oauth2/token', { config: { rateLimit: { max: tokenLimit.max, timeWindow: tokenLimit.windowSeconds * 1000, keyGenerator: clientOf, errorResponseBuilder: tooMany('token requests for this client') } } }, handOver);
  const registrationLimit = options.registrationRateLimit ?? { max: 20, windowSeconds: 3600 };
  app.post('/oauth2/register', { config: { rateLimit: { max: registrationLimit.max, timeWindow: registrationLimit.windowSeconds * 1000, errorResponseBuilder: tooMany('client registrations from this address') } } }, handOver);

  registerBodyParsers(app);

  registerInteractionRoutes(app, { provider, vault: options.vault, gauzy: options.gauzy, gauzySandbox: options.gauzySandbox ?? false, log: options.log, ledger, throttle: createSignInThrottle({ maxFailures: options.signInMaxFailures, ...(options.redis ? { redis: { client: options.redis, prefix: options.redisKeyPrefix! } } : {}) }), csrfSecret: createHmac('sha256', cookieKeys[0]!).update('gauzy-mcp csrf').digest() });

  app.setNotFoundHandler(async (request, reply) => reply.code(404).type('application/json').send(unknownEndpoint(request.method, request.url.split('?')[0]!)));
  app.setErrorHandler(answerError);
  return { app, provider };
}

/** The client a token request is for: HTTP Basic credentials, else the form's client_id, else the address. */
function clientOf(request: FastifyRequest): string {
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (basic) {
    const id = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':')[0];
    if (id) return `client:${decodedOrRaw(id)}`;
  }
  const form = request.body as Record<string, unknown> | undefined;
  return typeof form?.client_id === 'string' ? `client:${form.client_id}` : `ip:${request.ip}`;
}

function unknownEndpoint(method: string, path: string): { error: string; error_description: string } {
  return { error: 'not_found', error_description: `${method} ${path.slice(0, 200)} is not an endpoint of this authorization server` };
}

/** Basic credentials are form-encoded (RFC 6749 2.3.1); a malformed escape is counted under the raw id. */
function decodedOrRaw(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function checkedRing(ring: KeyRing): KeyRing {
  const signing = ring.keys.filter((key) => key.activatedAt !== undefined && key.retiredAt === undefined);
  if (signing.length !== 1) throw new Error('the provided signing keys need exactly one active key');
  if (ring.keys.some((key) => !key.jwk.d || !key.jwk.kid)) throw new Error('the provided signing keys must be private keys with a kid');
  return ring;
}



export type { KoaContextWithOIDC };
