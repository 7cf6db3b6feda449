import { isGauzyMcpError, readRunningTimers, RUNNING_TIMER_ROUTES, type ResourceDefinition } from '@gauzy-mcp/core';
import { readRequests, REQUEST_PAGINATION } from './tools/read.js';

export const TEAM_AVAILABILITY_URI = 'gauzy://team/availability';

type Item = Record<string, unknown>;

/**
 * Who can be reached today: who is tracking time now, and who is on approved time off today (UTC), as far as the
 * reader may see (an employee sees their own). A part Gauzy does not let the reader see says so instead of failing
 * the whole view.
 */
export const teamAvailability: ResourceDefinition = {
  uri: TEAM_AVAILABILITY_URI,
  name: 'team-availability',
  title: 'Team availability',
  description: 'Who is working now (timer running) and who is on approved time off today. Subscribe to hear when that changes.',
  mimeType: 'application/json',
  routes: [...RUNNING_TIMER_ROUTES, REQUEST_PAGINATION],
  async read(ctx) {
    const today = new Date().toISOString().slice(0, 10);
    const working = await visible(async () => (await readRunningTimers(ctx)).map(({ employeeId, name, since }) => ({ employeeId, ...(name ? { name } : {}), since })));
    const onTimeOff = await visible(async () => {
      const { items } = await readRequests(ctx, { startDate: today, endDate: today, status: 'APPROVED' });
      return items
        .flatMap((request) =>
          ((request.employees as Item[] | undefined) ?? []).map((employee) => ({
            employeeId: employee.id,
            ...(employee.name ? { name: employee.name } : {}),
            until: String(request.end).slice(0, 10),
            ...((request.policy as Item | null | undefined)?.name ? { policy: (request.policy as Item).name } : {}),
          })),
        )
        .sort((a, b) => String(a.employeeId).localeCompare(String(b.employeeId)));
    });
    return [{ uri: TEAM_AVAILABILITY_URI, mimeType: 'application/json', text: JSON.stringify({ date: today, working, onTimeOff }) }];
  },
};

/** The part, or what keeps the reader from seeing it (Gauzy's refusal), so the other part still shows. */
async function visible<T>(read: () => Promise<T>): Promise<T | { notVisible: string }> {
  try {
    return await read();
  } catch (error) {
    if (isGauzyMcpError(error, 'GMCP_ERR_GAUZY_FORBIDDEN')) return { notVisible: error.message };
    throw error;
  }
}
