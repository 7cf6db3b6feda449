import { defineTool, GauzyMcpError, normalizePage, scopeWhere, withRefusalHints, type QueryValue, type RefusalHint, type ToolContext, type ToolDefinition } from '@gauzy-mcp/core';
import { INCOME_RELATIONS } from '../entities.js';

type Item = Record<string, unknown>;

export const INCOME_PAGINATION = '/api/income/pagination';

/** Gauzy's seeded EMPLOYEE role has neither ORG_INCOMES_VIEW nor ORG_INCOMES_EDIT: every income route answers 403. */
export const incomesNeedPermission: RefusalHint = {
  code: 'GMCP_ERR_GAUZY_FORBIDDEN',
  match: /Forbidden/,
  hint: 'Your Gauzy role lacks ORG_INCOMES_VIEW / ORG_INCOMES_EDIT (the seeded EMPLOYEE role has neither); ask an admin to record or change incomes, or to grant the permission.',
};

/** A tool whose Gauzy refusals for want of the income permissions say what to do. */
export const hinted = (tool: ToolDefinition): ToolDefinition =>
  defineTool({ ...tool, handler: (args, ctx) => withRefusalHints(() => tool.handler(args, ctx), [incomesNeedPermission]) });

/** The employee and client as `{ id, name }`, as the line names them (Gauzy sends the whole records). */
export function compactIncome(income: Item): Item {
  const out: Item = { ...income };
  const employee = income.employee as Item | null | undefined;
  if (employee && typeof employee === 'object') {
    const user = employee.user as Item | undefined;
    out.employee = { id: employee.id, name: (user ? [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email : undefined) ?? null };
  }
  const client = income.client as Item | null | undefined;
  if (client && typeof client === 'object') out.client = { id: client.id, name: client.name ?? null };
  return out;
}

/** One page of GET /api/income/pagination (1-based `skip`), scoped, the line's relations joined, latest day first. */
export async function readIncomePage(ctx: ToolContext, where: Record<string, QueryValue>, take: number, page: number) {
  const answer = await ctx.gauzy.get(INCOME_PAGINATION, {
    query: { where: scopeWhere(ctx.scope, where), relations: [...INCOME_RELATIONS], order: { valueDate: 'DESC', createdAt: 'DESC' }, take, skip: page },
  });
  const read = normalizePage(answer);
  if (!read.paged) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['expected {items,total}']);
  return { ...read, items: read.items.map(compactIncome) };
}

/** One income with its employee and client named (GET /:id joins nothing): 404 as GET /:id answers. */
export async function readIncome(ctx: ToolContext, id: string): Promise<Item> {
  const { items } = await readIncomePage(ctx, { id }, 1, 1);
  if (!items[0]) throw new GauzyMcpError('GMCP_ERR_GAUZY_NOT_FOUND', ['HTTP 404'], { status: 404, gauzyMessages: [`No income with id ${id} in this organization.`] });
  return items[0];
}
