import { type DtoSpec, GAUZY_CURRENCY_CODES, sandboxEntity, type SandboxEntity } from '@gauzy-mcp/core';
import { paymentEntity, PaymentMethod } from './entities.js';

/**
 * What the testkit's sandbox needs to serve payments as Gauzy does, beyond the entity's description (the
 * routes with logic are testkit/src/routes/payments-routes.ts; the invoice a payment points at is the invoices
 * half's, beside it in the pack's `./sandbox`). Test code only.
 */

type Body = Record<string, unknown>;

/**
 * PaymentDTO's properties (TenantOrganizationBaseDTO first, then PickType(Payment, …)): amount is a bare
 * IsNumber (checked when missing), paymentDate has no validator, the rest IsOptional.
 */
const PAYMENT_DTO_FIELDS: DtoSpec['fields'] = {
  amount: { type: 'number', checkedWhenMissing: true },
  paymentMethod: { type: 'any', enum: PaymentMethod.options },
  paymentDate: { type: 'any' },
  overdue: { type: 'boolean' },
  note: { type: 'string' },
  currency: { type: 'any', enum: GAUZY_CURRENCY_CODES },
  project: { type: 'object' },
  projectId: { type: 'uuid' },
  organizationContact: { type: 'object' },
  organizationContactId: { type: 'uuid' },
  invoice: { type: 'object' },
  invoiceId: { type: 'uuid' },
  tags: { type: 'array' },
};

/** CreatePaymentDTO takes the employee too (PartialType(EmployeeFeatureDTO)); UpdatePaymentDTO omits it. */
const PAYMENT_CREATE: DtoSpec = { fields: { ...PAYMENT_DTO_FIELDS, employee: { type: 'object' }, employeeId: { type: 'uuid' } }, tenantOrganization: true, whitelist: true };
const PAYMENT_UPDATE: DtoSpec = { fields: PAYMENT_DTO_FIELDS, tenantOrganization: true, whitelist: true };

/** `invoice: {id}` and the like → their id columns; tags are not modelled. */
function fromBody(body: Body): Body {
  const out: Body = { ...body };
  for (const relation of ['invoice', 'organizationContact', 'project', 'employee']) {
    const value = body[relation] as { id?: unknown } | null | undefined;
    if (value && typeof value === 'object' && typeof value.id === 'string') out[`${relation}Id`] = value.id;
    delete out[relation];
  }
  delete out.tags; delete out.tenant; delete out.organization;
  return out;
}

export const paymentsSandbox: readonly SandboxEntity[] = [
  sandboxEntity(paymentEntity, {
    // The columns in the order Gauzy's entity declares them.
    defaults: () => ({
      paymentDate: null, amount: null, note: null, currency: null, paymentMethod: null, overdue: null,
      employeeId: null, invoiceId: null, projectId: null, organizationContactId: null,
    }),
    // TenantAwareCrudService.create saves `{ ...body, tenant: { id }, tenantId }`: TypeORM's save answers that entity.
    createAnswer: { virtuals: false, tenant: true },
    fromBody,
    dto: { create: PAYMENT_CREATE, update: PAYMENT_UPDATE },
  }),
];
