import type { RouteRegistry } from '../engine/route-registry.js';

/** The equipment routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerEquipmentRoutes(_registry: RouteRegistry): void {}
