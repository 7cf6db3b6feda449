import { compactRelations, withRelations, defineTool, entityFieldsParam, entityResult, entityOutput, entityRoute, formatSeconds, getTool, GauzyMcpError, isoDate, labelWithId, listOutput, listResult, ok, pagination, relationsParam, summarizeDailyReport, updateTool, uuid, defined, type DailyReportDay } from '@gauzy-mcp/core';
import { z } from 'zod';
import { TIME_TRACKING_TOOLSET as toolset, TimeLogSource, TimeLogType, manualTimeFields, timeLogEntity, timeLogUpdateBodyFields } from '../entities.js';

const DAY = 24 * 3600 * 1000;
const { path, noun, plural } = timeLogEntity;
const relations = relationsParam(timeLogEntity.include);
const summaryRelations = timeLogEntity.summaryRelations ?? [];

/** Style C: flat query with arrays, the scope added. Default range: the last 7 days. */
function rangeQuery(ctx: { scope: { organizationId: string; tenantId: string } }, args: { startDate?: string; endDate?: string; employeeIds?: string[]; projectIds?: string[]; taskIds?: string[]; logType?: string[]; source?: string[]; relations?: string[] }) {
  const end = args.endDate ? new Date(args.endDate) : new Date();
  const start = args.startDate ? new Date(args.startDate) : new Date(end.getTime() - 7 * DAY);
  return {
    start,
    end,
    query: {
      organizationId: ctx.scope.organizationId,
      tenantId: ctx.scope.tenantId,
      startDate: start.toISOString(),
      endDate: end.toISOString(),
      employeeIds: args.employeeIds,
      projectIds: args.projectIds,
      taskIds: args.taskIds,
      logType: args.logType,
      source: args.source,
      relations: args.relations,
    },
  };
}

const rangeFields = {
  startDate: isoDate().optional().describe('Start of the range (default: 7 days before endDate)'),
  endDate: isoDate().optional().describe('End of the range (default: now)'),
  employeeIds: z.array(uuid()).max(100).optional().describe('Only these employees'),
  projectIds: z.array(uuid()).max(100).optional().describe('Only these projects'),
};

export const getTimeLogs = defineTool({
  name: 'get_time_logs',
  title: 'List time logs',
  description: 'List single time logs in a date range (default: the last 7 days) by employee, project, task, type or source; totals: get_daily_time_report. Employees see only their own.',
  toolset,
  effect: 'read',
  input: z.object({
    ...rangeFields,
    taskIds: z.array(uuid()).max(100).optional().describe('Only these tasks'),
    logType: z.array(TimeLogType).optional(),
    source: z.array(TimeLogSource).optional(),
    relations,
    ...pagination,
    fields: entityFieldsParam(timeLogEntity),
  }),
  output: listOutput,
  routes: [entityRoute(timeLogEntity, 'findAll')],
  async handler(args, ctx) {
    // Without relations asked for, the people, projects and tasks the lines name are joined and cut to { id, name }.
    const summary = args.relations?.length ? undefined : summaryRelations;
    const { query } = rangeQuery(ctx, { ...args, relations: args.relations?.length ? args.relations : [...summaryRelations] });
    const data = await ctx.gauzy.get<Array<Record<string, unknown>>>(path, { query });
    if (!Array.isArray(data)) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['expected a list of time logs']);
    const items = summary ? data.map((log) => compactRelations(log, summary)) : data;
    return listResult({ items, unpaged: true, skip: args.skip, take: args.take, fields: withRelations(args.fields, args.relations?.length ? args.relations : summary), noun: plural, describe: timeLogEntity.describe });
  },
});

export const getTimeLog = getTool(timeLogEntity, {
  name: 'get_time_log',
  title: 'Get a time log',
  description: 'Get one time log by id, optionally with its project, task or employee.',
  toolset,
});

const startBeforeStop = (value: { startedAt?: string | undefined; stoppedAt?: string | undefined; [key: string]: unknown }) => !value.startedAt || !value.stoppedAt || Date.parse(value.startedAt) < Date.parse(value.stoppedAt);
const startBeforeStopIssue = { message: 'must be after startedAt', path: ['stoppedAt'] };

export const addManualTimeLog = defineTool({
  name: 'add_manual_time_log',
  title: 'Add time by hand',
  description: 'Record time worked without the timer, for you or (admins) another employee.',
  toolset,
  effect: 'write',
  input: z.object({ ...manualTimeFields, employeeId: uuid().optional().describe('Employee (default: you)') }).refine(startBeforeStop, startBeforeStopIssue),
  output: entityOutput,
  routes: [entityRoute(timeLogEntity, 'create')],
  async handler(args, ctx) {
    const employeeId = args.employeeId ?? ctx.scope.employeeId;
    if (!employeeId) throw new GauzyMcpError('GMCP_ERR_NO_EMPLOYEE', ['add_manual_time_log']);
    // CreateManualTimeLogDTO requires logType and source (its transforms to MANUAL / BROWSER run only on keys
    // that are present); these are the values Gauzy's own web app sends.
    const body = { ...defined(args), employeeId, logType: TimeLogType.enum.MANUAL, source: TimeLogSource.enum.BROWSER, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId };
    const log = await ctx.gauzy.post<Record<string, unknown>>(path, body);
    return entityResult(log, 'Added', noun);
  },
});

