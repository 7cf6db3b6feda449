import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { INCOME_TOOLSET } from './entities.js';
import { incomeTools } from './tools/incomes.js';

export const incomePlugin = definePlugin({
  name: 'income',
  version: packageJson.version,
  description: 'Gauzy incomes: money received from clients, per employee, with bonuses.',
  kernel: '^1.2.0',
  toolsets: [{ name: INCOME_TOOLSET, description: 'Income: find (by dates, employee, client, currency), record, change, archive, delete' }],
  tools: incomeTools,
});

export default incomePlugin;
