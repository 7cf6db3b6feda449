import type { FastifyInstance } from 'fastify';
import type { HostMetrics } from './metrics.js';

export interface OpsDeps {
  version: string;
  metrics: HostMetrics;
  /** Resolves when shared state answers; rejects with the reason otherwise. */
  checkState(): Promise<void>;
  /** Resolves when Gauzy answers at all (any status below 500). */
  checkGauzy(): Promise<void>;
  /** Resolves when the configured Gauzy accounts sign in (development identity); absent otherwise. */
  checkCredentials?(): Promise<void>;
  facts(): Record<string, unknown>;
}

/** Liveness, readiness and metrics: what an orchestrator and a scraper ask, never authenticated or rate-limited. */
export function registerOpsRoutes(app: FastifyInstance, deps: OpsDeps): void {
  const started = Date.now();
  app.get('/health', async () => ({ status: 'ok', version: deps.version, uptimeSeconds: Math.round((Date.now() - started) / 1000), ...deps.facts() }));
  app.get('/ready', async (_request, reply) => {
    const checks = await Promise.all([probe('state', deps.checkState), probe('gauzy', deps.checkGauzy), ...(deps.checkCredentials ? [probe('credentials', deps.checkCredentials)] : [])]);
    const ready = checks.every((check) => check.ok);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(checks.map(({ name, ...rest }) => [name, rest])) });
  });
  app.get('/metrics', async (_request, reply) => reply.type('text/plain; version=0.0.4; charset=utf-8').send(deps.metrics.render()));
}

async function probe(name: string, check: () => Promise<void>): Promise<{ name: string; ok: boolean; error?: string }> {
  try {
    await check();
    return { name, ok: true };
  } catch (error) {
    return { name, ok: false, error: (error as Error).message };
  }
}
