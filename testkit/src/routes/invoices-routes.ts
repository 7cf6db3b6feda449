import type { RouteRegistry } from '../engine/route-registry.js';

/** The invoices routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerInvoicesRoutes(_registry: RouteRegistry): void {}
