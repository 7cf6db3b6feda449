import type { DtoSpec } from '../dto-validation.js';
import type { CallerContext, HandlerInput } from '../engine/context.js';
import { assertUuidParam, insertEntity, scopedRows, validateBody } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { normalizeRelations, serialize } from '../engine/serialize.js';
import { badRequest, badRequestMessage, handlerError, recordNotFound } from '../http-errors.js';
import type { Row, SandboxStore } from '../store.js';

// TimerStartDTO / TimerStopDTO: Gauzy's TimeLogType and TimeLogSourceEnum.
const TIME_LOG_TYPES = ['TRACKED', 'MANUAL', 'IDLE', 'RESUMED'] as const;
const TIME_LOG_SOURCES = ['MOBILE', 'BROWSER', 'DESKTOP', 'BROWSER_EXTENSION', 'HUBSTAFF', 'UPWORK', 'TEAMS', 'CLOC'] as const;

// Messages verified in packages/core/src/lib/time-tracking/timer/timer.service.ts.
const NO_EMPLOYEE = 'Employee record not found. Please verify your details and try again.';
const TRACKING_DISABLED = 'The time tracking functionality has been disabled for you.';
const FOREIGN_KEY_FAILED = 'SqliteError: FOREIGN KEY constraint failed';
const NOTHING_RUNNING = "No running log found. Can't stop timer because it was already stopped.";
const STATUS_NO_EMPLOYEE = "We couldn't find the employee you were looking for.";

const TIMER_FIELDS: DtoSpec['fields'] = {
  description: { type: 'string' }, isBillable: { type: 'boolean' }, version: { type: 'string' },
  projectId: { type: 'uuid' }, taskId: { type: 'uuid' }, organizationContactId: { type: 'uuid' }, organizationTeamId: { type: 'uuid' },
};
const START_TIMER_DTO: DtoSpec = {
  tenantOrganization: true,
  fields: { logType: { type: 'string', required: true, enum: TIME_LOG_TYPES }, source: { type: 'string', required: true, enum: TIME_LOG_SOURCES }, ...TIMER_FIELDS },
};
const STOP_TIMER_DTO: DtoSpec = {
  tenantOrganization: true,
  fields: { logType: { type: 'string', enum: TIME_LOG_TYPES }, source: { type: 'string', enum: TIME_LOG_SOURCES }, ...TIMER_FIELDS },
};
/**
 * The manual time-log DTOs are the time log entity's (its pack's sandbox hooks); without that entity only
 * the organization is checked.
 */
const ORGANIZATION_ONLY_DTO: DtoSpec = { tenantOrganization: true, fields: {} };
const timeLogDto = (store: SandboxStore, which: 'create' | 'update'): DtoSpec => store.entities.get('timeLog')?.[which] ?? ORGANIZATION_ONLY_DTO;

const startOfTodayUtc = () => { const d = new Date(); d.setUTCHours(0, 0, 0, 0); return d; };
const logDuration = (log: Row) => Math.max(0, Math.floor((Date.parse(String(log.stoppedAt)) - Date.parse(String(log.startedAt))) / 1000));
const asList = (v: unknown): string[] => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.map(String) : typeof v === 'object' ? Object.values(v as object).map(String) : [String(v)]);

function trackingEmployee(caller: CallerContext): Row {
  if (!caller.employee) throw handlerError(404, NO_EMPLOYEE);
  if (!caller.employee.isTrackingEnabled) throw handlerError(403, TRACKING_DISABLED);
  return caller.employee;
}

function runningLogs(store: SandboxStore, employee: Row): Row[] {
  return store.list('timeLog').filter((l) => l.employeeId === employee.id && l.isRunning === true && !l.deletedAt)
    .sort((a, b) => String(b.startedAt).localeCompare(String(a.startedAt)));
}

function stopLog(log: Row, at: string): void {
  Object.assign(log, { isRunning: false, stoppedAt: at < String(log.startedAt) ? log.startedAt : at, updatedAt: new Date().toISOString() });
}

