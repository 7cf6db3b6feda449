import { defineTool, withRefusalHints, type ToolDefinition } from '@gauzy-mcp/core';

/**
 * Every payment route needs ORG_PAYMENT_VIEW or ORG_PAYMENT_ADD_EDIT, which Gauzy's EMPLOYEE role has
 * neither of (seen on the real Gauzy: 403 "Forbidden resource" on each tool as employee@ever.co).
 */
const paymentPermissions = {
  code: 'GMCP_ERR_GAUZY_FORBIDDEN' as const,
  match: /Forbidden resource/,
  hint:
    "Payments need Gauzy's ORG_PAYMENT_VIEW (to read) or ORG_PAYMENT_ADD_EDIT (to record and change) permission, which its EMPLOYEE role lacks, " +
    "and a payment of an invoice INVOICES_VIEW and INVOICES_EDIT too: ask an admin to record it or to grant the permission.",
};

/** The tool with Gauzy's permission refusal explained. */
export function withPaymentHints(tool: ToolDefinition): ToolDefinition {
  if (tool.retired) return tool;
  return defineTool({ ...tool, handler: (args, ctx) => withRefusalHints(() => tool.handler(args, ctx), [paymentPermissions]) });
}
