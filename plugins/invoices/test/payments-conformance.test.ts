import { crudConformance } from '@gauzy-mcp/testkit';
import { paymentEntity } from '../src/payments/entities.js';
import invoicesPlugin from '../src/index.js';
import { invoicesSandbox } from '../src/sandbox.js';

// The payment tools under the rule's names (list, get_by_id, create, update, delete, archive); payments.test.ts covers their invoice updates.
crudConformance({
  entity: paymentEntity,
  plugin: invoicesPlugin,
  toolset: 'payments',
  sandboxEntities: [...invoicesSandbox],
  sample: { create: { amount: 120.5, currency: 'USD', paymentDate: '2026-11-20', paymentMethod: 'CASH' }, update: { note: 'Checked' } },
});
