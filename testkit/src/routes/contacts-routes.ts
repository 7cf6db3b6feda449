import type { RouteRegistry } from '../engine/route-registry.js';

/** The contacts routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerContactsRoutes(_registry: RouteRegistry): void {}
