import { betweenWhere, currencyCode, GauzyMcpError, gauzyReadsAsBoolean, isoDate, normalizePage, type QueryValue, scopeWhere, type ToolContext, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';
import { compactPayment, PAYMENT_RELATIONS, PaymentMethod } from '../entities.js';

type Item = Record<string, unknown>;

export const PAGINATION = '/api/payments/pagination';
export const PAYMENT_PAGINATION = `GET ${PAGINATION}` as const;

/** Rows read (100 a page) when a list or a sum must see every match; an organization's payments of a period fit. */
export const READ_LIMIT = 500;

/**
 * The filters Gauzy's /api/payments/pagination honours (PaymentService.pagination): equality on the columns,
 * LIKE on `note`, a range on `paymentDate`. Shared by the list and the statistics.
 */
export const paymentFilters = {
  invoiceId: uuid().optional(),
  organizationContactId: uuid().optional().describe('Client'),
  projectId: uuid().optional(),
  currency: currencyCode().describe('ISO 4217, e.g. USD').optional(),
  paymentMethod: PaymentMethod.optional(),
  overdue: z.boolean().optional(),
  startDate: isoDate().optional().describe('Paid on or after'),
  endDate: isoDate().optional().describe('Paid on or before'),
};

export type PaymentFilters = { [K in keyof typeof paymentFilters]?: z.output<(typeof paymentFilters)[K]> } & { note?: string };


/**
 * `where` for the filters. The range: PaymentService fills a missing end with the end of the current month
 * and a missing start with its first day, so an open side is sent wide open; a bare end date means its whole day.
 */
export function paymentWhere(filters: PaymentFilters): Record<string, QueryValue> {
  const { startDate, endDate, note, ...equal } = filters;
  const where: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(equal)) if (value !== undefined) where[key] = value;
  if (note !== undefined && !gauzyReadsAsBoolean(note)) where.note = note;
  const range = betweenWhere(startDate, endDate);
  if (range) where.paymentDate = range;
  return where;
}

/** One page (1-based) of /api/payments/pagination with the invoice and client joined, newest payment first. */
export async function readPaymentPage(ctx: ToolContext, where: Record<string, QueryValue>, take: number, page: number) {
  const answer = await ctx.gauzy.get(PAGINATION, {
    query: { where: scopeWhere(ctx.scope, where), relations: [...PAYMENT_RELATIONS], order: { paymentDate: 'DESC', createdAt: 'DESC' }, take, skip: page },
  });
  const read = normalizePage(answer);
  return { ...read, items: read.items.map(compactPayment) };
}

/** Up to {@link READ_LIMIT} matching payments, and how many matched. */
export async function readPayments(ctx: ToolContext, where: Record<string, QueryValue>, limit = READ_LIMIT): Promise<{ items: Item[]; total: number }> {
  const items: Item[] = [];
  let total = 0;
  for (let page = 1; items.length < limit; page++) {
    const read = await readPaymentPage(ctx, where, 100, page);
    items.push(...read.items);
    total = read.total;
    if (read.items.length < 100 || items.length >= total) break;
  }
  return { items: items.slice(0, limit), total };
}

/** One payment with its invoice and client (GET /:id joins nothing): 404 as GET /:id answers when absent. */
export async function readPayment(ctx: ToolContext, id: string): Promise<Item> {
  const { items } = await readPaymentPage(ctx, { id }, 1, 1);
  if (!items[0]) throw new GauzyMcpError('GMCP_ERR_GAUZY_NOT_FOUND', ['HTTP 404'], { status: 404, gauzyMessages: [`No payment with id ${id} in this organization.`] });
  return items[0];
}
