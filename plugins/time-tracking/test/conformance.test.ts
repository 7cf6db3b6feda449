import { crudConformance } from '@gauzy-mcp/testkit';
import { timeLogEntity } from '../src/entities.js';
import timeTrackingPlugin from '../src/index.js';
import { timeTrackingSandbox } from '../src/sandbox.js';

// The time-log tools keep their reference names; the suite derived from the entity checks them under those.
crudConformance({
  entity: timeLogEntity,
  plugin: timeTrackingPlugin,
  sandboxEntities: timeTrackingSandbox,
  // TimeLogService.updateManualTime stamps editedAt (the log's isEdited).
  setByUpdate: ['editedAt'],
  names: { list: 'get_time_logs', get: 'get_time_log', create: 'add_manual_time_log', update: 'update_time_log' },
  sample: {
    create: (seed) => ({ startedAt: '2026-11-30T09:00:00.000Z', stoppedAt: '2026-11-30T10:30:00.000Z', description: 'Checked by the conformance suite', projectId: seed.projects[0]!.id }),
    update: { description: 'Changed by the conformance suite' },
  },
});
