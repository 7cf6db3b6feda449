import { sandboxEntity, type DtoSpec, type SandboxEntity } from '@gauzy-mcp/core';
import { TimeLogSource, TimeLogType, timeLogEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve time logs as Gauzy does, beyond the entity's description. Test
 * code only: the pack's production entry never imports this.
 */

// ManualTimeLogDTO (packages/core/src/lib/time-tracking/time-log/dto/manual-time-log.dto.ts): the dates carry only
// IsNotEmpty (custom messages) and IsBeforeDate; any other body key passes through (no whitelist).
const MANUAL_TIME_FIELDS: DtoSpec['fields'] = {
  startedAt: { type: 'any', required: true, emptyMessage: 'Started date should not be empty', before: { field: 'stoppedAt', message: 'Started date must be before stopped date' } },
  stoppedAt: { type: 'any', required: true, emptyMessage: 'Stopped date should not be empty' },
  employeeId: { type: 'uuid', required: true },
};
/** UpdateManualTimeLogDTO = ManualTimeLogDTO. */
const UPDATE_MANUAL_TIME_DTO: DtoSpec = { tenantOrganization: true, fields: MANUAL_TIME_FIELDS };
/**
 * CreateManualTimeLogDTO (dto/create-time-log.dto.ts) adds `logType` and `source`: IsEnum with
 * `@Transform(() => MANUAL)` / `@Transform(() => WEB_TIMER = 'BROWSER')`. The transform replaces a value the body
 * has; a body without the key fails IsEnum (Gauzy's web app sends logType MANUAL, source BROWSER).
 */
const CREATE_MANUAL_TIME_DTO: DtoSpec = {
  tenantOrganization: true,
  ownFields: {
    logType: { type: 'any', checkedWhenMissing: true, enum: TimeLogType.options, presentBecomes: 'MANUAL' },
    source: { type: 'any', checkedWhenMissing: true, enum: TimeLogSource.options, presentBecomes: 'BROWSER' },
  },
  fields: MANUAL_TIME_FIELDS,
};

export const timeTrackingSandbox: readonly SandboxEntity[] = [
  sandboxEntity(timeLogEntity, {
    defaults: () => ({
      startedAt: null, stoppedAt: null, editedAt: null, logType: 'TRACKED', source: 'BROWSER', description: null, reason: null,
      isBillable: false, isRunning: false, version: null, employeeId: null, timesheetId: null, projectId: null, taskId: null,
      organizationContactId: null, organizationTeamId: null,
    }),
    virtuals: (row) => {
      const start = Date.parse(String(row.startedAt));
      // A running log keeps stoppedAt = startedAt (Gauzy), so its stored duration is 0 until stopped.
      const stop = Date.parse(String(row.stoppedAt));
      const duration = Number.isFinite(start) && Number.isFinite(stop) ? Math.max(0, Math.floor((stop - start) / 1000)) : 0;
      return { duration, isEdited: !!row.editedAt };
    },
    dto: { create: CREATE_MANUAL_TIME_DTO, update: UPDATE_MANUAL_TIME_DTO },
  }),
];
