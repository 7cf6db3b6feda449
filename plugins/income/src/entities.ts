import { crudServiceCannotRecover, currencyCode, defineEntity, formatMoney, formatValue, isoDate, refLabel, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const INCOME_TOOLSET = 'income';

type Item = Record<string, unknown>;


const named = (value: unknown, id: unknown) => refLabel(value) ?? (id ? String(id) : undefined);

/** An income on one line: day, amount, id, client, employee, bonus, notes. */
export function describeIncome(income: Item): string {
  const client = named(income.client, income.clientId);
  const employee = named(income.employee, income.employeeId);
  const facts = [
    client ? `client ${client}` : 'no client',
    employee ? `employee ${employee}` : undefined,
    income.isBonus ? 'bonus' : undefined,
    income.notes ? `"${String(income.notes)}"` : undefined,
  ].filter(Boolean);
  return `${formatValue(income.valueDate)} · ${formatMoney(income.amount, income.currency)} (id ${String(income.id)}) · ${facts.join(' · ')}`;
}

/**
 * What a caller sets on an income. IncomeDTO (packages/core/src/lib/income/dto): clientId IsNotEmpty IsString,
 * amount IsNotEmpty IsNumber, currency IsEnum IsNotEmpty (RelationalCurrencyDTO), the rest optional; both
 * routes `whitelist: true`, and UpdateIncomeDTO has no employee, so an income's employee is set on create only.
 * Gauzy does not refuse a negative amount; money received is not negative here.
 */
export const incomeFields = {
  amount: z.number().nonnegative(),
  currency: currencyCode(),
  clientId: uuid().describe('The client (organization contact) it came from'),
  valueDate: isoDate().optional(),
  isBonus: z.boolean().optional(),
  notes: z.string().trim().optional(),
  reference: z.string().trim().max(256).optional(),
};

/**
 * Gauzy's income (IncomeController, IncomeService): GET / reads `?data={findInput,relations,filterDate}` and
 * answers every match, so the tools read /pagination (notes LIKE, a valueDate range, the rest exact). PUT /:id
 * saves `{ id, ...body }` after the whole DTO validated: update sends clientId, amount and currency with the change.
 */
export const incomeEntity = defineEntity({
  name: 'income',
  gauzyClass: 'Income',
  noun: 'income',
  plural: 'incomes',
  path: '/api/income',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete', 'softDelete', 'recover'],
  list: { query: 'data', paging: 'none' },
  scope: 'organization',
  fields: incomeFields,
  columns: ['employeeId'],
  update: { mode: 'merge', bodyFields: ['clientId', 'amount', 'currency'] },
  relations: {
    employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' },
    client: { kind: 'manyToOne', entity: 'organizationContact', key: 'clientId' },
  },
  include: [],
  softDelete: crudServiceCannotRecover('incomes'),
  aliases: { get: ['get_income'] },
  describe: describeIncome,
});

export const incomeCreateFields = { ...incomeFields, employeeId: uuid().optional().describe('Whose income') };

/** The relations an income's line names, joined on every read. */
export const INCOME_RELATIONS = ['employee', 'employee.user', 'client'] as const;
