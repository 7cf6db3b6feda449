import { crudConformance } from '@gauzy-mcp/testkit';
import { incomeEntity } from '../src/entities.js';
import incomePlugin from '../src/index.js';
import { incomeSandbox } from '../src/sandbox.js';

const EVER = '2c5e7a10-4b3d-4f6e-9a1b-7d8c9e0f1a21';

// The derived create, update, delete and archive tools; income.test.ts covers the hand-written list and get.
crudConformance({
  entity: incomeEntity,
  plugin: incomePlugin,
  sandboxEntities: [...incomeSandbox],
  sample: { create: { amount: 750, currency: 'EUR', clientId: EVER, notes: 'Conformance income' }, update: { notes: 'Checked' } },
});
