import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import qs from 'qs';
import { serveEntity } from './engine/crud-engine.js';
import { EntityRegistry, type SandboxEntityInput } from './engine/entity-registry.js';
import { RouteRegistry } from './engine/route-registry.js';
import { FaultInjector } from './faults.js';
import { GauzyHttpError, routeNotFound } from './http-errors.js';
import { parseResponsePayload, redactHeaders, type RecordedRequest } from './request-log.js';
import { registerAuthRoutes, type TokenState } from './routes/auth-routes.js';
import { registerTimeLogRoutes, registerTimerRoutes } from './routes/time-tracking-routes.js';
import { registerEmployeeRoutes, registerProjectRoutes, registerTaskRoutes, registerTeamRoutes } from './routes/work-routes.js';
import { registerEmployeesRoutes } from './routes/employees-routes.js';
import { registerSkillsRoutes } from './routes/skills-routes.js';
import { registerContactsRoutes } from './routes/contacts-routes.js';
import { registerCandidatesRoutes } from './routes/candidates-routes.js';
import { registerTimeOffRoutes } from './routes/time-off-routes.js';
import { registerDailyPlansRoutes } from './routes/daily-plans-routes.js';
import { registerCommentsRoutes } from './routes/comments-routes.js';
import { registerInvoicesRoutes } from './routes/invoices-routes.js';
import { registerPaymentsRoutes } from './routes/payments-routes.js';
import { registerExpensesRoutes } from './routes/expenses-routes.js';
import { registerIncomeRoutes } from './routes/income-routes.js';
import { registerSalesRoutes } from './routes/sales-routes.js';
import { registerGoalsRoutes } from './routes/goals-routes.js';
import { registerProductsRoutes } from './routes/products-routes.js';
import { registerEquipmentRoutes } from './routes/equipment-routes.js';
import { registerWarehousesRoutes } from './routes/warehouses-routes.js';
import { registerReportsRoutes } from './routes/reports-routes.js';
import { PLATFORM_ENTITIES } from './platform-entities.js';
import { seedSandbox, type SeedInfo } from './seed.js';
import { SandboxStore } from './store.js';

export interface SandboxOptions {
  /** Default 0 (ephemeral). The host is always 127.0.0.1. */
  port?: number;
  /** Default 'demo'. */
  seed?: 'default' | 'demo';
  /** Default 86400, like Gauzy. */
  accessTokenTtlSeconds?: number;
  /** Default: random per instance. */
  jwtSecret?: string;
  /**
   * The entities this sandbox serves beyond the platform ones it always knows (users, roles, organizations,
   * employees, teams, tags, clients): a pack's `./sandbox` export, or bare descriptions. Their operations'
   * routes are served; rows of a table no entity describes are kept and joined as stored.
   */
  entities?: readonly SandboxEntityInput[];
}

export interface SandboxApp {
  app: FastifyInstance;
  seed: SeedInfo;
  db: SandboxStore;
  requests: RecordedRequest[];
  faults: FaultInjector;
  expireAccessTokens(): void;
  routes: Array<{ method: string; path: string }>;
}

