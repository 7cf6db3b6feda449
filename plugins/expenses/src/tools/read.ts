import { defineTool, GauzyMcpError, normalizePage, scopeWhere, withRefusalHints, type QueryValue, type RefusalHint, type ToolContext, type ToolDefinition } from '@gauzy-mcp/core';
import { EXPENSE_RELATIONS } from '../entities.js';

type Item = Record<string, unknown>;

export const EXPENSE_PAGINATION = '/api/expense/pagination';

/** Gauzy's seeded EMPLOYEE role has neither ORG_EXPENSES_VIEW nor ORG_EXPENSES_EDIT: every expense route answers 403. */
export const expensesNeedPermission: RefusalHint = {
  code: 'GMCP_ERR_GAUZY_FORBIDDEN',
  match: /Forbidden/,
  hint: 'Your Gauzy role lacks ORG_EXPENSES_VIEW / ORG_EXPENSES_EDIT (the seeded EMPLOYEE role has neither); ask an admin to record or change expenses, or to grant the permission.',
};

/** A tool whose Gauzy refusals for want of the expense permissions say what to do. */
export const hinted = (tool: ToolDefinition): ToolDefinition =>
  tool.handler ? defineTool({ ...tool, handler: (args, ctx) => withRefusalHints(() => tool.handler(args, ctx), [expensesNeedPermission]) }) : tool;

/** Related records as `{ id, name }`, as the line names them (Gauzy sends the whole employee, user, category, contact). */
export function compactExpense(expense: Item): Item {
  const ref = (value: unknown, name: (record: Item) => unknown) => {
    if (!value || typeof value !== 'object') return value;
    const record = value as Item;
    return { id: record.id, name: name(record) ?? null };
  };
  const person = (record: Item) => {
    const user = record.user as Item | undefined;
    return user ? [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email : undefined;
  };
  const out: Item = { ...expense };
  for (const [key, name] of [['employee', person], ['category', (r: Item) => r.name], ['organizationContact', (r: Item) => r.name], ['vendor', (r: Item) => r.name]] as const) {
    if (key in out) out[key] = ref(out[key], name);
  }
  return out;
}

/**
 * One page of GET /api/expense/pagination (BaseQueryDTO: `where[...]`, `relations[]`, `order`, `skip` a 1-based
 * page), scoped to the caller's tenant and organization, the line's relations joined, latest day first.
 */
export async function readExpensePage(ctx: ToolContext, where: Record<string, QueryValue>, take: number, page: number) {
  const answer = await ctx.gauzy.get(EXPENSE_PAGINATION, {
    query: { where: scopeWhere(ctx.scope, where), relations: [...EXPENSE_RELATIONS], order: { valueDate: 'DESC', createdAt: 'DESC' }, take, skip: page },
  });
  const read = normalizePage(answer);
  if (!read.paged) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['expected {items,total}']);
  return { ...read, items: read.items.map(compactExpense) };
}

/** One expense with its employee, category and client named (GET /:id joins nothing): 404 as GET /:id answers. */
export async function readExpense(ctx: ToolContext, id: string): Promise<Item> {
  const { items } = await readExpensePage(ctx, { id }, 1, 1);
  if (!items[0]) throw new GauzyMcpError('GMCP_ERR_GAUZY_NOT_FOUND', ['HTTP 404'], { status: 404, gauzyMessages: [`No expense with id ${id} in this organization.`] });
  return items[0];
}
