import type { ToolDefinition } from '@gauzy-mcp/core';

// Placeholder: this half's toolsets and tools land here.
export const PAYMENTS_TOOLSETS: Array<{ name: string; description: string; default?: boolean }> = [];
export const paymentTools: ToolDefinition[] = [];
