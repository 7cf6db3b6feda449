import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';
import { DEMO_CONTACT_IDS } from './contacts.js';
import { dayOfMonthBefore } from './expenses.js';

/** Fixed ids of the demo incomes, so tests can name them. */
export const DEMO_INCOME_IDS = {
  retainer: '7d2e3f4a-5b6c-4d7e-8f90-1a2b3c4d5e01',
  milestone: '7d2e3f4a-5b6c-4d7e-8f90-1a2b3c4d5e02',
  bonus: '7d2e3f4a-5b6c-4d7e-8f90-1a2b3c4d5e03',
  thisMonth: '7d2e3f4a-5b6c-4d7e-8f90-1a2b3c4d5e04',
} as const;

/** Demo rows for the income pack (Gauzy's demo seed has incomes per employee and client): four incomes. */
export function seedIncomeDemo(store: SandboxStore, info: SeedInfo): void {
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId, createdByUserId: info.users.superAdmin.id };
  const { superAdmin, employee } = info.users;
  const { everTechnologies, acmeRetail } = DEMO_CONTACT_IDS;
  const ids = DEMO_INCOME_IDS;
  const incomes = [
    { id: ids.retainer, amount: 5000, currency: 'USD', valueDate: dayOfMonthBefore(1, 1), clientId: everTechnologies, employeeId: superAdmin.employeeId, notes: 'Monthly retainer', isBonus: false },
    { id: ids.milestone, amount: 2400, currency: 'EUR', valueDate: dayOfMonthBefore(1, 15), clientId: acmeRetail, employeeId: employee.employeeId, notes: 'Milestone 2 delivered', isBonus: false },
    { id: ids.bonus, amount: 300, currency: 'USD', valueDate: dayOfMonthBefore(1, 28), clientId: everTechnologies, employeeId: employee.employeeId, notes: 'Client bonus', isBonus: true },
    { id: ids.thisMonth, amount: 1800, currency: 'USD', valueDate: dayOfMonthBefore(0, 2), clientId: acmeRetail, employeeId: superAdmin.employeeId, notes: 'Support hours', isBonus: false },
  ];
  for (const income of incomes) insertEntity(store, 'income', { reference: null, ...income }, scope);
}