function startTimer(input: HandlerInput) {
  const caller = requireCaller(input);
  const body = validateBody(input.store, caller, input.body, START_TIMER_DTO);
  const employee = trackingEmployee(caller);
  // Gauzy (39a5c3ad) starts a timer on any task, assigned or not. A task id that is no row breaks the time
  // log's foreign key, which Gauzy on SQLite reports as 201 with only the driver's message.
  if (body.taskId && !input.store.get('task', String(body.taskId))) return { body: { message: FOREIGN_KEY_FAILED } };
  const now = new Date().toISOString();
  for (const log of runningLogs(input.store, employee)) stopLog(log, now);
  const log = insertEntity(input.store, 'timeLog', {
    employeeId: employee.id, startedAt: now, stoppedAt: now, source: body.source ?? 'BROWSER', logType: body.logType ?? 'TRACKED',
    projectId: body.projectId ?? null, taskId: body.taskId ?? null, organizationContactId: body.organizationContactId ?? null,
    organizationTeamId: body.organizationTeamId ?? null, description: body.description ?? null, isBillable: body.isBillable ?? false,
    version: body.version ?? null, isRunning: true,
  }, { tenantId: caller.tenantId, organizationId: String(employee.organizationId), createdByUserId: String(caller.user.id) });
  Object.assign(employee, { isOnline: true, isTrackingTime: true });
  return { body: serialize('timeLog', log, input.store) };
}

function stopTimer(input: HandlerInput) {
  const caller = requireCaller(input);
  validateBody(input.store, caller, input.body, STOP_TIMER_DTO);
  const employee = trackingEmployee(caller);
  const [last, ...older] = runningLogs(input.store, employee);
  if (!last) throw handlerError(406, NOTHING_RUNNING);
  const now = new Date().toISOString();
  stopLog(last, now);
  for (const log of older) stopLog(log, now);
  Object.assign(employee, { isOnline: false, isTrackingTime: false });
  return { body: serialize('timeLog', last, input.store) };
}

function statusFor(store: SandboxStore, caller: CallerContext, employee: Row, query: Record<string, unknown>, relations: string[]) {
  const start = query.todayStart ? Date.parse(String(query.todayStart)) : startOfTodayUtc().getTime();
  const end = query.todayEnd ? Date.parse(String(query.todayEnd)) : start + 86_400_000 - 1;
  const today = scopedRows(store, 'timeLog', { ...caller, selfScoped: false }).filter((l) => {
    const at = Date.parse(String(l.startedAt));
    return l.employeeId === employee.id && at >= start && at <= end && (!query.source || l.source === query.source);
  });
  let duration = today.filter((l) => !l.isRunning).reduce((sum, l) => sum + logDuration(l), 0);
  const last = [...today].sort((a, b) => String(b.startedAt).localeCompare(String(a.startedAt)) || String(b.createdAt).localeCompare(String(a.createdAt)))[0];
  if (last?.isRunning) duration += Math.max(0, Math.floor((Date.now() - Date.parse(String(last.startedAt))) / 1000));
  return { duration, running: !!last?.isRunning, lastLog: last ? serialize('timeLog', last, store, relations) : null };
}

export function registerTimerRoutes(registry: RouteRegistry): void {
  registry.serve('POST', '/api/timesheet/timer/start', startTimer);
  registry.serve('POST', '/api/timesheet/timer/stop', stopTimer);
  registry.serve('POST', '/api/timesheet/timer/toggle', (input) => {
    const caller = requireCaller(input);
    return caller.employee && runningLogs(input.store, caller.employee).length ? stopTimer(input) : startTimer(input);
  });

  registry.serve('GET', '/api/timesheet/timer/status', (input) => {
    const caller = requireCaller(input);
    const { query, store } = input;
    const wanted = !caller.selfScoped && query.employeeId ? String(query.employeeId) : undefined;
    const employee = scopedRows(store, 'employee', caller).find((e) => (wanted ? e.id === wanted : e.userId === caller.user.id) && (!query.organizationId || e.organizationId === query.organizationId));
    if (!employee) throw handlerError(404, STATUS_NO_EMPLOYEE);
    return { body: statusFor(store, caller, employee, query, normalizeRelations(query.relations)) };
  });

  // One entry per employee with a log: their last log (running or completed).
  registry.serve('GET', '/api/timesheet/timer/status/worked', (input) => {
    const caller = requireCaller(input);
    const { query, store } = input;
    // As Gauzy: a role that may see others' last logs gets exactly the employees it names (`employeeIds`, else
    // `employeeId`; none named, none answered); any other role its own.
    const seesOthers = caller.permissions.has('CHANGE_SELECTED_EMPLOYEE') || caller.permissions.has('ORG_MEMBER_LAST_LOG_VIEW');
    const named = asList(query.employeeIds);
    const wanted = seesOthers ? (named.length ? named : asList(query.employeeId)) : [caller.employee?.id].filter(Boolean).map(String);
    const logs = scopedRows(store, 'timeLog', { ...caller, selfScoped: false }).filter((l) =>
      (!query.organizationId || l.organizationId === query.organizationId) && wanted.includes(String(l.employeeId)));
    const lastByEmployee = new Map<string, Row>();
    for (const l of logs) {
      const prev = lastByEmployee.get(String(l.employeeId));
      if (!prev || String(l.startedAt) > String(prev.startedAt)) lastByEmployee.set(String(l.employeeId), l);
    }
    const relations = normalizeRelations(query.relations);
    const body = [...lastByEmployee.values()].map((last) => {
      const employee = store.get('employee', String(last.employeeId));
      const stoppedDaysAgo = (Date.now() - Date.parse(String(last.stoppedAt))) / 86_400_000;
      return {
        duration: logDuration(last), running: !!last.isRunning, lastLog: serialize('timeLog', last, store, relations),
        timerStatus: last.isRunning ? 'running' : stoppedDaysAgo >= 1 ? 'idle' : 'pause',
        reWeeklyLimit: employee?.reWeeklyLimit ?? 0, workedThisWeek: 0,
      };
    });
    return { body };
  });
}

