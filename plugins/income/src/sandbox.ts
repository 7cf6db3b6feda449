import { type DtoSpec, type FieldRule, GAUZY_CURRENCY_CODES, type SandboxEntity, sandboxEntity } from '@gauzy-mcp/core';
import { incomeEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve incomes as Gauzy does (the /pagination route with its date range
 * and LIKE filter is testkit/src/routes/income-routes.ts). Test code only.
 */

/** IncomeDTO + RelationalTagDTO + RelationalCurrencyDTO: clientId IsNotEmpty IsString, amount IsNotEmpty IsNumber, currency IsEnum IsNotEmpty. */
const INCOME_FIELDS: Record<string, FieldRule> = {
  clientId: { type: 'string', required: true },
  amount: { type: 'number', required: true },
  valueDate: { type: 'any' },
  notes: { type: 'any' },
  isBonus: { type: 'boolean' },
  reference: { type: 'any' },
  tags: { type: 'array' },
  currency: { type: 'string', required: true, enum: [...GAUZY_CURRENCY_CODES] },
};
/** CreateIncomeDTO also takes the employee (PartialType(EmployeeFeatureDTO)); UpdateIncomeDTO does not, and whitelists it away. */
const INCOME_CREATE: DtoSpec = { fields: { ...INCOME_FIELDS, employeeId: { type: 'string' }, employee: { type: 'object' } }, tenantOrganization: true, whitelist: true };
const INCOME_UPDATE: DtoSpec = { fields: INCOME_FIELDS, tenantOrganization: true, whitelist: true };

export const incomeSandbox: readonly SandboxEntity[] = [
  sandboxEntity(incomeEntity, {
    // The columns in the order Gauzy's entity declares them.
    defaults: () => ({ amount: null, currency: null, valueDate: null, notes: null, isBonus: null, reference: null, employeeId: null, clientId: null }),
    fromBody: (body) => {
      const out: Record<string, unknown> = { ...body };
      for (const [relation, key] of [['employee', 'employeeId'], ['client', 'clientId']] as const) {
        const ref = body[relation] as { id?: unknown } | undefined;
        if (ref && typeof ref === 'object' && typeof ref.id === 'string') out[key] = ref.id;
        delete out[relation];
      }
      delete out.tags;
      return out;
    },
    dto: { create: INCOME_CREATE, update: INCOME_UPDATE },
  }),
];
