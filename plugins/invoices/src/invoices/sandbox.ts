import { type DtoSpec, type FieldRule, GAUZY_CURRENCY_CODES, type SandboxEntity, sandboxEntity } from '@gauzy-mcp/core';
import { DISCOUNT_TAX_TYPES, INVOICE_STATUSES, INVOICE_TYPES, invoiceEntity, invoiceItemEntity } from './entities.js';

/** What the testkit's sandbox needs to serve invoices and their items as Gauzy does. Test code only. */

const discountTax: FieldRule = { type: 'string', enum: DISCOUNT_TAX_TYPES };

/**
 * InvoiceDTO (+ TaxInvoiceDTO, DiscountInvoiceDTO, RelationalTagDTO): invoiceNumber (IsNumber), invoiceDate,
 * dueDate, status (IsEnum of both status lists) and currency (CurrenciesEnum) IsNotEmpty; the rest optional
 * and typed. No whitelist: other keys reach the save.
 */
const INVOICE_FIELDS: DtoSpec['fields'] = {
  invoiceNumber: { type: 'number', required: true },
  invoiceDate: { type: 'any', required: true },
  dueDate: { type: 'any', required: true },
  status: { type: 'string', required: true, enum: INVOICE_STATUSES },
  totalValue: { type: 'number' },
  currency: { type: 'string', required: true, enum: GAUZY_CURRENCY_CODES },
  paid: { type: 'boolean' },
  terms: { type: 'string' },
  organizationContactId: { type: 'string' },
  isEstimate: { type: 'boolean' },
  isAccepted: { type: 'boolean' },
  internalNote: { type: 'string' },
  alreadyPaid: { type: 'number' },
  amountDue: { type: 'number' },
  isArchived: { type: 'boolean' },
  toContactId: { type: 'string' },
  invoiceItems: { type: 'array' },
  taxType: discountTax,
  tax2Type: discountTax,
  tax: { type: 'number' },
  tax2: { type: 'number' },
  tags: { type: 'array' },
  discountValue: { type: 'number' },
  discountType: discountTax,
};

/** CreateInvoiceDTO adds fromOrganizationId (IsNotEmpty unless fromOrganization is given), sentTo and invoiceType. */
const INVOICE_CREATE: DtoSpec = {
  fields: { ...INVOICE_FIELDS, fromOrganizationId: { type: 'string', required: true }, sentTo: { type: 'string' }, invoiceType: { type: 'string', enum: INVOICE_TYPES } },
  tenantOrganization: true,
};
const INVOICE_UPDATE: DtoSpec = { fields: INVOICE_FIELDS, tenantOrganization: true };

export const invoicesSandbox: readonly SandboxEntity[] = [
  sandboxEntity(invoiceEntity, {
    defaults: () => ({
      invoiceDate: null, invoiceNumber: null, dueDate: null, currency: null, discountValue: null, paid: null, tax: null, tax2: null, terms: null,
      totalValue: null, status: null, isEstimate: null, isAccepted: null, discountType: null, taxType: null, tax2Type: null, invoiceType: null, sentTo: null,
      organizationContactId: null, internalNote: null, alreadyPaid: null, amountDue: null, hasRemainingAmountInvoiced: null, token: null,
      fromOrganizationId: null, toContactId: null, isArchived: false,
    }),
    dto: { create: INVOICE_CREATE, update: INVOICE_UPDATE },
    fromBody: (body) => {
      const out: Record<string, unknown> = { ...body };
      // Nested relations are saved as their ids; the items only through POST /api/invoice-item/bulk here.
      if (body.toContact && typeof body.toContact === 'object') out.toContactId = (body.toContact as { id?: unknown }).id;
      if (body.fromOrganization && typeof body.fromOrganization === 'object') out.fromOrganizationId = (body.fromOrganization as { id?: unknown }).id;
      delete out.toContact; delete out.fromOrganization; delete out.invoiceItems; delete out.tags; delete out.payments; delete out.historyRecords;
      return out;
    },
  }),
  sandboxEntity(invoiceItemEntity, {
    defaults: () => ({ description: null, applyTax: null, applyDiscount: null, expenseId: null, invoiceId: null, taskId: null, employeeId: null, projectId: null, productId: null }),
  }),
];