/** Style C flat TimeLogQueryDTO filter. */
function filteredLogs(input: HandlerInput): Row[] {
  const caller = requireCaller(input);
  const q = input.query;
  const employeeIds = asList(q.employeeIds), projectIds = asList(q.projectIds), taskIds = asList(q.taskIds);
  const logTypes = asList(q.logType), sources = asList(q.source), teamIds = asList(q.teamIds);
  const start = q.startDate ? Date.parse(String(q.startDate)) : undefined;
  const end = q.endDate ? Date.parse(String(q.endDate)) : undefined;
  return scopedRows(input.store, 'timeLog', caller).filter((l) => {
    const at = Date.parse(String(l.startedAt));
    return (!q.organizationId || l.organizationId === q.organizationId)
      && (!employeeIds.length || employeeIds.includes(String(l.employeeId)))
      && (!projectIds.length || projectIds.includes(String(l.projectId)))
      && (!taskIds.length || taskIds.includes(String(l.taskId)))
      && (!teamIds.length || teamIds.includes(String(l.organizationTeamId)))
      && (!logTypes.length || logTypes.includes(String(l.logType)))
      && (!sources.length || sources.includes(String(l.source)))
      && (start === undefined || at >= start) && (end === undefined || at <= end);
  }).sort((a, b) => String(a.startedAt).localeCompare(String(b.startedAt)));
}

function requireQueryOrganization(input: HandlerInput): void {
  const caller = requireCaller(input);
  validateBody(input.store, caller, input.query, { fields: {}, tenantOrganization: true });
}

