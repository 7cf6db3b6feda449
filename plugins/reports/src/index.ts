import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { REPORTS_TOOLSET } from './entities.js';
import { listReports, updateReportMenu } from './tools/catalog.js';
import { generateReport } from './tools/generate.js';

export const reportsPlugin = definePlugin({
  name: 'reports',
  version: packageJson.version,
  description: "Gauzy reports: a week's or a day's time per project and employee with totals and completed tasks, and the reports menu.",
  kernel: '^1.2.0',
  toolsets: [{ name: REPORTS_TOOLSET, description: 'Weekly/daily summaries, the reports menu' }],
  tools: [generateReport, listReports, updateReportMenu],
});

export default reportsPlugin;
