import type { SandboxEntity } from '@gauzy-mcp/core';

/** What the testkit's sandbox needs to serve this half's entities. Test code only. */
export const invoicesSandbox: readonly SandboxEntity[] = [];
