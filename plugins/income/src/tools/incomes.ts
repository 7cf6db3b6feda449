import {
  getTool,
  betweenWhere,
  formatMoney,
  sumByCurrency,
  answerReadBack,
  callerEmployeeId,
  crudToolList,
  currencyCode,
  defined,
  defineTool,
  entityFieldsParam,
  isoDate,
  listOutput,
  listResult,
  pagination,
  type QueryValue,
  readRowWindow,
  type ToolDefinition,
  uuid,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { describeIncome, INCOME_TOOLSET as toolset, incomeCreateFields, incomeEntity } from '../entities.js';
import { hinted, INCOME_PAGINATION, readIncome, readIncomePage } from './read.js';


const sumsText = (sums: Record<string, number>) => Object.entries(sums).map(([code, sum]) => formatMoney(sum, code)).join(', ');

const listInput = z.object({
  startDate: isoDate().optional().describe('valueDate from'),
  endDate: isoDate().optional(),
  employeeId: uuid().optional(),
  clientId: uuid().optional(),
  currency: currencyCode().optional(),
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
    const range = betweenWhere(startDate, endDate);
    const where: Record<string, QueryValue> = { ...(defined(equal) as Record<string, QueryValue>), ...(range ? { valueDate: range } : {}) };
    const page = await readRowWindow((size, number) => readIncomePage(ctx, where, size, number), skip, take);
    const result = listResult({ items: page.items, total: page.total, skip, take, fields, noun: 'incomes', describe: describeIncome });
    if (!page.items.length) return result;
    const sums = sumByCurrency(page.items);
    const text = `${result.text}\nThis page sums to ${sumsText(sums)}.`;
    return { structured: { ...result.structured, pageSums: sums }, text };
  },
});

export const getIncomeTool = getTool(incomeEntity, {
  name: 'get_income_by_id',
  title: 'Get an income',
  description: 'One income by id, client and employee named.',
  toolset,
  aliases: incomeEntity.aliases?.get,
  read: { routes: [`GET ${INCOME_PAGINATION}`], one: readIncome },
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
const answerJoined = (tool: ToolDefinition, verb: string) =>
  answerReadBack(tool, { verb, noun: 'income', describe: describeIncome, routes: [`GET ${INCOME_PAGINATION}`], read: readIncome });

export const incomeTools: ToolDefinition[] = [
  listIncomesTool,
  getIncomeTool,
  ...derived.map((tool) => (tool.name === 'create_income' ? answerJoined(tool, 'Created') : tool.name === 'update_income' ? answerJoined(tool, 'Updated') : tool)),
].map((tool) => (tool.retired ? tool : hinted(tool)));
