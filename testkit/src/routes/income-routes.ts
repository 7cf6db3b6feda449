import type { RouteRegistry } from '../engine/route-registry.js';
import { servePaginationWithRange, serveSaveUpdate } from './expenses-routes.js';

/** The income routes with logic of their own (packages/core/src/lib/income/); the others come from the pack's entity. */
export function registerIncomeRoutes(registry: RouteRegistry): void {
  // IncomeUpdateHandler: as ExpenseUpdateHandler (see serveSaveUpdate).
  serveSaveUpdate(registry, '/api/income/:id', 'income');
  // IncomeService.pagination: notes LIKE, valueDate Between (both ends, else this month), tags by id (not modelled).
  servePaginationWithRange(registry, '/api/income/pagination', 'income', ['notes']);
}
