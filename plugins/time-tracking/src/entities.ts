import { defineEntity, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const TIME_TRACKING_TOOLSET = 'time-tracking';

/** Gauzy's enum values, exactly (see the API contract, TimeLog and Timer). */
export const TimeLogType = z.enum(['TRACKED', 'MANUAL', 'IDLE', 'RESUMED']);
export const TimeLogSource = z.enum(['BROWSER', 'DESKTOP', 'MOBILE', 'BROWSER_EXTENSION', 'HUBSTAFF', 'UPWORK', 'TEAMS', 'CLOC']);

export const timeLogEntity = defineEntity({
  noun: 'time log',
  plural: 'time logs',
  path: '/api/timesheet/time-log',
  relations: ['project', 'task', 'employee', 'employee.user'],
  describe: (log) => {
    const seconds = typeof log.duration === 'number' ? log.duration : 0;
    const span = `${String(log.startedAt ?? '?')} – ${log.isRunning ? 'running' : String(log.stoppedAt ?? '?')}`;
    return `${span}, ${(seconds / 3600).toFixed(2)} h${log.description ? `: ${String(log.description)}` : ''} (id ${String(log.id)})`;
  },
});

/** What a timer start or stop may say about the work. */
export const timerWorkFields = {
  projectId: uuid().optional().describe('Project the time is for'),
  taskId: uuid().optional().describe('Task the time is for'),
  organizationContactId: uuid().optional().describe('Client the time is for'),
  organizationTeamId: uuid().optional().describe('Team the time is for'),
  description: z.string().max(2000).optional().describe('What you are working on'),
  isBillable: z.boolean().optional(),
};
