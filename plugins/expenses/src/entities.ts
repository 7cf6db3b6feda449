import { crudServiceCannotRecover, currencyCode, defineEntity, formatMoney, formatValue, isoDate, refLabel, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const EXPENSES_TOOLSET = 'expenses';
export const EXPENSES_BULK_TOOLSET = 'expenses-bulk';

type Item = Record<string, unknown>;

/**
 * Gauzy's ExpenseStatusesEnum (@gauzy/contracts expense.model.ts). It is a billing state, not an approval:
 * Gauzy has no approval workflow for expenses. UNINVOICED is billable to a client and not yet invoiced (the
 * web client's "generate uninvoiced" picks those), INVOICED is on an invoice, PAID paid, NOT_BILLABLE kept
 * off invoices. So "pending" is UNINVOICED and "approving for billing" is setting INVOICED (see README).
 */
export const ExpenseStatus = z.enum(['INVOICED', 'UNINVOICED', 'PAID', 'NOT_BILLABLE']);
/** ExpenseTypesEnum; the web client lets only BILLABLE_TO_CONTACT ones take a status other than NOT_BILLABLE. */
export const ExpenseType = z.enum(['TAX_DEDUCTIBLE', 'NOT_TAX_DEDUCTIBLE', 'BILLABLE_TO_CONTACT']);


const named = (value: unknown, id: unknown, what: string) => refLabel(value) ?? (id ? `${what} ${String(id)}` : undefined);

/** An expense on one line: day, amount, status, category, client, employee, vendor, purpose or notes, id. */
export function describeExpense(expense: Item): string {
  const facts = [
    named(expense.category, expense.categoryId, 'category'),
    (expense.organizationContact || expense.organizationContactId) && `client ${named(expense.organizationContact, expense.organizationContactId, '')!.trim()}`,
    (expense.employee || expense.employeeId) && `employee ${named(expense.employee, expense.employeeId, '')!.trim()}`,
    (expense.vendor || expense.vendorId) && `vendor ${named(expense.vendor, expense.vendorId, '')!.trim()}`,
    expense.purpose ? `"${String(expense.purpose)}"` : expense.notes ? `"${String(expense.notes)}"` : undefined,
    expense.splitExpense ? 'split' : undefined,
  ].filter(Boolean);
  return `${formatValue(expense.valueDate)} · ${formatMoney(expense.amount, expense.currency)} [${String(expense.status ?? 'no status')}] (id ${String(expense.id)})${facts.length ? ` · ${facts.join(' · ')}` : ''}`;
}

/**
 * What a caller sets on an expense. CreateExpenseDTO / UpdateExpenseDTO (packages/core/src/lib/expense/dto):
 * amount and currency IsNotEmpty (currency IsEnum CurrenciesEnum), the rest optional; `whitelist: true`, and
 * the update DTO has no employee, so an expense's employee is set once, on create. Gauzy does not refuse a
 * negative amount; an expense is money spent, so here it is not negative. Vendor and reference are shown, not
 * offered: no pack lists vendors, and each field is paid for in every conversation.
 */
export const expenseFields = {
  amount: z.number().nonnegative(),
  currency: currencyCode(),
  valueDate: isoDate().optional(),
  status: ExpenseStatus.optional(),
  typeOfExpense: ExpenseType.optional(),
  categoryId: uuid().optional(),
  organizationContactId: uuid().optional().describe('Client billed'),
  projectId: uuid().optional(),
  purpose: z.string().trim().optional(),
  notes: z.string().trim().optional(),
  splitExpense: z.boolean().optional(),
};

/** ExpenseService.pagination: ILike on notes and purpose, a valueDate range, the rest matched exactly. */
export const expenseEntity = defineEntity({
  name: 'expense',
  gauzyClass: 'Expense',
  noun: 'expense',
  plural: 'expenses',
  path: '/api/expense',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete', 'softDelete', 'recover'],
  // GET /api/expense reads `?data={findInput,relations,filterDate}` and answers every match: the tools read /pagination.
  list: { query: 'data', paging: 'none' },
  scope: 'organization',
  fields: expenseFields,
  columns: ['employeeId', 'vendorId', 'reference'],
  update: { mode: 'merge', bodyFields: ['amount', 'currency'] },
  relations: {
    employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' },
    category: { kind: 'manyToOne', entity: 'expenseCategory', key: 'categoryId' },
    organizationContact: { kind: 'manyToOne', entity: 'organizationContact', key: 'organizationContactId' },
    project: { kind: 'manyToOne', entity: 'organizationProject', key: 'projectId' },
    vendor: { kind: 'manyToOne', entity: 'organizationVendor', key: 'vendorId' },
  },
  include: [],
  softDelete: crudServiceCannotRecover('expenses'),
  aliases: { get: ['get_expense'] },
  describe: describeExpense,
});

export const expenseCreateFields = { ...expenseFields, employeeId: uuid().optional().describe('Who spent it') };

/** The relations an expense's line names, joined on every read. */
export const EXPENSE_RELATIONS = ['employee', 'employee.user', 'category', 'organizationContact', 'vendor'] as const;

/**
 * The vendor an expense was paid to (OrganizationVendor, /api/organization-vendors): only joined here, to name
 * it (Gauzy's demo expenses all have one); no tool of this pack reads or changes vendors.
 */
export const organizationVendorEntity = defineEntity({
  name: 'organizationVendor',
  gauzyClass: 'OrganizationVendor',
  noun: 'vendor',
  plural: 'vendors',
  path: '',
  operations: [],
  scope: 'organization',
  fields: {},
});

export function describeCategory(category: Item): string {
  return `${String(category.name ?? '(unnamed)')} (id ${String(category.id)})`;
}

/**
 * Gauzy's expense category (packages/core/src/lib/expense-categories): GET / (BaseQueryDTO read as find
 * options: `where`, row-offset `skip`) and /pagination need ORG_EXPENSES_VIEW, the rest ORG_EXPENSES_EDIT.
 * CreateExpenseCategoryDTO: name IsNotEmpty and not already a category of the organization.
 */
export const expenseCategoryEntity = defineEntity({
  name: 'expenseCategory',
  gauzyClass: 'ExpenseCategory',
  noun: 'expense category',
  plural: 'expense categories',
  path: '/api/expense-categories',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete'],
  list: { query: 'where', paging: 'offset' },
  scope: 'organization',
  fields: { name: z.string().trim().min(1).max(255) },
  aliases: { list: ['get_expense_categories'] },
  describe: describeCategory,
});
