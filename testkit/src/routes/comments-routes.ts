import type { HandlerInput, HandlerOutput } from '../engine/context.js';
import { paginated } from '../engine/crud-engine.js';
import { applyOrder } from '../engine/query.js';
import { assertUuidParam, insertEntity, scopedRows, validateBody } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { serialize } from '../engine/serialize.js';
import { handlerError } from '../http-errors.js';
import type { Row } from '../store.js';

/*
 * The comments pack's routes with logic of their own: CommentService.create and update (which answer every
 * failure with one 400), ActivityLogService.findActivityLogs (flat filters, newest first, skip a 1-based page
 * of default 100), and EmployeeNotificationService.create (one notification, after the receiver's settings).
 * The DTOs come from the pack's sandbox entities; a sandbox not taught them stores what it is given.
 */

const COMMENT = 'comment';
const ACTIVITY_LOG = 'activityLog';
const NOTIFICATION = 'employeeNotification';
/** Sandbox bookkeeping of Gauzy's employee_notification_setting rows (no route of the pack reads them). */
const NOTIFICATION_SETTING = 'employeeNotificationSetting';
const SERVER_SET = ['id', 'tenantId', 'tenant', 'organization', 'createdAt', 'updatedAt', 'deletedAt', 'createdByUserId'];

const NOTIFICATION_FLAG: Record<string, string | undefined> = {
  Payment: 'payment', Assignment: 'assignment', Invitation: 'invitation', Mention: 'mention', Comment: 'comment', Message: 'message', Broadcast: undefined,
};

function bodyData(input: HandlerInput, entity: string, body: Record<string, unknown>): Record<string, unknown> {
  const spec = input.store.entities.get(entity);
  const data = spec?.fromBody ? spec.fromBody(body) : { ...body };
  for (const key of SERVER_SET) delete data[key];
  return data;
}

/** MentionService.publishMention per mentioned employee: a mention row (its notification goes out without a receiver). */
function recordMentions(input: HandlerInput, comment: Row, mentioned: unknown, replace: boolean): void {
  if (!Array.isArray(mentioned) && !replace) return;
  const ids = (Array.isArray(mentioned) ? mentioned : []).map(String);
  const mentions = input.store.list('mention');
  if (replace) for (const old of mentions.filter((m) => m.entityId === comment.id && !ids.includes(String(m.mentionedEmployeeId)))) input.store.remove('mention', old.id);
  for (const mentionedEmployeeId of ids) {
    if (mentions.some((m) => m.entityId === comment.id && m.mentionedEmployeeId === mentionedEmployeeId)) continue;
    insertEntity(input.store, 'mention', {
      entity: 'Comment', entityId: comment.id, parentEntityId: comment.entityId, parentEntityType: comment.entity, mentionedEmployeeId, employeeId: comment.employeeId,
    }, { tenantId: String(comment.tenantId), organizationId: comment.organizationId as string | null });
  }
}

/**
 * CommentService.create: the author is RequestContext.currentEmployeeId(), which is null for a caller with
 * CHANGE_SELECTED_EMPLOYEE, or else the body's employeeId; with neither the comment has no author. Checked
 * against the real Gauzy, as the service's catch-all 400 {statusCode, message} (no `error` key).
 */
