import { defineTool, entityOutput, GauzyMcpError, listOutput, normalizePage, ok, uuid, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { describeReport, REPORTS_TOOLSET as toolset } from '../entities.js';

type Item = Record<string, unknown>;

const LIST = 'GET /api/report' as const;

/** Every report of the catalog with its category and whether this organization's menu shows it (ReportService.findAllReports). */
async function readReports(ctx: ToolContext): Promise<Item[]> {
  const answer = await ctx.gauzy.get('/api/report', { query: { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId, relations: ['category'] } });
  // Only what the line shows: Gauzy's rows also carry image paths and URLs no answer needs.
  return normalizePage(answer).items.map((report) => {
    const category = report.category as Item | null | undefined;
    return { id: report.id, name: report.name, slug: report.slug, description: report.description ?? null, showInMenu: Boolean(report.showInMenu), category: category ? { id: category.id, name: category.name } : null };
  });
}

/** Reports grouped under their category, in the catalog's order, so a reader sees the categories too. */
function byCategory(reports: readonly Item[]): string[] {
  const groups = new Map<string, Item[]>();
  for (const report of reports) {
    const name = String((report.category as Item | null)?.name ?? 'No category');
    groups.set(name, [...(groups.get(name) ?? []), report]);
  }
  return [...groups.entries()].flatMap(([name, items]) => [`${name}:`, ...items.map((report) => `- ${describeReport(report)}`)]);
}

export const listReports = defineTool({
  name: 'list_reports',
  title: 'List reports',
  description: "Gauzy's report pages by category and whether your organization's menu shows each; inMenu narrows to those shown or hidden. For numbers: generate_report.",
  toolset,
  aliases: ['get_reports', 'get_report_categories'],
  presets: { get_report_menu_items: { inMenu: true } },
  effect: 'read',
  input: z.object({ inMenu: z.boolean().optional() }),
  output: listOutput,
  routes: [LIST],
  async handler({ inMenu }, ctx) {
    const all = await readReports(ctx);
    const items = inMenu === undefined ? all : all.filter((report) => Boolean(report.showInMenu) === inMenu);
    const what = inMenu === undefined ? 'reports' : inMenu ? 'reports in the menu' : 'reports not in the menu';
    const text = items.length ? [`${items.length} ${what}:`, ...byCategory(items)].join('\n') : `No ${what}.`;
    return ok({ items, total: items.length }, text);
  },
});

export const updateReportMenu = defineTool({
  name: 'update_report_menu',
  title: 'Show or hide a report in the menu',
  description: "Shows (showInMenu true) or hides a report in your organization's reports menu of the Gauzy app; changes no data.",
  toolset,
  effect: 'write',
  idempotent: true,
  input: z.object({ reportId: uuid(), showInMenu: z.boolean() }),
  output: entityOutput,
  routes: ['POST /api/report/menu-item', LIST],
  async handler({ reportId, showInMenu }, ctx) {
    // ReportOrganizationService.updateReportMenu saves whatever report id it is given (a new row when none
    // exists): the catalog is read first so an unknown id is refused instead of leaving a dangling entry.
    const before = (await readReports(ctx)).find((report) => report.id === reportId);
    if (!before) {
      throw new GauzyMcpError('GMCP_ERR_GAUZY_NOT_FOUND', ['HTTP 404'], { status: 404, gauzyMessages: [`No report with id ${reportId}; list_reports lists them.`] });
    }
    await ctx.gauzy.post('/api/report/menu-item', { reportId, isEnabled: showInMenu, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId });
    const after = (await readReports(ctx)).find((report) => report.id === reportId) ?? { ...before, showInMenu };
    return ok(after, `${showInMenu ? 'Shown' : 'Hidden'}: ${describeReport(after)}`);
  },
});
