import { isUuid } from '../dto-validation.js';
import type { HandlerInput } from '../engine/context.js';
import { listRows, paginated } from '../engine/crud-engine.js';
import { parseDataParam } from '../engine/query.js';
import { assertUuidParam, belongsToOrganization, insertEntity, scopedRows, validateBody } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { normalizeRelations, serialize } from '../engine/serialize.js';
import { badRequest } from '../http-errors.js';
import type { Row, SandboxStore } from '../store.js';

/** Copy of the input whose `where` lost the given pseudo-columns (they drive custom filters, not equality). */
function withoutWhereKeys(input: HandlerInput, keys: string[]): HandlerInput {
  const where = { ...((input.query.where as Record<string, unknown> | undefined) ?? {}) };
  for (const k of keys) delete where[k];
  return { ...input, query: { ...input.query, ...(input.query.where ? { where } : {}) } };
}

const asList = (v: unknown): string[] => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.map(String) : typeof v === 'object' ? Object.values(v as object).map(String) : [String(v)]);

const isTaskMember = (task: Row, employeeId: string | undefined) => !!employeeId && ((task.memberIds as string[] | undefined) ?? []).includes(employeeId);

function teamMemberIds(store: SandboxStore, teamIds: string[]): Set<string> {
  return new Set(store.list('organizationTeamEmployee').filter((m) => teamIds.includes(String(m.organizationTeamId)) && !m.deletedAt).map((m) => String(m.employeeId)));
}

/** TenantOrganizationBaseDTO flat in the query string (`?organizationId=`). */
function requireFlatOrganization(input: HandlerInput): string {
  const caller = requireCaller(input);
  validateBody(input.store, caller, input.query, { fields: {}, tenantOrganization: true });
  return String(input.query.organizationId ?? (input.query.organization as { id?: string } | undefined)?.id);
}

export function registerTaskRoutes(registry: RouteRegistry): void {
  // TaskService.findMyTasks / getEmployeeTasks / findTeamTasks: membership filters over the task list, paged (skip = page).
  // TaskService.getEmployeeTasks: a caller who may act for other employees (CHANGE_SELECTED_EMPLOYEE) gets the
  // tasks of the employee named in where[members][id], or, naming none, every task that has a member; anyone
  // else gets their own.
  registry.serve('GET', '/api/tasks/me', (input) => {
    const caller = requireCaller(input);
    const named = ((input.query.where as Record<string, unknown> | undefined)?.members as { id?: unknown } | undefined)?.id;
    const keep = caller.selfScoped
      ? (t: Row) => isTaskMember(t, caller.employee?.id)
      : named !== undefined ? (t: Row) => isTaskMember(t, String(named)) : (t: Row) => ((t.memberIds as string[] | undefined) ?? []).length > 0;
    return paginated(input, 'task', listRows(withoutWhereKeys(input, ['members']), 'task', keep), true);
  });
  registry.serve('GET', '/api/tasks/employee', (input) => {
    const caller = requireCaller(input);
    const where = (input.query.where as Record<string, unknown> | undefined) ?? {};
    const employeeId = String(where.employeeId ?? input.query.employeeId ?? caller.employee?.id ?? '');
    const rows = listRows(withoutWhereKeys(input, ['employeeId']), 'task', (t) => isTaskMember(t, employeeId));
    return paginated(input, 'task', rows, true);
  });
  registry.serve('GET', '/api/tasks/team', (input) => {
    const where = (input.query.where as Record<string, unknown> | undefined) ?? {};
    const teamIds = [...asList(where.teams), ...asList(where.organizationTeamId), ...asList(input.query.organizationTeamId)];
    const members = teamMemberIds(input.store, teamIds);
    const rows = listRows(withoutWhereKeys(input, ['teams', 'organizationTeamId']), 'task', (t) =>
      ((t.teamIds as string[] | undefined) ?? []).some((id) => teamIds.includes(id)) || ((t.memberIds as string[] | undefined) ?? []).some((id) => members.has(id)));
    return paginated(input, 'task', rows, true);
  });
  registry.serve('GET', '/api/tasks/employee/:id', (input) => {
    const employeeId = assertUuidParam(input.params.id);
    const rows = listRows(input, 'task', (t) => isTaskMember(t, employeeId));
    const relations = normalizeRelations(input.query.relations);
    return { body: rows.map((r) => serialize('task', r, input.store, relations)) };
  });
}