function createComment(input: HandlerInput): HandlerOutput {
  const caller = requireCaller(input);
  const spec = input.store.entities.get(COMMENT);
  const body = spec?.create ? validateBody(input.store, caller, input.body, spec.create) : input.body;
  const own = caller.selfScoped ? caller.employee?.id : undefined;
  const employeeId = own ?? (typeof body.employeeId === 'string' ? body.employeeId : null);
  const employee = employeeId ? input.store.get('employee', employeeId) : undefined;
  const parent = typeof body.parentId === 'string' ? input.store.get(COMMENT, body.parentId) : undefined;
  // Any failure (an employee it cannot find, a parent that breaks the foreign key) is caught and answered as one 400.
  if ((employeeId && (!employee || employee.tenantId !== caller.tenantId)) || (body.parentId && (!parent || parent.tenantId !== caller.tenantId))) throw handlerError(400, 'Comment post failed');
  const organizationId = typeof body.organizationId === 'string' ? body.organizationId : null;
  const row = insertEntity(input.store, COMMENT, { ...bodyData(input, COMMENT, body), employeeId }, { tenantId: caller.tenantId, organizationId, createdByUserId: String(caller.user.id) });
  recordMentions(input, row, body.mentionEmployeeIds, false);
  // TenantAwareCrudService.create also sets `employee: {id}` for a caller without CHANGE_SELECTED_EMPLOYEE.
  return { body: { ...serialize(COMMENT, row, input.store, [], { virtuals: false }), tenant: { id: caller.tenantId }, ...(own ? { employee: { id: own } } : {}) } };
}

/**
 * CommentService.update: the comment is looked up by id and RequestContext.currentEmployeeId() (null, so any
 * comment, for a caller with CHANGE_SELECTED_EMPLOYEE), then saved with the given fields; the answer is what was saved, not a reload. Mentions are
 * replaced by the given list (none when it is left out).
 */
function updateComment(input: HandlerInput): HandlerOutput {
  const caller = requireCaller(input);
  const id = assertUuidParam(input.params.id);
  const spec = input.store.entities.get(COMMENT);
  const body = spec?.update ? validateBody(input.store, caller, input.body, spec.update) : input.body;
  const row = scopedRows(input.store, COMMENT, caller).find((comment) => comment.id === id && (!caller.selfScoped || comment.employeeId === caller.employee?.id));
  if (!row) throw handlerError(400, 'Comment update failed');
  const data = bodyData(input, COMMENT, body);
  Object.assign(row, data, { updatedAt: new Date().toISOString(), updatedByUserId: caller.user.id });
  recordMentions(input, row, body.mentionEmployeeIds, true);
  return { body: { ...data, id, tenantId: caller.tenantId, tenant: { id: caller.tenantId }, updatedAt: row.updatedAt } };
}

/** CommentService.delete (TenantAwareCrudService): tenant- and employee-scoped, affected 0 when none; Comment.parent is ON DELETE SET NULL. */
function deleteComment(input: HandlerInput): HandlerOutput {
  const caller = requireCaller(input);
  const id = assertUuidParam(input.params.id);
  const row = scopedRows(input.store, COMMENT, caller, { withDeleted: true }).find((comment) => comment.id === id);
  if (!row) return { body: { raw: [], affected: 0 } };
  input.store.remove(COMMENT, id);
  for (const reply of input.store.list(COMMENT).filter((comment) => comment.parentId === id)) reply.parentId = null;
  return { body: { raw: [], affected: 1 } };
}

const ACTIVITY_ORDER = ['createdAt', 'updatedAt', 'entity', 'action'];
const ENTITY_TYPES = [
  'Broadcast', 'Candidate', 'Comment', 'Contact', 'Currency', 'DailyPlan', 'Dashboard', 'DashboardWidget', 'Employee', 'Expense',
  'Invoice', 'Income', 'Language', 'Organization', 'OrganizationContact', 'OrganizationDepartment', 'OrganizationDocument',
  'OrganizationProject', 'OrganizationTeam', 'OrganizationProjectModule', 'OrganizationSprint', 'OrganizationVendor', 'ResourceLink',
  'ScreeningTask', 'OrganizationStrategicInitiative', 'Task', 'TaskLinkedIssue', 'TaskView', 'User', 'Tenant',
];

