import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';
import { DEMO_CONTACT_IDS } from './contacts.js';
import { DEMO_INVOICE_IDS } from './invoices.js';

/** Fixed ids of the demo payments, so tests can name them. */
export const DEMO_PAYMENT_IDS = {
  /** EUR 500 of invoice #1002 (partially paid), by bank transfer before it was due. */
  partialTransfer: '9b2c3d4e-5f6a-4b7c-9d8e-2f3a4b5c6d91',
  /** USD 800 of invoice #1000 (fully paid), by credit card five days after it was due: overdue. */
  lateCard: '9e5f6a7b-8c9d-4e0f-8a1b-5c6d7e8f9a92',
  /** USD 150 cash from Ever Technologies, of no invoice. */
  cashAdvance: '9f6a7b8c-9d0e-4f1a-8b2c-6d7e8f9a0b93',
} as const;

const DAY_MS = 86_400_000;
const daysFromToday = (days: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY_MS).toISOString();
};

/**
 * Demo rows for the payments half of the invoices pack: the payments the demo invoices' alreadyPaid sums
 * (#1002: 500 of 1,900 EUR; #1000: 800 of 800 USD), and one payment of no invoice. Recorded by the super admin.
 */
export function seedPaymentsDemo(store: SandboxStore, info: SeedInfo): void {
  if (!store.entities.has('payment')) return;
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId, createdByUserId: info.users.superAdmin.id };
  const ids = DEMO_PAYMENT_IDS;
  const payments = [
    {
      id: ids.partialTransfer, invoiceId: DEMO_INVOICE_IDS.partiallyPaid, organizationContactId: DEMO_CONTACT_IDS.acmeRetail, amount: 500, currency: 'EUR',
      paymentDate: daysFromToday(-20), paymentMethod: 'BANK_TRANSFER', overdue: false, note: 'First instalment',
    },
    {
      id: ids.lateCard, invoiceId: DEMO_INVOICE_IDS.fullyPaid, organizationContactId: DEMO_CONTACT_IDS.everTechnologies, amount: 800, currency: 'USD',
      paymentDate: daysFromToday(-25), paymentMethod: 'CREDIT_CARD', overdue: true, note: null,
    },
    {
      id: ids.cashAdvance, invoiceId: null, organizationContactId: DEMO_CONTACT_IDS.everTechnologies, amount: 150, currency: 'USD',
      paymentDate: daysFromToday(-3), paymentMethod: 'CASH', overdue: false, note: 'Advance for the hosting renewal',
    },
  ];
  for (const payment of payments) insertEntity(store, 'payment', { ...payment, employeeId: null, projectId: null }, scope);
}
