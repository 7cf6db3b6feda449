import type { ToolDefinition } from '@gauzy-mcp/core';
import { INVOICES_BULK_TOOLSET, INVOICES_TOOLSET } from './entities.js';
import { getHighestInvoiceNumber, getInvoice, getInvoiceItems, listInvoices } from './tools/read.js';
import { downloadInvoicePdf, generateInvoiceLink, sendInvoiceEmail } from './tools/share.js';
import { bulkCreateInvoices, createInvoiceTool, deleteInvoiceTools, updateInvoice } from './tools/write.js';

export { invoiceEntity, invoiceItemEntity, INVOICES_TOOLSET, INVOICES_BULK_TOOLSET } from './entities.js';

export const INVOICES_TOOLSETS: Array<{ name: string; description: string; default?: boolean }> = [
  { name: INVOICES_TOOLSET, description: 'Invoices and estimates: find, create, change, send, share' },
  { name: INVOICES_BULK_TOOLSET, description: 'Create many invoices at once' },
];

export const invoiceTools: ToolDefinition[] = [
  listInvoices,
  getInvoice,
  getInvoiceItems,
  getHighestInvoiceNumber,
  createInvoiceTool,
  updateInvoice,
  ...deleteInvoiceTools,
  sendInvoiceEmail,
  generateInvoiceLink,
  downloadInvoicePdf,
  bulkCreateInvoices,
];
