import { defineTool, entityOutput, GauzyFile, GauzyMcpError, ok, uuid } from '@gauzy-mcp/core';
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

/** The largest PDF handed over inline: base64 grows it by a third, and an answer stays under 32 KB. */
const MAX_PDF_BYTES = 24 * 1024;
const PDF_ROUTES = { invoice: '/api/invoices/download/:uuid', payments: '/api/invoices/payment/download/:uuid' } as const;

/**
 * GET /api/invoices/download/:uuid (the invoice) and /payment/download/:uuid (its payments) answer a PDF that
 * Gauzy renders with pdfmake (3.2 and 2.4 KB for a demo invoice on the real Gauzy), returned here as an embedded
 * resource a client can save or show. INVOICES_VIEW, which Gauzy's EMPLOYEE role holds.
 */
export const downloadInvoicePdf = defineTool({
  name: 'download_invoice_pdf',
  title: 'Invoice PDF',
  description: 'The invoice, or with of: payments its payments, as a PDF file.',
  toolset,
  presets: { download_invoice_payment_pdf: { of: 'payments' } },
  effect: 'read',
  input: z.object({ id: uuid(), of: z.enum(['invoice', 'payments']).default('invoice') }),
  output: entityOutput,
  routes: [`GET ${INVOICE_BY_ID}`, `GET ${PDF_ROUTES.invoice}`, `GET ${PDF_ROUTES.payments}`],
  async handler({ id, of }, ctx) {
    const invoice = await readInvoice(ctx, id, []);
    const file = await ctx.gauzy.get(PDF_ROUTES[of], { params: { uuid: id } });
    if (!(file instanceof GauzyFile) || file.mimeType !== 'application/pdf') throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['expected a PDF']);
    const kind = invoice.isEstimate ? 'Estimate' : 'Invoice';
    const name = `${of === 'payments' ? `${kind}-${String(invoice.invoiceNumber)}-payments` : `${kind}-${String(invoice.invoiceNumber)}`}.pdf`;
    const uri = `gauzy://invoices/${id}/${of === 'payments' ? 'payments.pdf' : 'invoice.pdf'}`;
    const structured = { id, invoiceNumber: invoice.invoiceNumber, of, name, uri, mimeType: file.mimeType, bytes: file.size };
    if (file.size > MAX_PDF_BYTES) {
      throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', [`the PDF is ${file.size} bytes, over the ${MAX_PDF_BYTES} an answer carries`], {
        hint: 'send_invoice_email mails it; generate_invoice_link makes a link to view it.',
      });
    }
    const text = `${name}: ${of === 'payments' ? 'the payments of ' : ''}${kind.toLowerCase()} #${String(invoice.invoiceNumber)} as a PDF of ${file.size} bytes (attached as ${uri}).`;
    return { structured, text, content: [{ type: 'text', text }, { type: 'resource', resource: { uri, mimeType: file.mimeType, blob: file.toBase64() } }] };
  },
});
