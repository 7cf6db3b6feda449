import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';
import { DEMO_CONTACT_IDS } from './contacts.js';

/** Fixed ids of the demo expense categories and expenses, so tests can name them. */
export const DEMO_EXPENSE_IDS = {
  travel: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e01',
  software: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e02',
  /** Last month, UNINVOICED, billable: three under 100 USD and two over. */
  taxi: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e11',
  lunch: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e12',
  license: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e13',
  flight: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e14',
  hotel: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e15',
  /** Last month, not billable. */
  books: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e16',
  /** This month, UNINVOICED. */
  parking: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e17',
  /** Two months ago, PAID. */
  hosting: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e18',
  /** The vendor of the flight. */
  airline: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e21',
} as const;

/** The given day of the month `monthsBack` months before this one, at noon UTC. */
export const dayOfMonthBefore = (monthsBack: number, day: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, day, 12)).toISOString();
};

/**
 * Demo rows for the expenses pack (Gauzy's demo seed has categories, vendors and a thousand expenses an organization):
 * two categories, a vendor and eight expenses, five of them last month's billable, not yet invoiced ones for the demo clients, three
 * under 100 USD and two over, for a month-end pass.
 */
export function seedExpensesDemo(store: SandboxStore, info: SeedInfo): void {
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId, createdByUserId: info.users.superAdmin.id };
  const { superAdmin, employee } = info.users;
  const { everTechnologies, acmeRetail } = DEMO_CONTACT_IDS;
  const ids = DEMO_EXPENSE_IDS;
  insertEntity(store, 'expenseCategory', { id: ids.travel, name: 'Travel' }, scope);
  insertEntity(store, 'expenseCategory', { id: ids.software, name: 'Software' }, scope);
  insertEntity(store, 'organizationVendor', { id: ids.airline, name: 'Lufthansa' }, scope);
  const billable = { typeOfExpense: 'BILLABLE_TO_CONTACT', status: 'UNINVOICED', currency: 'USD' };
  const expenses = [
    { id: ids.taxi, amount: 45.5, valueDate: dayOfMonthBefore(1, 3), categoryId: ids.travel, organizationContactId: everTechnologies, employeeId: employee.employeeId, purpose: 'Taxi to the client', ...billable },
    { id: ids.lunch, amount: 80, valueDate: dayOfMonthBefore(1, 9), categoryId: ids.travel, organizationContactId: everTechnologies, employeeId: superAdmin.employeeId, purpose: 'Client lunch', ...billable },
    { id: ids.license, amount: 99.99, valueDate: dayOfMonthBefore(1, 14), categoryId: ids.software, organizationContactId: acmeRetail, employeeId: employee.employeeId, purpose: 'Design tool licence', ...billable },
    { id: ids.flight, amount: 420, valueDate: dayOfMonthBefore(1, 18), categoryId: ids.travel, organizationContactId: acmeRetail, employeeId: superAdmin.employeeId, vendorId: ids.airline, purpose: 'Flight to Sofia', ...billable },
    { id: ids.hotel, amount: 1250, valueDate: dayOfMonthBefore(1, 20), categoryId: ids.travel, organizationContactId: everTechnologies, employeeId: superAdmin.employeeId, purpose: 'Hotel, 5 nights', ...billable },
    { id: ids.books, amount: 30, valueDate: dayOfMonthBefore(1, 22), categoryId: ids.software, employeeId: employee.employeeId, typeOfExpense: 'TAX_DEDUCTIBLE', status: 'NOT_BILLABLE', currency: 'USD', purpose: 'Books' },
    { id: ids.parking, amount: 12, valueDate: dayOfMonthBefore(0, 1), categoryId: ids.travel, organizationContactId: everTechnologies, employeeId: employee.employeeId, purpose: 'Parking', ...billable },
    { id: ids.hosting, amount: 300, valueDate: dayOfMonthBefore(2, 5), categoryId: ids.software, organizationContactId: acmeRetail, typeOfExpense: 'BILLABLE_TO_CONTACT', status: 'PAID', currency: 'EUR', purpose: 'Hosting' },
  ];
  for (const expense of expenses) insertEntity(store, 'expense', { splitExpense: false, ...expense }, scope);
}
