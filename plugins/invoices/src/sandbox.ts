import type { SandboxEntity } from '@gauzy-mcp/core';
import { invoicesSandbox as invoiceEntities } from './invoices/sandbox.js';
import { paymentsSandbox } from './payments/sandbox.js';

/** What the testkit's sandbox needs to serve invoices, their items and payments. Test code only. */
export const invoicesSandbox: readonly SandboxEntity[] = [...invoiceEntities, ...paymentsSandbox];
