import { defineEntity } from '@gauzy-mcp/core';
import { z } from 'zod';

export const REPORTS_TOOLSET = 'reports';

type Item = Record<string, unknown>;

/** A report of Gauzy's catalog on one line: name, slug, id, category, whether the organization's menu shows it. */
export function describeReport(report: Item): string {
  const category = (report.category as Item | undefined)?.name;
  return `${String(report.name ?? '(unnamed)')} (slug ${String(report.slug ?? '-')}, id ${String(report.id)})${category ? ` · ${String(category)}` : ''} · ${report.showInMenu ? 'in the menu' : 'not in the menu'}`;
}

/**
 * Gauzy's report catalog (packages/core/src/lib/reports): the report pages its web app offers, seeded once for
 * every tenant (no tenant or organization column), in categories. Whether an organization's menu shows a report
 * is a ReportOrganization row (isEnabled); GET /api/report answers every report with `showInMenu` computed for
 * the organization in the query. The controller has no permission guard: any signed-in user reads and changes it.
 */
export const reportEntity = defineEntity({
  name: 'report',
  gauzyClass: 'Report',
  noun: 'report',
  plural: 'reports',
  path: '/api/report',
  // GET /api/report is served by ReportService.findAllReports (not the generic CRUD list): the tools call it directly.
  operations: ['findAll'],
  scope: 'tenant',
  fields: { name: z.string(), slug: z.string(), description: z.string().optional(), iconClass: z.string().optional() },
  columns: ['showInMenu', 'categoryId', 'image', 'imageUrl'],
  relations: { category: { kind: 'manyToOne', entity: 'reportCategory', key: 'categoryId' } },
  describe: describeReport,
});

export const reportCategoryEntity = defineEntity({
  name: 'reportCategory',
  gauzyClass: 'ReportCategory',
  noun: 'report category',
  plural: 'report categories',
  path: '/api/report/category',
  operations: ['findAll'],
  list: { query: 'where', paging: 'offset' },
  scope: 'tenant',
  fields: { name: z.string(), iconClass: z.string().optional() },
});

/** The organization's menu entry of one report (report_organization). */
export const reportOrganizationEntity = defineEntity({
  name: 'reportOrganization',
  gauzyClass: 'ReportOrganization',
  noun: 'report menu entry',
  plural: 'report menu entries',
  path: '',
  operations: [],
  scope: 'organization',
  fields: { reportId: z.string(), isEnabled: z.boolean() },
  relations: { report: { kind: 'manyToOne', entity: 'report', key: 'reportId' } },
});
