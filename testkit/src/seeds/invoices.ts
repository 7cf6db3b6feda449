import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';
import { DEMO_CONTACT_IDS } from './contacts.js';

/** Fixed ids of the demo invoices and estimates, so tests (and the payments half) can name them. */
export const DEMO_INVOICE_IDS = {
  /** #1001 to Ever Technologies, sent, nothing paid: 3,850.00 USD (3,500.00 + 10% tax). */
  sentUnpaid: '7a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c01',
  /** #1002 to Acme Retail, 500.00 of 1,900.00 EUR paid (2,000.00 − 5% discount). */
  partiallyPaid: '7b2c3d4e-5f6a-4b7c-9d8e-2f3a4b5c6d02',
  /** #1003 to Ever Technologies, a draft of 1,200.00 USD. */
  draft: '7c3d4e5f-6a7b-4c8d-8e9f-3a4b5c6d7e03',
  /** Estimate #1004 to Acme Retail, sent, 1,200.00 EUR. */
  estimate: '7d4e5f6a-7b8c-4d9e-9f0a-4b5c6d7e8f04',
  /** #1000 to Ever Technologies, fully paid: 800.00 USD. */
  fullyPaid: '7e5f6a7b-8c9d-4e0f-8a1b-5c6d7e8f9a05',
} as const;

/** Fixed ids of the demo invoices' items. */
export const DEMO_INVOICE_ITEM_IDS = {
  sentDevelopment: '8a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c11',
  sentSupport: '8a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c12',
  partialConsulting: '8b2c3d4e-5f6a-4b7c-9d8e-2f3a4b5c6d21',
  draftDesign: '8c3d4e5f-6a7b-4c8d-8e9f-3a4b5c6d7e31',
  estimateWorkshop: '8d4e5f6a-7b8c-4d9e-9f0a-4b5c6d7e8f41',
  estimateReport: '8d4e5f6a-7b8c-4d9e-9f0a-4b5c6d7e8f42',
  paidHosting: '8e5f6a7b-8c9d-4e0f-8a1b-5c6d7e8f9a51',
} as const;

const DAY_MS = 86_400_000;
const daysFromToday = (days: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY_MS).toISOString();
};

/**
 * Demo rows for the invoices half of the invoices pack: invoices to the contacts demo seed's clients in the
 * demo organization, each with items whose totals add up (totalValue = items − discount + tax, as Gauzy's
 * invoice form computes it). The invoice numbers start at 1000, so the highest is 1004.
 */
export function seedInvoicesDemo(store: SandboxStore, info: SeedInfo): void {
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId, createdByUserId: info.users.superAdmin.id };
  const ids = DEMO_INVOICE_IDS;
  const items = DEMO_INVOICE_ITEM_IDS;
  const base = {
    fromOrganizationId: info.organizationId, invoiceType: 'DETAILED_ITEMS', isEstimate: false, isAccepted: null, isArchived: false,
    discountValue: 0, discountType: null, tax: 0, taxType: null, tax2: 0, tax2Type: null, sentTo: null, internalNote: null,
    hasRemainingAmountInvoiced: null, token: null, terms: 'Payment within 30 days',
  };
  const invoices = [
    {
      id: ids.fullyPaid, invoiceNumber: 1000, invoiceDate: daysFromToday(-60), dueDate: daysFromToday(-30), currency: 'USD', status: 'FULLY_PAID',
      toContactId: DEMO_CONTACT_IDS.everTechnologies, totalValue: 800, paid: true, alreadyPaid: 800, amountDue: 0,
    },
    {
      id: ids.sentUnpaid, invoiceNumber: 1001, invoiceDate: daysFromToday(-10), dueDate: daysFromToday(20), currency: 'USD', status: 'SENT',
      toContactId: DEMO_CONTACT_IDS.everTechnologies, tax: 10, taxType: 'PERCENT', totalValue: 3850, paid: false, alreadyPaid: 0, amountDue: 3850,
      sentTo: 'office@ever-tech.example',
    },
    {
      id: ids.partiallyPaid, invoiceNumber: 1002, invoiceDate: daysFromToday(-40), dueDate: daysFromToday(-10), currency: 'EUR', status: 'PARTIALLY_PAID',
      toContactId: DEMO_CONTACT_IDS.acmeRetail, discountValue: 5, discountType: 'PERCENT', totalValue: 1900, paid: false, alreadyPaid: 500, amountDue: 1400,
    },
    {
      id: ids.draft, invoiceNumber: 1003, invoiceDate: daysFromToday(0), dueDate: daysFromToday(30), currency: 'USD', status: 'DRAFT',
      toContactId: DEMO_CONTACT_IDS.everTechnologies, totalValue: 1200, paid: false, alreadyPaid: 0, amountDue: 1200,
    },
    {
      id: ids.estimate, invoiceNumber: 1004, invoiceDate: daysFromToday(-3), dueDate: daysFromToday(27), currency: 'EUR', status: 'SENT', isEstimate: true,
      toContactId: DEMO_CONTACT_IDS.acmeRetail, totalValue: 1200, paid: false, alreadyPaid: 0, amountDue: 1200,
    },
  ];
  for (const invoice of invoices) insertEntity(store, 'invoice', { ...base, ...invoice, organizationContactId: invoice.toContactId }, scope);

  const itemBase = { applyTax: true, applyDiscount: true, expenseId: null, employeeId: null, projectId: null, taskId: null, productId: null };
  const website = info.projects.find((project) => project.name === 'Gauzy Website')?.id ?? null;
  const rows = [
    { id: items.paidHosting, invoiceId: ids.fullyPaid, description: 'Hosting, one year', price: 800, quantity: 1, totalValue: 800 },
    { id: items.sentDevelopment, invoiceId: ids.sentUnpaid, description: 'Website development', price: 75, quantity: 40, totalValue: 3000, projectId: website },
    { id: items.sentSupport, invoiceId: ids.sentUnpaid, description: 'Support hours', price: 50, quantity: 10, totalValue: 500, employeeId: info.users.employee.employeeId },
    { id: items.partialConsulting, invoiceId: ids.partiallyPaid, description: 'Retail consulting', price: 100, quantity: 20, totalValue: 2000 },
    { id: items.draftDesign, invoiceId: ids.draft, description: 'Design review', price: 1200, quantity: 1, totalValue: 1200 },
    { id: items.estimateWorkshop, invoiceId: ids.estimate, description: 'Workshop days', price: 120, quantity: 8, totalValue: 960 },
    { id: items.estimateReport, invoiceId: ids.estimate, description: 'Final report', price: 240, quantity: 1, totalValue: 240 },
  ];
  for (const row of rows) insertEntity(store, 'invoiceItem', { ...itemBase, ...row }, scope);
}
