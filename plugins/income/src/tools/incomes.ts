import {
  callerEmployeeId,
  crudToolList,
  defined,
  defineTool,
  entityFieldsParam,
  entityOutput,
  isoDate,
  listOutput,
  listResult,
  ok,
  pagination,
  readRowWindow,
  uuid,
  type QueryValue,
  type ToolDefinition,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { currency } from '../currencies.js';
import { describeIncome, INCOME_TOOLSET as toolset, incomeCreateFields, incomeEntity, money } from '../entities.js';
import { hinted, INCOME_PAGINATION, readIncome, readIncomePage } from './read.js';

type Item = Record<string, unknown>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * IncomeService.pagination bounds valueDate with `where[valueDate][startDate]` and `[endDate]`, a missing end
 * reading as this month's: it is filled with the widest one; a day as `endDate` includes that whole day.
 */
function valueDateRange(startDate?: string, endDate?: string): Record<string, QueryValue> | undefined {
  if (!startDate && !endDate) return undefined;
  const start = startDate ?? '1970-01-01T00:00:00.000Z';
  const end = endDate ? (DAY.test(endDate) ? `${endDate}T23:59:59.000Z` : endDate) : '9999-12-31T23:59:59.000Z';
  return { startDate: start, endDate: end };
}

function sumsOf(items: readonly Item[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const item of items) {
    const code = String(item.currency ?? '?');
    sums[code] = Math.round(((sums[code] ?? 0) + Number(item.amount ?? 0)) * 100) / 100;
  }
  return sums;
}

const listInput = z.object({
  startDate: isoDate().optional().describe('valueDate from'),
  endDate: isoDate().optional(),
  employeeId: uuid().optional(),
  clientId: uuid().optional(),
  currency: currency().optional(),
  isBonus: z.boolean().optional(),
  notes: z.string().trim().min(1).max(200).optional().describe('Contained'),
  ...pagination,
  fields: entityFieldsParam({ fieldNames: ['amount', 'currency', 'valueDate', 'clientId', 'employeeId', 'isBonus', 'notes'] }),
});

/**
 * The income list: GET /api/income/pagination with what Gauzy filters there (employee, client, currency and
 * bonus exactly, notes by part, the valueDate range), employee and client joined, latest day first.
 */
export const listIncomesTool = defineTool({
  name: 'list_incomes',
  title: 'Find incomes',
  description: 'Find incomes by day received, employee, client, currency, bonus or notes; total and sums.',
  toolset,
  aliases: ['get_incomes', 'get_incomes_pagination', 'get_income_count', 'get_incomes_by_employee'],
  // GET /api/income/me answers every income of the caller at once (no paging; a month at most) and, like every
  // income route, 403 to the seeded EMPLOYEE role: "mine" is this list's filter.
  presets: { get_my_incomes: { employeeId: callerEmployeeId } },
  effect: 'read',
  input: listInput,
  output: listOutput,
  routes: [`GET ${INCOME_PAGINATION}`],
  async handler({ take, skip, fields, startDate, endDate, ...equal }, ctx) {
    const range = valueDateRange(startDate, endDate);
    const where: Record<string, QueryValue> = { ...(defined(equal) as Record<string, QueryValue>), ...(range ? { valueDate: range } : {}) };
    const page = await readRowWindow((size, number) => readIncomePage(ctx, where, size, number), skip, take);
    const result = listResult({ items: page.items, total: page.total, skip, take, fields, noun: 'incomes', describe: describeIncome });
    if (!page.items.length) return result;
    const sums = sumsOf(page.items);
    const text = `${result.text}\nThis page sums to ${Object.entries(sums).map(([code, sum]) => money(sum, code)).join(', ')}.`;
    return { structured: { ...result.structured, pageSums: sums }, text };
  },
});

export const getIncomeTool = defineTool({
  name: 'get_income_by_id',
  title: 'Get an income',
  description: 'One income by id, client and employee named.',
  toolset,
  aliases: incomeEntity.aliases?.get,
  effect: 'read',
  input: z.object({ id: uuid() }),
  output: entityOutput,
  routes: [`GET ${INCOME_PAGINATION}`],
  async handler({ id }, ctx) {
    const income = await readIncome(ctx, id);
    return ok(income, `Found income: ${describeIncome(income)}`);
  },
});

const derived = crudToolList(incomeEntity, {
  toolset,
  tools: {
    list: false,
    pagination: false,
    get: false,
    count: false,
    create: { description: 'Record money received from a client (amount, currency, clientId; employee, day, bonus).', fields: incomeCreateFields },
    bulkCreate: false,
    update: { description: 'Change the fields given of one income (not its employee).' },
    bulkUpdate: false,
    delete: { description: 'Permanently delete one income by id.' },
    bulkDelete: false,
    archive: { description: "Archive one income by id: it leaves lists and totals, stays in Gauzy's database; Gauzy's API cannot restore it." },
    restore: {},
  },
});

/** Create and update answers read the income back with its employee and client named. */
function answerJoined(tool: ToolDefinition, verb: string): ToolDefinition {
  return defineTool({
    ...tool,
    routes: [...tool.routes, `GET ${INCOME_PAGINATION}`],
    async handler(args, ctx) {
      const answer = await tool.handler(args, ctx);
      const id = (answer.structured as Item | undefined)?.id;
      if (typeof id !== 'string') return answer;
      const income = await readIncome(ctx, id);
      return ok(income, `${verb} income: ${describeIncome(income)}`);
    },
  });
}

export const incomeTools: ToolDefinition[] = [
  listIncomesTool,
  getIncomeTool,
  ...derived.map((tool) => (tool.name === 'create_income' ? answerJoined(tool, 'Created') : tool.name === 'update_income' ? answerJoined(tool, 'Updated') : tool)),
].map((tool) => (tool.retired ? tool : hinted(tool)));
