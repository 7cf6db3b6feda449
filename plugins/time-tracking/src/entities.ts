import { defineEntity, formatSeconds, isoDate, refLabel, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const TIME_TRACKING_TOOLSET = 'time-tracking';

/** Gauzy's enum values, exactly (see the API contract, TimeLog and Timer). */
export const TimeLogType = z.enum(['TRACKED', 'MANUAL', 'IDLE', 'RESUMED']);
// Gauzy's TimeLogSourceEnum order, which its IsEnum message lists.
export const TimeLogSource = z.enum(['MOBILE', 'BROWSER', 'DESKTOP', 'BROWSER_EXTENSION', 'HUBSTAFF', 'UPWORK', 'TEAMS', 'CLOC']);

/** What a caller may say about time added or changed by hand (ManualTimeLogDTO). */
export const manualTimeFields = {
  startedAt: isoDate().describe('When the work started'),
  stoppedAt: isoDate().describe('When the work stopped (after startedAt)'),
  projectId: uuid().optional(),
  taskId: uuid().optional(),
  organizationContactId: uuid().optional(),
  description: z.string().max(2000).optional(),
  reason: z.string().max(2000).optional().describe('Why the time is added by hand'),
  isBillable: z.boolean().optional(),
};

/** UpdateManualTimeLogDTO validates the whole log, so the current values carry over. */
export const timeLogUpdateBodyFields = ['startedAt', 'stoppedAt', 'employeeId', 'projectId', 'taskId', 'organizationContactId', 'description', 'reason', 'isBillable'] as const;

/** "2026-11-26 09:00 – 2026-11-26 09:16 UTC": to the minute, midnight too (a bare date would hide it). */
function timeSpan(log: Record<string, unknown>): string {
  const minute = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString().slice(0, 16).replace('T', ' ') : undefined);
  const start = minute(log.startedAt) ?? '?';
  if (log.isRunning) return `${start} UTC – running`;
  const stop = minute(log.stoppedAt);
  if (!stop) return `${start} UTC`;
  return `${start} – ${stop} UTC`;
}

export const timeLogEntity = defineEntity({
  name: 'timeLog',
  gauzyClass: 'TimeLog',
  noun: 'time log',
  plural: 'time logs',
  path: '/api/timesheet/time-log',
  // DELETE is one route for many logs (DELETE /api/timesheet/time-log?logIds=…), not DELETE /:id.
  operations: ['findAll', 'findById', 'create', 'update'],
  // TimeLogQueryDTO: flat parameters, and the route answers every matching log (no take/skip).
  list: { query: 'flat', paging: 'offset' },
  scope: 'organization',
  employeeScoped: true,
  fields: manualTimeFields,
  columns: ['employeeId', 'logType', 'source', 'isRunning', 'duration'],
  update: { mode: 'merge', bodyFields: timeLogUpdateBodyFields },
  relations: {
    employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' },
    project: { kind: 'manyToOne', entity: 'organizationProject', key: 'projectId' },
    task: { kind: 'manyToOne', entity: 'task', key: 'taskId' },
    organizationTeam: { kind: 'manyToOne', entity: 'organizationTeam', key: 'organizationTeamId' },
  },
  include: ['project', 'task', 'employee', 'employee.user'],
  // Who, on what: TimeLogService.getTimeLogs joins these when asked (relations[]=employee.user brings the employee too).
  summaryRelations: ['employee.user', 'project', 'task'],
  // A log as a person asks about it: when, how long, who, on what.
  describe: (log) => {
    const seconds = typeof log.duration === 'number' ? log.duration : 0;
    const span = timeSpan(log);
    const who = refLabel(log.employee) ?? (log.employeeId ? `employee ${String(log.employeeId)}` : '');
    const project = refLabel(log.project);
    const task = refLabel(log.task);
    const facts = [who, project ? `project ${project}` : '', task ? `task ${task}` : '', log.logType && log.logType !== 'TRACKED' ? String(log.logType) : ''].filter(Boolean);
    return `${span}, ${formatSeconds(seconds)}${facts.length ? ` · ${facts.join(' · ')}` : ''}${log.description ? `: ${String(log.description)}` : ''} (id ${String(log.id)})`;
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
