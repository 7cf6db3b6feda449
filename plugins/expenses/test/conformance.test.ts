import { crudConformance } from '@gauzy-mcp/testkit';
import { expenseEntity } from '../src/entities.js';
import expensesPlugin from '../src/index.js';
import { expensesSandbox } from '../src/sandbox.js';

// The derived create, update and delete tools; expenses.test.ts covers the hand-written list, get and bulk update.
crudConformance({
  entity: expenseEntity,
  plugin: expensesPlugin,
  sandboxEntities: [...expensesSandbox],
  sample: { create: { amount: 12.5, currency: 'EUR', notes: 'Conformance expense' }, update: { notes: 'Checked' } },
});
