import { dataQuery, GauzyMcpError, normalizePage, refusalIn200, type ToolContext } from '@gauzy-mcp/core';

type Item = Record<string, unknown>;

export const INVOICES = '/api/invoices';
export const INVOICE_BY_ID = '/api/invoices/:id';
export const HIGHEST = '/api/invoices/highest';
export const ITEMS = '/api/invoice-item';
export const ITEMS_BULK = '/api/invoice-item/bulk/:invoiceId';
export const ORGANIZATION = '/api/organization/:id';

/**
 * One invoice with its client and items. InvoiceController.findById reads `?data={"relations":[…]}`
 * (ParseJsonPipe), not `relations[]`; an unknown id is 404.
 */
export async function readInvoice(ctx: ToolContext, id: string, relations: readonly string[] = ['toContact', 'invoiceItems']): Promise<Item> {
  const invoice = await ctx.gauzy.get<Item>(INVOICE_BY_ID, { params: { id }, query: dataQuery({ relations: [...relations] }) });
  refusalIn200(invoice);
  if (!invoice || typeof invoice !== 'object' || invoice.organizationId !== ctx.scope.organizationId) {
    throw new GauzyMcpError('GMCP_ERR_GAUZY_NOT_FOUND', ['HTTP 404'], { status: 404, gauzyMessages: [`No invoice with id ${id} in this organization.`] });
  }
  return invoice;
}

/** Items matching `findInput` (GET /api/invoice-item answers every match at once). */
export async function readItems(ctx: ToolContext, findInput: Item): Promise<Item[]> {
  const answer = await ctx.gauzy.get(ITEMS, { query: dataQuery({ findInput: { ...findInput, tenantId: ctx.scope.tenantId, organizationId: ctx.scope.organizationId } }) });
  return normalizePage(answer).items;
}

/**
 * InvoiceService.getHighestInvoiceNumber: `COALESCE(MAX(invoiceNumber), 0)` over the whole invoice table, with
 * no tenant filter, as the unique constraint on invoiceNumber is over the whole table too.
 */
export async function highestInvoiceNumber(ctx: ToolContext): Promise<number> {
  const answer = await ctx.gauzy.get<{ max?: unknown } | null>(HIGHEST);
  const max = Number(answer?.max ?? 0);
  if (!Number.isFinite(max)) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['highest invoice number was not a number']);
  return max;
}

/** Organization.discountAfterTax: whether the invoice form takes a percent discount from subtotal + tax. */
export async function discountsAfterTax(ctx: ToolContext): Promise<boolean> {
  const organization = await ctx.gauzy.get<Item>(ORGANIZATION, { params: { id: ctx.scope.organizationId } });
  return organization?.discountAfterTax === true;
}

/** Arguments refused here, each issue naming its field (the error's `fields`, as zod's refusals name them). */
export function invalid(tool: string, issues: ReadonlyArray<{ field: string; message: string }>): GauzyMcpError {
  return new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [tool], { issues: [...issues], fields: issues.map((issue) => issue.field) });
}
