import { defineTool, entityOutput, ok, retiredTool, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';
import { describeInvoice, INVOICES_TOOLSET as toolset } from '../entities.js';
import { INVOICE_BY_ID, readInvoice } from '../gauzy.js';

type Item = Record<string, unknown>;

const EMAIL = '/api/invoices/email/:email';
const ACTION = '/api/invoices/:id/action';
const GENERATE = '/api/invoices/generate/:uuid';

/**
 * PUT /api/invoices/email/:email with `{ params: { invoiceNumber, invoiceId, isEstimate, organizationId } }`:
 * InvoiceService.sendEmail records an estimate email (its token), renders the invoice's PDF and mails it as
 * `Invoice-<number>.pdf` (`Estimate-…`, with accept and reject links, for an estimate) through Gauzy's mailer.
 * It catches its own failures, so a 202 does not say the mail went out. Then, as the web app does, a draft is
 * marked SENT (only a draft: the web app would also turn a paid invoice back to SENT).
 */
export const sendInvoiceEmail = defineTool({
  name: 'send_invoice_email',
  title: 'Email an invoice',
  description: 'Email an invoice or estimate as PDF through Gauzy; a draft becomes SENT.',
  toolset,
  effect: 'write',
  input: z.object({ id: uuid(), email: z.email() }),
  output: entityOutput,
  routes: [`GET ${INVOICE_BY_ID}`, `PUT ${EMAIL}`, `PUT ${ACTION}`],
  async handler({ id, email }, ctx) {
    const invoice = await readInvoice(ctx, id, ['toContact']);
    await ctx.gauzy.put(EMAIL, { params: { invoiceNumber: invoice.invoiceNumber, invoiceId: id, isEstimate: invoice.isEstimate === true, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId } }, { params: { email } });
    const marked = invoice.status === 'DRAFT';
    if (marked) await ctx.gauzy.put(ACTION, { status: 'SENT' }, { params: { id } });
    const now: Item = { ...invoice, status: marked ? 'SENT' : invoice.status };
    const kind = invoice.isEstimate ? 'Estimate' : 'Invoice';
    return ok(
      { id, sentTo: email, status: now.status, invoiceNumber: invoice.invoiceNumber },
      `${kind} #${String(invoice.invoiceNumber)} handed to Gauzy's mailer for ${email} (Gauzy does not report whether it was delivered)${marked ? '; it is now SENT' : ''}.\n${describeInvoice(now)}`,
    );
  },
});

/**
 * PUT /api/invoices/generate/:uuid signs a token for the invoice and saves it; Gauzy's web app then opens
 * `/#/share/invoices/<id>/<token>` (estimates: `/share/estimates/…`), which reads GET /api/public/invoice/:id/:token.
 */
export const generateInvoiceLink = defineTool({
  name: 'generate_invoice_link',
  title: 'Share an invoice by link',
  description: 'A public link to an invoice or estimate, opened without an account.',
  toolset,
  effect: 'write',
  input: z.object({ id: uuid() }),
  output: entityOutput,
  routes: [`GET ${INVOICE_BY_ID}`, `PUT ${GENERATE}`],
  async handler({ id }, ctx) {
    const invoice = await readInvoice(ctx, id, []);
    const answer = await ctx.gauzy.put<Item>(GENERATE, {}, { params: { uuid: id } });
    const token = String(answer?.token ?? '');
    const path = `/#/share/${invoice.isEstimate ? 'estimates' : 'invoices'}/${id}/${token}`;
    return ok(
      { id, token, path, invoiceNumber: invoice.invoiceNumber },
      `Public link made for ${invoice.isEstimate ? 'estimate' : 'invoice'} #${String(invoice.invoiceNumber)}: open ${path} on Gauzy's web app (its address, not the API's). Anyone with it can read the invoice.`,
    );
  },
});

const pdfReason = (what: string, route: string) =>
  `Gauzy answers ${route} with the ${what} as PDF bytes, but gauzy-mcp's Gauzy client reads every answer as text, which would corrupt them, so it cannot hand the file over. ` +
  'send_invoice_email mails the invoice PDF to an address; generate_invoice_link makes a link to view it; get_invoice_by_id gives its contents.';

export const retiredShareTools = [
  retiredTool({ name: 'download_invoice_pdf', title: 'Download an invoice PDF', toolset, reason: pdfReason('invoice', 'GET /api/invoices/download/:uuid') }),
  retiredTool({ name: 'download_invoice_payment_pdf', title: "Download an invoice's payments PDF", toolset, reason: pdfReason("invoice's payment list", 'GET /api/invoices/payment/download/:uuid') }),
];
