import { retiredTool } from '@gauzy-mcp/core';
import { TIME_OFF_TOOLSET as toolset } from '../entities.js';

/** Reference tools whose effect Gauzy cannot give, kept callable so old prompts learn what to use instead. */
export const retiredTimeOffTools = [
  retiredTool({
    name: 'cancel_time_off_request',
    title: 'Cancel a time-off request',
    toolset,
    reason:
      'Gauzy has no cancel route (PUT /api/time-off-request/:id/cancel does not exist) and no cancelled status (its statuses are REQUESTED, APPROVED, DENIED). ' +
      'delete_time_off_request removes a request; deny_time_off_request refuses it.',
  }),
  ...(['get_time_off_balance', 'get_my_time_off_balance'] as const).map((name) =>
    retiredTool({
      name,
      title: name === 'get_time_off_balance' ? 'Time-off balance' : 'My time-off balance',
      toolset,
      reason:
        'Gauzy keeps no time-off balance: there is no /api/time-off-balance route, and a time-off policy has no allowance of days (only its name, paid and requiresApproval). ' +
        `get_time_off_statistics sums the days taken and requested per employee and policy${name === 'get_my_time_off_balance' ? ' (yours: employeeId "me")' : ''}.`,
    }),
  ),
];
