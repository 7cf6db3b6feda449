import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { TIME_OFF_TOOLSET } from './entities.js';
import { teamAvailability } from './resources.js';
import { createTimeOffPolicy, deleteTimeOffPolicy, listTimeOffPolicies, updateTimeOffPolicy } from './tools/policies.js';
import {
  approveTimeOffRequest,
  createTimeOffRequest,
  deleteTimeOffRequest,
  denyTimeOffRequest,
  getTimeOffRequest,
  listTimeOffRequests,
  updateTimeOffRequest,
} from './tools/requests.js';
import { retiredTimeOffTools } from './tools/retired.js';
import { getTimeOffStatistics } from './tools/statistics.js';

export const timeOffPlugin = definePlugin({
  name: 'time-off',
  version: packageJson.version,
  description: 'Gauzy time-off requests and policies: who is off when, request, approve or deny, policies and the employees they cover, days taken.',
  kernel: '^1.3.0',
  toolsets: [{ name: TIME_OFF_TOOLSET, description: 'Time off: requests (list, mine, file, change, approve, deny, delete), policies, statistics' }],
  tools: [
    listTimeOffRequests,
    getTimeOffRequest,
    createTimeOffRequest,
    updateTimeOffRequest,
    approveTimeOffRequest,
    denyTimeOffRequest,
    deleteTimeOffRequest,
    getTimeOffStatistics,
    listTimeOffPolicies,
    createTimeOffPolicy,
    updateTimeOffPolicy,
    deleteTimeOffPolicy,
    ...retiredTimeOffTools,
  ],
  resources: [teamAvailability],
});

export default timeOffPlugin;