export interface Sandbox {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly seed: SeedInfo;
  readonly db: SandboxStore;
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  readonly faults: FaultInjector;
  expireAccessTokens(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the Fastify app (not listening) — use `app.inject()` in tests. */
export async function buildSandboxApp(options: SandboxOptions = {}): Promise<SandboxApp> {
  // Express "extended" query parser = qs: where[a][b]=x, relations[]=x, relations[0]=x.
  const app = Fastify({ logger: false, bodyLimit: 50 * 1024 * 1024, routerOptions: { querystringParser: (str: string) => qs.parse(str) as Record<string, unknown> } });
  const db = new SandboxStore(new EntityRegistry([...PLATFORM_ENTITIES, ...(options.entities ?? [])]));
  // After the entities: seeded rows get their columns' defaults.
  const seed = seedSandbox(db, options.seed ?? 'demo');
  const faults = new FaultInjector();
  const requests: RecordedRequest[] = [];
  const tokens: TokenState = {
    jwtSecret: options.jwtSecret ?? randomBytes(32).toString('hex'),
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 86_400,
    revokedAccessTokens: new Set(), issuedAccessTokens: new Set(), refreshTokens: new Map(), spentRefreshTokens: new Map(),
  };

  // Express's JSON parser accepts an empty body; Fastify's would 400 on it.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body ?? '');
    if (!text.trim()) return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(new GauzyHttpError(400, { statusCode: 400, message: (error as Error).message, error: 'Bad Request' }), undefined);
    }
  });

  const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? request.url;
  const record = (request: FastifyRequest, status: number, responseBody: unknown) => {
    const url = request.url;
    const q = url.indexOf('?');
    requests.push({
      method: request.method, path: pathOf(request), query: (request.query ?? {}) as Record<string, unknown>,
      rawQuery: q >= 0 ? url.slice(q + 1) : '', headers: redactHeaders(request.headers), body: request.body ?? null,
      status, responseBody, at: new Date().toISOString(),
    });
  };

  // Faults apply before auth (and before body parsing), like a flaky proxy in front of Gauzy.
  app.addHook('onRequest', async (request, reply) => {
    const fault = faults.take(request.method, pathOf(request));
    if (!fault) return;
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.reset) {
      record(request, 0, null);
      request.raw.socket.destroy();
      return reply.hijack();
    }
    if (fault.status !== undefined) {
      reply.code(fault.status).headers(fault.headers ?? {});
      const body = fault.body ?? { statusCode: fault.status, message: 'Injected fault' };
      return reply.send(body);
    }
    if (fault.headers) reply.headers(fault.headers);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    record(request, reply.statusCode, parseResponsePayload(payload));
    return payload;
  });

  app.setNotFoundHandler((request, reply) => {
    const err = routeNotFound(request.method, request.url);
    reply.code(err.status).send(err.body);
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof GauzyHttpError) {
      reply.code(error.status).headers(error.headers);
      return reply.send(error.body);
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return reply.code(status).send({ statusCode: status, message: (error as Error).message });
    return reply.code(500).send({ statusCode: 500, message: 'Internal server error' });
  });

  const registry = new RouteRegistry(app, db, tokens);
  registerRoutes(registry, db, tokens);
  await app.ready();

  const routes = registry.served.map(({ method, path }) => ({ method, path }));
  return {
    app, seed, db, requests, faults, routes,
    expireAccessTokens: () => {
      for (const token of tokens.issuedAccessTokens) tokens.revokedAccessTokens.add(token);
    },
  };
}

/** Builds the sandbox and listens on 127.0.0.1. */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const built = await buildSandboxApp(options);
  await built.app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = built.app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app: built.app, seed: built.seed, db: built.db, requests: built.requests, faults: built.faults,
    clearRequests: () => { built.requests.length = 0; },
    expireAccessTokens: built.expireAccessTokens,
    close: async () => {
      const closed = built.app.close();
      // Clients keep idle keep-alive connections open for seconds; a test double should not wait for them.
      built.app.server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * The routes with logic of their own first (Gauzy declares its literal routes before `/:id` too, and a
 * custom handler wins over an entity's generic one), then every entity's operations.
 */
function registerRoutes(registry: RouteRegistry, db: SandboxStore, tokens: TokenState): void {
  registerAuthRoutes(registry, db, tokens);
  registerTaskRoutes(registry);
  registerProjectRoutes(registry);
  registerEmployeeRoutes(registry);
  registerTeamRoutes(registry);
  registerTimerRoutes(registry);
  registerTimeLogRoutes(registry);
  registerEmployeesRoutes(registry);
  registerSkillsRoutes(registry);
  registerContactsRoutes(registry);
  registerCandidatesRoutes(registry);
  registerTimeOffRoutes(registry);
  registerDailyPlansRoutes(registry);
  registerCommentsRoutes(registry);
  registerInvoicesRoutes(registry);
  registerPaymentsRoutes(registry);
  registerExpensesRoutes(registry);
  registerIncomeRoutes(registry);
  registerSalesRoutes(registry);
  registerGoalsRoutes(registry);
  registerProductsRoutes(registry);
  registerEquipmentRoutes(registry);
  registerWarehousesRoutes(registry);
  registerReportsRoutes(registry);
  for (const spec of db.entities.served()) serveEntity(registry, spec);
}

/** Every route a sandbox taught `entities` serves (method + Gauzy template). */
export function sandboxRoutes(options: Pick<SandboxOptions, 'entities'> = {}): Array<{ method: string; path: string }> {
  // Route registration is synchronous; a throwaway registry against a bare app lists it.
  const app = Fastify({ logger: false });
  const db = new SandboxStore(new EntityRegistry([...PLATFORM_ENTITIES, ...(options.entities ?? [])]));
  const tokens: TokenState = { jwtSecret: 'x', accessTokenTtlSeconds: 1, revokedAccessTokens: new Set(), issuedAccessTokens: new Set(), refreshTokens: new Map() };
  const registry = new RouteRegistry(app, db, tokens);
  registerRoutes(registry, db, tokens);
  void app.close();
  return registry.served.map(({ method, path }) => ({ method, path }));
}
