import { readRunningTimers, RUNNING_TIMER_ROUTES, type ResourceDefinition } from '@gauzy-mcp/core';

export const ACTIVE_TIMERS_URI = 'gauzy://timers/active';

/** A dashboard's "who is tracking time": small, and the same from one read to the next until a timer starts or stops. */
export const activeTimers: ResourceDefinition = {
  uri: ACTIVE_TIMERS_URI,
  name: 'active-timers',
  title: 'Active timers',
  description: "The timers running now that Gauzy lets you see: yours, and your colleagues' where your role may see their last logs. Subscribe to hear when one starts or stops.",
  mimeType: 'application/json',
  routes: [...RUNNING_TIMER_ROUTES],
  async read(ctx) {
    const timers = await readRunningTimers(ctx);
    return [{ uri: ACTIVE_TIMERS_URI, mimeType: 'application/json', text: JSON.stringify({ running: timers.length, timers }) }];
  },
};