/** ActivityLogService.findActivityLogs over GetActivityLogsDTO (flat, transform: true). */
function listActivityLogs(input: HandlerInput): HandlerOutput {
  const caller = requireCaller(input);
  const query = input.query;
  validateBody(input.store, caller, query, {
    tenantOrganization: true,
    fields: {
      entity: { type: 'any', enum: ENTITY_TYPES },
      entityId: { type: 'uuid' },
      action: { type: 'any', enum: ['Created', 'Updated', 'Deleted'] },
      actorType: { type: 'any', enum: ['System', 'User'] },
      orderBy: { type: 'string', enum: ACTIVITY_ORDER },
      order: { type: 'string', enum: ['ASC', 'DESC', 'asc', 'desc'] },
    },
  });
  const isActive = query.isActive === undefined ? true : String(query.isActive) === 'true';
  const isArchived = query.isArchived === undefined ? false : String(query.isArchived) === 'true';
  const rows = scopedRows(input.store, ACTIVITY_LOG, caller).filter((log) =>
    log.organizationId === query.organizationId
    && (query.entity === undefined || log.entity === query.entity)
    && (query.entityId === undefined || log.entityId === query.entityId)
    && (query.action === undefined || log.action === query.action)
    && (query.actorType === undefined || log.actorType === query.actorType)
    && log.isActive === isActive && log.isArchived === isArchived);
  const orderBy = ACTIVITY_ORDER.includes(String(query.orderBy)) ? String(query.orderBy) : 'createdAt';
  const order = String(query.order ?? 'DESC').toUpperCase() === 'ASC' ? 'ASC' : 'DESC';
  const take = query.take === undefined || query.take === '' ? 100 : query.take;
  return paginated({ ...input, query: { ...query, take } }, ACTIVITY_LOG, applyOrder(rows, { [orderBy]: order }), true);
}

/**
 * EmployeeNotificationService.create: the receiver's notification settings (created with everything on when
 * missing) decide; a type they turned off saves nothing and answers an empty 201. The body is not validated:
 * an unknown type, a missing entity or entityId (NOT NULL) or an unknown receiver fails as one 400.
 */
function createNotification(input: HandlerInput): HandlerOutput {
  const caller = requireCaller(input);
  const body = input.body;
  const type = String(body.type ?? '');
  const receiverId = typeof body.receiverEmployeeId === 'string' ? body.receiverEmployeeId : undefined;
  const receiver = receiverId ? input.store.get('employee', receiverId) : undefined;
  const failed = () => handlerError(400, 'Error while creating notification');
  if (!(type in NOTIFICATION_FLAG) || !ENTITY_TYPES.includes(String(body.entity)) || typeof body.entityId !== 'string' || (receiverId && (!receiver || receiver.tenantId !== caller.tenantId))) throw failed();
  const organizationId = typeof body.organizationId === 'string' ? body.organizationId : null;
  const scope = { tenantId: caller.tenantId, organizationId };
  let setting = input.store.list(NOTIFICATION_SETTING).find((s) => s.employeeId === (receiverId ?? null) && s.organizationId === organizationId && s.tenantId === caller.tenantId);
  setting ??= insertEntity(input.store, NOTIFICATION_SETTING, {
    assignment: true, comment: true, invitation: true, mention: true, message: true, payment: true, preferences: { email: true, inApp: true }, employeeId: receiverId ?? null,
  }, scope);
  const flag = NOTIFICATION_FLAG[type];
  if (flag && setting[flag] === false) return { body: undefined };
  const row = insertEntity(input.store, NOTIFICATION, bodyData(input, NOTIFICATION, body), { ...scope, createdByUserId: String(caller.user.id) });
  return { body: { ...serialize(NOTIFICATION, row, input.store, [], { virtuals: false }), tenant: { id: caller.tenantId } } };
}

/** The comments routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerCommentsRoutes(registry: RouteRegistry): void {
  registry.serve('POST', '/api/comment', createComment);
  registry.serve('PUT', '/api/comment/:id', updateComment);
  registry.serve('DELETE', '/api/comment/:id', deleteComment);
  registry.serve('GET', '/api/activity-log', listActivityLogs);
  registry.serve('POST', '/api/employee-notification', createNotification);
}