export function registerTimeLogRoutes(registry: RouteRegistry): void {
  registry.serve('GET', '/api/timesheet/time-log', (input) => {
    requireQueryOrganization(input);
    const relations = normalizeRelations(input.query.relations);
    return { body: filteredLogs(input).map((l) => serialize('timeLog', l, input.store, relations)) };
  });

  // Approximation of TimeLogService.getDailyReport: one entry per day with the summed seconds, split by project and employee.
  registry.serve('GET', '/api/timesheet/time-log/report/daily', (input) => {
    requireQueryOrganization(input);
    const byDate = new Map<string, Row[]>();
    for (const log of filteredLogs(input)) {
      const date = String(log.startedAt).slice(0, 10);
      byDate.set(date, [...(byDate.get(date) ?? []), log]);
    }
    const store = input.store;
    const body = [...byDate.entries()].map(([date, logs]) => {
      const byProject = new Map<string, Row[]>();
      for (const l of logs) byProject.set(String(l.projectId), [...(byProject.get(String(l.projectId)) ?? []), l]);
      return {
        date,
        sum: logs.reduce((s, l) => s + logDuration(l), 0),
        logs: [...byProject.entries()].map(([projectId, projectLogs]) => {
          const project = projectId !== 'null' ? store.get('organizationProject', projectId) : undefined;
          const byEmployee = new Map<string, Row[]>();
          for (const l of projectLogs) byEmployee.set(String(l.employeeId), [...(byEmployee.get(String(l.employeeId)) ?? []), l]);
          return {
            project: project ? serialize('organizationProject', project, store) : null,
            sum: projectLogs.reduce((s, l) => s + logDuration(l), 0),
            employeeLogs: [...byEmployee.entries()].map(([employeeId, employeeLogs]) => {
              const employee = store.get('employee', employeeId);
              return { employee: employee ? serialize('employee', employee, store, ['user']) : null, sum: employeeLogs.reduce((s, l) => s + logDuration(l), 0) };
            }),
          };
        }),
      };
    });
    return { body };
  });

  registry.serve('GET', '/api/timesheet/time-log/:id', (input) => {
    const caller = requireCaller(input);
    const id = assertUuidParam(input.params.id);
    const log = scopedRows(input.store, 'timeLog', caller).find((l) => l.id === id);
    if (!log) throw recordNotFound();
    return { body: serialize('timeLog', log, input.store, normalizeRelations(input.query.relations)) };
  });

  registry.serve('POST', '/api/timesheet/time-log', (input) => {
    const caller = requireCaller(input);
    // TimeLogBodyTransformPipe runs first: without CHANGE_SELECTED_EMPLOYEE the log is the caller's own.
    const piped = caller.selfScoped ? { ...input.body, employeeId: caller.employee?.id } : input.body;
    const body = validateBody(input.store, caller, piped, timeLogDto(input.store, 'create'));
    const employeeId = String(body.employeeId);
    const employee = scopedRows(input.store, 'employee', { ...caller, selfScoped: false }).find((e) => e.id === employeeId);
    // TimeLogService.addManualTime turns every failure (an unknown employee included) into this one 400.
    if (!employee) throw badRequestMessage('Failed to add manual time log');
    const log = insertEntity(input.store, 'timeLog', {
      employeeId: employee.id, startedAt: new Date(String(body.startedAt)).toISOString(), stoppedAt: new Date(String(body.stoppedAt)).toISOString(),
      logType: body.logType, source: body.source, projectId: body.projectId ?? null, taskId: body.taskId ?? null,
      organizationContactId: body.organizationContactId ?? null, organizationTeamId: body.organizationTeamId ?? null,
      description: body.description ?? null, reason: body.reason ?? null, isBillable: body.isBillable ?? false, isRunning: false,
    }, { tenantId: caller.tenantId, organizationId: String(body.organizationId ?? employee.organizationId), createdByUserId: String(caller.user.id) });
    return { body: serialize('timeLog', log, input.store) };
  });

  registry.serve('PUT', '/api/timesheet/time-log/:id', (input) => {
    const caller = requireCaller(input);
    const id = assertUuidParam(input.params.id);
    const piped = caller.selfScoped ? { ...input.body, employeeId: caller.employee?.id } : input.body;
    const body = validateBody(input.store, caller, piped, timeLogDto(input.store, 'update'));
    const log = scopedRows(input.store, 'timeLog', caller).find((l) => l.id === id);
    // TimeLogService.updateManualTime turns every failure (a missing log included) into this one 400.
    if (!log) throw badRequestMessage('Failed to update manual time log');
    for (const k of ['startedAt', 'stoppedAt']) log[k] = new Date(String(body[k])).toISOString();
    for (const k of ['projectId', 'taskId', 'organizationContactId', 'organizationTeamId', 'description', 'reason', 'isBillable']) if (k in body) log[k] = body[k];
    Object.assign(log, { editedAt: new Date().toISOString(), updatedAt: new Date().toISOString() });
    return { body: serialize('timeLog', log, input.store) };
  });

  registry.serve('DELETE', '/api/timesheet/time-log', (input) => {
    const caller = requireCaller(input);
    const logIds = asList(input.query.logIds);
    const messages: string[] = [];
    if (!logIds.length) messages.push('logIds should not be empty');
    try { requireQueryOrganization(input); } catch (e) { messages.push(...(((e as { body?: { message?: string[] } }).body?.message) ?? [])); }
    if (messages.length) throw badRequest(messages);
    const force = input.query.forceDelete === true || input.query.forceDelete === 'true';
    const targets = scopedRows(input.store, 'timeLog', caller).filter((l) => logIds.includes(l.id));
    const now = new Date().toISOString();
    for (const log of targets) {
      if (force) input.store.remove('timeLog', log.id);
      else Object.assign(log, { deletedAt: now, deletedByUserId: caller.user.id, isRunning: false });
    }
    return { body: force ? { raw: [], affected: targets.length } : { generatedMaps: [], raw: [], affected: targets.length } };
  });
}