export function registerProjectRoutes(registry: RouteRegistry): void {
  registry.serve('GET', '/api/organization-projects/employee/:employeeId', (input) => {
    const caller = requireCaller(input);
    const employeeId = assertUuidParam(input.params.employeeId);
    const organizationId = requireFlatOrganization(input);
    const projectIds = new Set(input.store.list('organizationProjectEmployee').filter((m) => m.employeeId === employeeId && !m.deletedAt).map((m) => m.organizationProjectId));
    const rows = scopedRows(input.store, 'organizationProject', caller).filter((p) => p.organizationId === organizationId && projectIds.has(p.id));
    return { body: rows.map((r) => serialize('organizationProject', r, input.store, normalizeRelations(input.query.relations))) };
  });

  // OrganizationProjectService.updateByEmployee: add/remove the employee as a project member; answers `true`.
  registry.serve('PUT', '/api/organization-projects/employee', (input) => {
    const caller = requireCaller(input);
    const { body, store } = input;
    const member = body.member as { id?: unknown } | undefined;
    const employeeId = typeof member?.id === 'string' ? member.id : undefined;
    const employee = employeeId ? scopedRows(store, 'employee', caller).find((e) => e.id === employeeId) : undefined;
    if (!employee) throw badRequest(['member.id must be a UUID']);
    const organizationId = String(body.organizationId ?? employee.organizationId);
    const projects = new Map(scopedRows(store, 'organizationProject', caller).map((p) => [p.id, p]));
    for (const projectId of asList(body.addedProjectIds)) {
      const project = projects.get(projectId);
      const exists = store.list('organizationProjectEmployee').some((m) => m.organizationProjectId === projectId && m.employeeId === employeeId && !m.deletedAt);
      if (!project || exists) continue;
      insertEntity(store, 'organizationProjectEmployee', { organizationProjectId: projectId, employeeId, assignedAt: new Date().toISOString() }, { tenantId: caller.tenantId, organizationId });
      project.membersCount = Number(project.membersCount ?? 0) + 1;
    }
    for (const projectId of asList(body.removedProjectIds)) {
      for (const m of [...store.list('organizationProjectEmployee')]) {
        if (m.organizationProjectId === projectId && m.employeeId === employeeId && m.tenantId === caller.tenantId) {
          store.remove('organizationProjectEmployee', m.id);
          const project = projects.get(projectId);
          if (project) project.membersCount = Math.max(0, Number(project.membersCount ?? 1) - 1);
        }
      }
    }
    return { body: true };
  });
}

export function registerEmployeeRoutes(registry: RouteRegistry): void {
  // Style B: ?data={"findInput":{organizationId,tenantId,withUser?},"forRange":{start,end}}
  registry.serve('GET', '/api/employee/working', (input) => {
    const caller = requireCaller(input);
    const data = parseDataParam(input.query.data);
    const findInput = (data.findInput ?? {}) as Record<string, unknown>;
    // EmployeeService.findWorkingEmployees: active, unarchived employees; only a range with both ends bounds them
    // (started by its end, not ended before its start).
    const range = (findInput.forRange ?? {}) as { startDate?: string; endDate?: string };
    const bounded = Boolean(range.startDate && range.endDate);
    const start = bounded ? Date.parse(String(range.startDate)) : -Infinity;
    const end = bounded ? Date.parse(String(range.endDate)) : Infinity;
    const rows = scopedRows(input.store, 'employee', caller).filter((e) => {
      if (findInput.organizationId && e.organizationId !== findInput.organizationId) return false;
      if (e.isActive === false || e.isArchived === true) return false;
      if (!bounded) return true;
      if (!e.startedWorkOn || Date.parse(String(e.startedWorkOn)) > end) return false;
      return !e.endWork || Date.parse(String(e.endWork)) >= start;
    });
    const relations = findInput.withUser || data.withUser ? ['user'] : normalizeRelations(data.relations);
    return { body: { items: rows.map((r) => serialize('employee', r, input.store, relations)), total: rows.length } };
  });
}

export function registerTeamRoutes(registry: RouteRegistry): void {
  registry.serve('GET', '/api/organization-team/me', (input) => {
    const caller = requireCaller(input);
    const mine = new Set(input.store.list('organizationTeamEmployee').filter((m) => m.employeeId === caller.employee?.id && !m.deletedAt).map((m) => m.organizationTeamId));
    return paginated(input, 'organizationTeam', listRows(input, 'organizationTeam', (t) => !caller.selfScoped || mine.has(t.id)), false);
  });
}

export { isUuid, belongsToOrganization };
