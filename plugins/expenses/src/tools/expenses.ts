import {
  getTool,
  betweenWhere,
  formatMoney,
  sumByCurrency,
  answerReadBack,
  bulkOutput,
  callerEmployeeId,
  crudToolList,
  currencyCode,
  defined,
  defineTool,
  entityFieldsParam,
  entityRoute,
  formatValue,
  isoDate,
  listOutput,
  listResult,
  LOCAL_FILTER_ROWS,
  MAX_BULK_ITEMS,
  pagination,
  type QueryValue,
  readRowWindow,
  runBulk,
  type ToolContext,
  type ToolDefinition,
  updateEntity,
  uuid,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { describeExpense, EXPENSES_BULK_TOOLSET, EXPENSES_TOOLSET as toolset, expenseCreateFields, expenseEntity, ExpenseStatus } from '../entities.js';
import { EXPENSE_PAGINATION, hinted, readExpense, readExpensePage } from './read.js';

type Item = Record<string, unknown>;

const sumsText = (sums: Record<string, number>) => Object.entries(sums).map(([code, sum]) => formatMoney(sum, code)).join(', ');

const listInput = z.object({
  status: ExpenseStatus.optional().describe('Pending: UNINVOICED'),
  startDate: isoDate().optional().describe('valueDate from'),
  endDate: isoDate().optional(),
  employeeId: uuid().optional(),
  organizationContactId: uuid().optional().describe('Client'),
  categoryId: uuid().optional(),
  currency: currencyCode().optional(),
  minAmount: z.number().nonnegative().optional(),
  maxAmount: z.number().nonnegative().optional().describe('Below or equal'),
  ...pagination,
  fields: entityFieldsParam({ fieldNames: ['amount', 'currency', 'valueDate', 'status', 'employeeId', 'organizationContactId', 'categoryId', 'notes'] }),
});

async function listExpenses(args: z.output<typeof listInput>, ctx: ToolContext) {
  const { take, skip, fields, startDate, endDate, minAmount, maxAmount, ...equal } = args;
  const range = betweenWhere(startDate, endDate);
  const where: Record<string, QueryValue> = { ...(defined(equal) as Record<string, QueryValue>), ...(range ? { valueDate: range } : {}) };
  const noun = 'expenses';
  if (minAmount === undefined && maxAmount === undefined) {
    const page = await readRowWindow((size, number) => readExpensePage(ctx, where, size, number), skip, take);
    const result = listResult({ items: page.items, total: page.total, skip, take, fields, noun, describe: describeExpense });
    const sums = sumByCurrency(page.items);
    return page.items.length ? { structured: { ...result.structured, pageSums: sums }, text: `${result.text}\nThis page sums to ${sumsText(sums)}.` } : result;
  }
  // Gauzy matches `where[amount]` exactly only: the amount bounds are applied here to a bounded read.
  const read: Item[] = [];
  let total = 0;
  for (let page = 1; read.length < LOCAL_FILTER_ROWS; page++) {
    const chunk = await readExpensePage(ctx, where, 100, page);
    read.push(...chunk.items);
    total = chunk.total;
    if (chunk.items.length < 100 || read.length >= total) break;
  }
  const kept = read.filter((item) => (minAmount === undefined || Number(item.amount) >= minAmount) && (maxAmount === undefined || Number(item.amount) <= maxAmount));
  const result = listResult({ items: kept, unpaged: true, skip, take, fields, noun, describe: describeExpense });
  const sums = sumByCurrency(kept);
  const note = `Gauzy cannot bound an expense's amount, so ${read.length} of ${total} matching expenses were read and filtered here${read.length < total ? '; later ones were not read: narrow the dates' : ''}.`;
  const text = [result.text, ...(kept.length ? [`All ${kept.length} sum to ${sumsText(sums)}.`] : []), note].join('\n');
  return { structured: { ...result.structured, sums, read: read.length, matched: total, note }, text };
}

/**
 * The expense list: GET /api/expense/pagination with the filters Gauzy runs (exact ids, status, type,
 * currency; the valueDate range), the employee, category and client joined, latest day first.
 */
export const listExpensesTool = defineTool({
  name: 'list_expenses',
  title: 'Find expenses',
  description: 'Find expenses by status, day spent, employee, client, category, amount; total and sums.',
  toolset,
  aliases: ['get_expenses', 'get_expenses_by_employee', 'get_expense_count'],
  // Gauzy's GET /api/expense/me answers every expense of the caller (no paging, a month at most) plus a share of
  // every split expense, and 403 for the seeded EMPLOYEE role like every expense route: "mine" is this list's filter.
  presets: { get_my_expenses: { employeeId: callerEmployeeId } },
  effect: 'read',
  input: listInput,
  output: listOutput,
  routes: [`GET ${EXPENSE_PAGINATION}`],
  handler: (args, ctx) => listExpenses(args, ctx),
});

export const getExpenseTool = getTool(expenseEntity, {
  name: 'get_expense_by_id',
  title: 'Get an expense',
  description: 'One expense by id, employee, category and client named.',
  toolset,
  aliases: expenseEntity.aliases?.get,
  read: { routes: [`GET ${EXPENSE_PAGINATION}`], one: readExpense },
});

const derived = crudToolList(expenseEntity, {
  toolset,
  bulkToolset: EXPENSES_BULK_TOOLSET,
  tools: {
    list: false,
    pagination: false,
    get: false,
    count: false,
    create: {
      description: 'Record an expense; billable to a client: typeOfExpense BILLABLE_TO_CONTACT, status UNINVOICED.',
      fields: expenseCreateFields,
    },
    bulkCreate: false,
    update: { description: 'Change the fields given of one expense (not its employee).' },
    bulkUpdate: false,
    delete: { description: 'Permanently delete one expense by id.' },
    bulkDelete: false,
    // DELETE /:id/soft works, but Gauzy's API cannot undo it (CrudService.softRecover does not find soft-deleted
    // rows): to a user it is a delete, and the catalog's bytes go to the tools above.
    archive: false,
    restore: false,
  },
});

const { status, categoryId, organizationContactId, notes } = expenseEntity.fields;
const bulkChange = z.strictObject({ id: uuid(), status, categoryId, organizationContactId, notes });

/**
 * Several expenses changed, one read-merge-PUT each (Gauzy has no bulk route), each reported: a failure
 * (an unknown id, a refused value) neither hides nor undoes the others. The items offer what a month-end
 * pass changes (status, category, client, notes); update_expense changes the rest.
 */
export const bulkUpdateExpensesTool = defineTool({
  name: 'bulk_update_expenses',
  title: 'Change several expenses',
  description:
    'Change up to 50 expenses, each reported. Gauzy has no approval: approve for billing = INVOICED, decline = NOT_BILLABLE.',
  toolset: EXPENSES_BULK_TOOLSET,
  effect: 'write',
  idempotent: true,
  input: z.object({ updates: z.array(bulkChange).min(1).max(MAX_BULK_ITEMS) }),
  output: bulkOutput,
  routes: [entityRoute(expenseEntity, 'findById'), entityRoute(expenseEntity, 'update')],
  async handler({ updates }, ctx) {
    const spec = { name: 'bulk_update_expenses', fields: expenseEntity.fields, bodyFields: expenseEntity.update!.bodyFields };
    return runBulk(
      updates,
      ctx,
      async ({ id, ...changes }) => {
        const saved = await updateEntity(expenseEntity, spec, id, changes, ctx);
        // The outcome's label is its `name` followed by the id: amount and status (and the day, when the PUT's answer, the saved body, has it).
        const day = saved.valueDate ? `${formatValue(saved.valueDate)} · ` : '';
        return { id, name: `${day}${formatMoney(saved.amount, saved.currency)} [${String(saved.status ?? 'no status')}]` };
      },
      { noun: 'expenses', verb: 'Updated' },
    );
  },
});

/** Create and update answers read the expense back with its employee, category and client named. */
const answerJoined = (tool: ToolDefinition, verb: string) =>
  answerReadBack(tool, { verb, noun: 'expense', describe: describeExpense, routes: [`GET ${EXPENSE_PAGINATION}`], read: readExpense });

export const expenseTools: ToolDefinition[] = [
  listExpensesTool,
  getExpenseTool,
  ...derived.map((tool) => (tool.name === 'create_expense' ? answerJoined(tool, 'Created') : tool.name === 'update_expense' ? answerJoined(tool, 'Updated') : tool)),
  bulkUpdateExpensesTool,
].map(hinted);
