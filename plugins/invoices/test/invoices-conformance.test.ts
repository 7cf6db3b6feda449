import { crudConformance } from '@gauzy-mcp/testkit';
import invoicesPlugin from '../src/index.js';
import { invoiceEntity, INVOICES_TOOLSET } from '../src/invoices/entities.js';
import { invoicesSandbox } from '../src/sandbox.js';

/** The demo seed's client Ever Technologies (testkit/src/seeds/contacts.ts). */
const CLIENT = '2c5e7a10-4b3d-4f6e-9a1b-7d8c9e0f1a21';

/** The given day after the first of the current month (UTC), at midnight. */
const thisMonth = (daysAfterFirst: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1 + daysAfterFirst)).toISOString();

// The invoice tools under the names the rule gives (list, get, create, update, delete); invoices.test.ts covers their logic.
crudConformance({
  entity: invoiceEntity,
  plugin: invoicesPlugin,
  toolset: INVOICES_TOOLSET,
  sandboxEntities: [...invoicesSandbox],
  sample: {
    // Without items (they are saved through another route, not as columns): a draft of 0.00. Dated in the month the
    // suite runs in, which list_invoices reads by default (a fixed date would fall out of it at the month's end).
    create: () => ({ toContactId: CLIENT, invoiceDate: thisMonth(0), dueDate: thisMonth(27), currency: 'USD' }),
    update: { terms: 'Net 15' },
  },
});
