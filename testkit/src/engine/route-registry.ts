import type { FastifyInstance } from 'fastify';
import { GauzyHttpError } from '../http-errors.js';
import { requireGauzyRoute, type GauzyRoute } from '../route-table.js';
import type { SandboxStore } from '../store.js';
import type { HandlerInput, RouteHandler } from './context.js';
import { authenticate, checkOrganizationPermission, checkPermissions, checkTenant, type AuthState } from './guards.js';

/**
 * Registers sandbox routes behind Gauzy's guard chain, in Gauzy's order: AuthGuard (unless public) →
 * tenant guard → permission guard(s) → handler. Every route must exist in the Gauzy route table, so the
 * sandbox can never invent an endpoint; status codes default to the table's `status` column.
 */
export class RouteRegistry {
  readonly served: Array<{ method: string; path: string; route: GauzyRoute }> = [];

  /** The sandbox's rows and the entities it was taught: a route file serves some routes only for a pack's entities. */
  constructor(private readonly app: FastifyInstance, readonly store: SandboxStore, private readonly auth: AuthState) {}

  serve(method: string, template: string, handler: RouteHandler): void {
    const route = requireGauzyRoute(method, template);
    if (this.served.some((s) => s.method === route.method && s.path === route.path)) return;
    this.served.push({ method: route.method, path: route.path, route });
    this.app.route({
      method: route.method as 'GET',
      url: route.path,
      handler: async (request, reply) => {
        const caller = route.isPublic ? undefined : authenticate(request, this.store, this.auth);
        if (caller) {
          checkTenant(route, caller, request);
          checkPermissions(route, caller);
          checkOrganizationPermission(route, caller, request, this.store);
        }
        const input: HandlerInput = {
          route, caller,
          params: (request.params ?? {}) as Record<string, string>,
          query: (request.query ?? {}) as Record<string, unknown>,
          body: request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {},
          headers: request.headers, store: this.store, request, reply,
        };
        const out = await handler(input);
        const status = out.status ?? route.status;
        reply.code(status);
        if (status === 204 || out.body === undefined) return reply.send();
        if (out.contentType) return reply.header('content-type', out.contentType).send(out.body as Buffer);
        // Bare booleans/numbers must still go out as JSON (Nest serializes them).
        reply.header('content-type', 'application/json; charset=utf-8');
        return reply.send(JSON.stringify(out.body));
      },
    });
  }
}

/** A guard-aware caller is always present on non-public routes; this narrows the type for handlers. */
export function requireCaller(input: HandlerInput) {
  if (!input.caller) throw new GauzyHttpError(401, { statusCode: 401, message: 'Unauthorized' });
  return input.caller;
}
