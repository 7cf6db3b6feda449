import { type DtoSpec, type FieldRule, GAUZY_CURRENCY_CODES, type SandboxEntity, sandboxEntity } from '@gauzy-mcp/core';
import { expenseCategoryEntity, expenseEntity, ExpenseStatus, organizationVendorEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve expenses as Gauzy does (the /pagination route with its date range
 * and LIKE filters is testkit/src/routes/expenses-routes.ts). Test code only.
 */

const text: FieldRule = { type: 'string' };
/** ExpenseDTO + OrganizationVendorFeatureDTO + RelationalCurrencyDTO (amount IsNotEmpty without a type check; currency IsEnum IsNotEmpty). */
const EXPENSE_FIELDS: Record<string, FieldRule> = {
  amount: { type: 'any', required: true },
  valueDate: { type: 'any' },
  notes: text, reference: { type: 'any' }, typeOfExpense: text, purpose: text, taxType: text, taxLabel: text, rateValue: { type: 'any' }, receipt: text,
  splitExpense: { type: 'boolean' },
  status: { type: 'string', enum: ExpenseStatus.options },
  projectId: text, organizationContactId: text, categoryId: text, vendorId: text,
  project: { type: 'object' }, organizationContact: { type: 'object' }, category: { type: 'object' }, vendor: { type: 'object' }, tags: { type: 'array' },
  currency: { type: 'string', required: true, enum: [...GAUZY_CURRENCY_CODES] },
};
/** CreateExpenseDTO also takes the employee (PartialType(EmployeeFeatureDTO)); UpdateExpenseDTO does not, and whitelists it away. */
const EXPENSE_CREATE: DtoSpec = { fields: { ...EXPENSE_FIELDS, employeeId: text, employee: { type: 'object' } }, tenantOrganization: true, whitelist: true };
const EXPENSE_UPDATE: DtoSpec = { fields: EXPENSE_FIELDS, tenantOrganization: true, whitelist: true };

export const expensesSandbox: readonly SandboxEntity[] = [
  sandboxEntity(expenseEntity, {
    // The columns in the order Gauzy's entity declares them (all nullable but amount and currency).
    defaults: () => ({
      amount: null, typeOfExpense: null, notes: null, currency: null, valueDate: null, purpose: null, taxType: null, taxLabel: null, rateValue: null,
      receipt: null, splitExpense: null, reference: null, status: null, employeeId: null, vendorId: null, categoryId: null, projectId: null,
      organizationContactId: null,
    }),
    // The create handler answers findOneByIdString(id): the row as stored; the update handler the saved entity.
    fromBody: (body) => {
      const out: Record<string, unknown> = { ...body };
      for (const [relation, key] of [['employee', 'employeeId'], ['category', 'categoryId'], ['organizationContact', 'organizationContactId'], ['project', 'projectId'], ['vendor', 'vendorId']] as const) {
        const ref = body[relation] as { id?: unknown } | undefined;
        if (ref && typeof ref === 'object' && typeof ref.id === 'string') out[key] = ref.id;
        delete out[relation];
      }
      delete out.tags;
      return out;
    },
    dto: { create: EXPENSE_CREATE, update: EXPENSE_UPDATE },
  }),
  sandboxEntity(organizationVendorEntity, { defaults: () => ({ name: null, email: null, phone: null, website: null }) }),
  sandboxEntity(expenseCategoryEntity, {
    defaults: () => ({ name: null }),
    dto: { create: { fields: { name: { type: 'string', required: true } }, tenantOrganization: true, whitelist: true } },
  }),
];