export const updateTimeLog = updateTool(timeLogEntity, {
  name: 'update_time_log',
  title: 'Change a time log',
  description: 'Change the times, project, task or description of a time log; fields not given stay as they are.',
  toolset,
  fields: manualTimeFields,
  bodyFields: timeLogUpdateBodyFields,
  body: (merged) => {
    if (!startBeforeStop(merged as { startedAt?: string; stoppedAt?: string })) {
      throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['update_time_log'], { issues: [{ field: 'stoppedAt', message: 'must be after startedAt' }], fields: ['stoppedAt'] });
    }
    return merged;
  },
});

export const deleteTimeLogs = defineTool({
  name: 'delete_time_logs',
  title: 'Delete time logs',
  description: 'Delete the given time logs by id (their tracked time is removed from timesheets). forceDelete=true deletes permanently; otherwise Gauzy soft-deletes them.',
  toolset,
  effect: 'delete',
  input: z.object({ logIds: z.array(uuid()).min(1).max(100).describe('Ids of the time logs to delete'), forceDelete: z.boolean().default(false) }),
  output: z.looseObject({ logIds: z.array(z.string()), forceDelete: z.boolean() }),
  // One route for many logs, not the entity's DELETE /:id.
  routes: ['DELETE /api/timesheet/time-log'],
  async handler({ logIds, forceDelete }, ctx) {
    const answer = await ctx.gauzy.delete<Record<string, unknown> | null>('/api/timesheet/time-log', { query: { logIds, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId, forceDelete } });
    return ok({ logIds, forceDelete, result: answer }, `Deleted ${logIds.length} time log(s)${forceDelete ? ' permanently' : ''}.`);
  },
});

/**
 * The daily report summed (see `summarizeDailyReport`); a month of a busy organization's days, each broken
 * down, is over 100 KB, so the latest {@link DETAILED_DAYS} keep their breakdown and earlier ones their total
 * (the totals still count every day). Projects are listed with their total only: the days say who.
 */
function dailyTimeSummary(report: readonly DailyReportDay[]) {
  const { byProject, days, ...summary } = summarizeDailyReport(report);
  const detailedFrom = Math.max(0, days.length - DETAILED_DAYS);
  const shown = days.map((day, index) => (index >= detailedFrom ? day : { date: day.date, seconds: day.seconds, hours: day.hours }));
  return { ...summary, byProject: byProject.map(({ employees: _employees, ...project }) => project), days: shown, ...(detailedFrom > 0 ? { daysWithoutBreakdown: detailedFrom } : {}) };
}

/** Days broken down by project and employee in one answer; see {@link dailyTimeSummary}. */
export const DETAILED_DAYS = 7;

// Lean on purpose: tools/list carries this schema into every conversation; the rows' shape ({ id, name, seconds, hours }) is in the text.
const rows = z.array(z.looseObject({}));

export const getDailyTimeReport = defineTool({
  name: 'get_daily_time_report',
  title: 'Daily time report',
  description: 'Time tracked per day, employee and project over a date range (default: the last 7 days), for the organization or chosen employees and projects.',
  toolset,
  effect: 'read',
  input: z.object(rangeFields),
  output: z.looseObject({ period: z.looseObject({}), totalSeconds: z.number(), byEmployee: rows, byProject: rows, days: rows }),
  routes: ['GET /api/timesheet/time-log/report/daily'],
  async handler(args, ctx) {
    const { query, start, end } = rangeQuery(ctx, args);
    const data = await ctx.gauzy.get<DailyReportDay[]>('/api/timesheet/time-log/report/daily', { query });
    const summary = dailyTimeSummary(Array.isArray(data) ? data : []);
    const period = { startDate: start.toISOString(), endDate: end.toISOString() };
    const range = `from ${period.startDate.slice(0, 10)} to ${period.endDate.slice(0, 10)}`;
    if (summary.days.length === 0) return ok({ period, ...summary }, `No time tracked ${range}.`);
    // Names with ids once, in the totals; the per-day lines name them only, to keep the text short.
    const nameOf = new Map(summary.byEmployee.map((entry) => [entry.id, entry.name]));
    const lines = [
      `Time tracked ${range}: ${formatSeconds(summary.totalSeconds)}.`,
      `By employee: ${summary.byEmployee.map((entry) => `${labelWithId(entry)} ${formatSeconds(entry.seconds)}`).join('; ')}`,
      `By project: ${summary.byProject.map((entry) => `${labelWithId(entry)} ${formatSeconds(entry.seconds)}`).join('; ')}`,
      'Per day:',
      ...summary.days.flatMap((day) => [
        `- ${day.date}: ${formatSeconds(day.seconds)}`,
        ...('projects' in day ? day.projects : []).map((project) => `  - ${project.name} ${formatSeconds(project.seconds)}: ${project.employees.map((employee) => `${nameOf.get(employee.id) ?? 'Unknown employee'} ${formatSeconds(employee.seconds)}`).join(', ')}`),
      ]),
      ...(summary.daysWithoutBreakdown ? [`The ${summary.daysWithoutBreakdown} earliest day(s) show their total only; ask for a shorter range to see who worked on what on them.`] : []),
    ];
    return ok({ period, ...summary }, lines.join('\n'));
  },
});
