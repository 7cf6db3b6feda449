import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { EXPENSES_BULK_TOOLSET, EXPENSES_TOOLSET } from './entities.js';
import { listExpenseCategories } from './tools/categories.js';
import { expenseTools } from './tools/expenses.js';

export const expensesPlugin = definePlugin({
  name: 'expenses',
  version: packageJson.version,
  description: 'Gauzy expenses (with employee, category and client; billing status) and expense categories.',
  kernel: '^1.2.0',
  toolsets: [
    { name: EXPENSES_TOOLSET, description: 'Expenses: find (by status, dates, client, amount), record, change, delete; categories' },
    { name: EXPENSES_BULK_TOOLSET, description: 'Expenses in bulk: change up to 50 at once (e.g. mark them INVOICED), each reported' },
  ],
  tools: [...expenseTools, listExpenseCategories],
});

export default expensesPlugin;
