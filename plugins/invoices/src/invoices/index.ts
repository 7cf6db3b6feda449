import type { ToolDefinition } from '@gauzy-mcp/core';

// Placeholder: this half's toolsets and tools land here.
export const INVOICES_TOOLSETS: Array<{ name: string; description: string; default?: boolean }> = [];
export const invoiceTools: ToolDefinition[] = [];
