import { crudConformance } from '@gauzy-mcp/testkit';
import { timeLogEntity } from '../src/entities.js';
import timeTrackingPlugin from '../src/index.js';
import { timeTrackingSandbox } from '../src/sandbox.js';

const hoursAgo = (hours: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 - hours * 3_600_000).toISOString();

// The time-log tools keep their reference names; the suite derived from the entity checks them under those.
crudConformance({
  entity: timeLogEntity,
  plugin: timeTrackingPlugin,
  sandboxEntities: timeTrackingSandbox,
  // TimeLogService.updateManualTime stamps editedAt (the log's isEdited).
  setByUpdate: ['editedAt'],
  names: { list: 'get_time_logs', get: 'get_time_log', create: 'add_manual_time_log', update: 'update_time_log' },
  sample: {
    // Inside get_time_logs' default range (the last 7 days) whenever the suite runs: a fixed date fell out of it a
    // week after it was written, and the list walk then missed the logs this suite adds.
    create: (seed) => ({ startedAt: hoursAgo(50), stoppedAt: hoursAgo(48.5), description: 'Checked by the conformance suite', projectId: seed.projects[0]!.id }),
    update: { description: 'Changed by the conformance suite' },
  },
});
