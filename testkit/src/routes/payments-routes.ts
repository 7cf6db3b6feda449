import type { RouteRegistry } from '../engine/route-registry.js';

/** The payments routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerPaymentsRoutes(_registry: RouteRegistry): void {}
