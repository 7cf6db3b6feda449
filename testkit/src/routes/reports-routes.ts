import type { HandlerInput } from '../engine/context.js';
import { assertUuidParam, insertEntity } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { serialize } from '../engine/serialize.js';
import type { Row } from '../store.js';

/*
 * Gauzy's report catalog (packages/core/src/lib/reports): reports are seeded for every tenant; whether an
 * organization's menu shows one is its ReportOrganization row. ReportService.findAllReports answers
 * {items,total} of every report with `showInMenu` computed for the query's organization and the caller's
 * tenant; getMenuItems the reports enabled there; ReportOrganizationService.updateReportMenu saves the row
 * for (reportId, organizationId, tenant), creating it when absent, and answers it. No permission guard.
 */

const organizationOf = (input: HandlerInput) => String(input.query.organizationId ?? input.body.organizationId ?? '');

function enabledFor(input: HandlerInput, tenantId: string): Set<string> {
  const organizationId = organizationOf(input);
  return new Set(
    input.store
      .list('reportOrganization')
      .filter((row) => row.organizationId === organizationId && row.tenantId === tenantId && row.isEnabled && row.isActive !== false && !row.isArchived)
      .map((row) => String(row.reportId)),
  );
}

const relationsOf = (input: HandlerInput): string[] => {
  const raw = input.query.relations;
  return (Array.isArray(raw) ? raw : raw ? [raw] : []).map(String);
};

export function registerReportsRoutes(registry: RouteRegistry): void {
  registry.serve('GET', '/api/report', (input) => {
    const caller = requireCaller(input);
    const enabled = enabledFor(input, caller.tenantId);
    const items = input.store.list('report').map((row: Row) => ({ ...serialize('report', row, input.store, relationsOf(input)), showInMenu: enabled.has(String(row.id)) }));
    return { body: { items, total: items.length } };
  });

  registry.serve('GET', '/api/report/menu-items', (input) => {
    const caller = requireCaller(input);
    const enabled = enabledFor(input, caller.tenantId);
    return { body: input.store.list('report').filter((row) => enabled.has(String(row.id))).map((row) => serialize('report', row, input.store)) };
  });

  registry.serve('POST', '/api/report/menu-item', (input) => {
    const caller = requireCaller(input);
    const reportId = assertUuidParam(String(input.body.reportId ?? ''));
    const organizationId = organizationOf(input);
    const existing = input.store.list('reportOrganization').find((row) => row.reportId === reportId && row.organizationId === organizationId && row.tenantId === caller.tenantId);
    const changes = { ...(input.body.isEnabled !== undefined ? { isEnabled: Boolean(input.body.isEnabled) } : {}) };
    const saved = existing
      ? input.store.update('reportOrganization', String(existing.id), { ...changes, updatedAt: new Date().toISOString() })
      : insertEntity(input.store, 'reportOrganization', { reportId, isEnabled: true, isActive: true, isArchived: false, ...changes }, { tenantId: caller.tenantId, organizationId });
    return { status: 201, body: serialize('reportOrganization', saved!, input.store) };
  });
}
