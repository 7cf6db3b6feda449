import { defineEntity, formatValue, isoDate, refLabel, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const COMMENTS_TOOLSET = 'comments';
export const ACTIVITY_LOG_TOOLSET = 'activity-log';
export const NOTIFICATIONS_TOOLSET = 'notifications';

/** Gauzy's BaseEntityEnum (contracts base-entity.model.ts), exactly: the record types its DTOs accept. */
export const BASE_ENTITY_TYPES = [
  'Broadcast', 'Candidate', 'Comment', 'Contact', 'Currency', 'DailyPlan', 'Dashboard', 'DashboardWidget', 'Employee', 'Expense',
  'Invoice', 'Income', 'Language', 'Organization', 'OrganizationContact', 'OrganizationDepartment', 'OrganizationDocument',
  'OrganizationProject', 'OrganizationTeam', 'OrganizationProjectModule', 'OrganizationSprint', 'OrganizationVendor', 'ResourceLink',
  'ScreeningTask', 'OrganizationStrategicInitiative', 'Task', 'TaskLinkedIssue', 'TaskView', 'User', 'Tenant',
] as const;
/**
 * The records people discuss, of those Gauzy's comments accept: a comment on a currency or a tenant means
 * nothing, a reply to a comment is a comment with parentId. Every value is Gauzy's exactly; the list is
 * kept short because each tool that takes it repeats it in every conversation.
 */
export const CommentedEntity = z.enum([
  'Task', 'OrganizationProject', 'OrganizationProjectModule', 'OrganizationSprint', 'OrganizationTeam', 'OrganizationStrategicInitiative',
  'ScreeningTask', 'DailyPlan', 'Employee', 'Candidate', 'OrganizationContact', 'Invoice', 'Expense', 'Income', 'OrganizationDocument',
]);
/** The record types Gauzy writes activity-log entries for (the services that call ActivityLogService.logActivity). */
export const LoggedEntity = z.enum([
  'Task', 'OrganizationProject', 'OrganizationProjectModule', 'OrganizationSprint', 'OrganizationStrategicInitiative', 'ScreeningTask',
  'TaskView', 'TaskLinkedIssue', 'ResourceLink', 'Broadcast', 'Dashboard', 'DashboardWidget',
]);
/** ActionTypeEnum and ActorTypeEnum (activity-log.model.ts, base-entity.model.ts). */
export const ActivityAction = z.enum(['Created', 'Updated', 'Deleted']);
export const ActorType = z.enum(['System', 'User']);
/** EmployeeNotificationTypeEnum (employee-notification.model.ts). */
export const NotificationType = z.enum(['Payment', 'Assignment', 'Invitation', 'Mention', 'Comment', 'Message', 'Broadcast']);

type Item = Record<string, unknown>;

/** A person or "employee <id>" when the relation was not joined. */
const who = (person: unknown, id: unknown) => refLabel(person) ?? (typeof id === 'string' && id ? `employee ${id}` : undefined);

const COMMENT_EXCERPT = 120;

/** What a person asks about a comment: who wrote it, when, on what, and how it starts. */
function describeComment(comment: Item): string {
  const text = String(comment.comment ?? '').replace(/\s+/g, ' ').trim();
  const excerpt = text.length > COMMENT_EXCERPT ? `${text.slice(0, COMMENT_EXCERPT)}…` : text;
  const facts = [
    comment.parentId ? `reply to ${String(comment.parentId)}` : '',
    comment.resolved ? 'resolved' : '',
    Array.isArray(comment.replies) ? `${comment.replies.length} repl${comment.replies.length === 1 ? 'y' : 'ies'}` : '',
  ].filter(Boolean);
  const author = who(comment.employee, comment.employeeId) ?? 'unknown author';
  return `${author}, ${formatValue(comment.createdAt)}, on ${String(comment.entity ?? '?')} ${String(comment.entityId ?? '?')}: "${excerpt}" (id ${String(comment.id)})${facts.length ? ` · ${facts.join(' · ')}` : ''}`;
}

/** Fields a caller sets on a comment (CreateCommentDTO; members and teams carry no validator and are stripped by its whitelist). */
export const commentFields = {
  entity: CommentedEntity.describe('Type of the record commented on'),
  entityId: uuid(),
  comment: z.string().trim().min(1).max(10000),
  parentId: uuid().optional().describe('Comment this replies to'),
  mentionEmployeeIds: z.array(uuid()).max(50).optional().describe('Employees to mention'),
};

export const commentEntity = defineEntity({
  name: 'comment',
  gauzyClass: 'Comment',
  noun: 'comment',
  plural: 'comments',
  path: '/api/comment',
  // GET /api/comment/count and /pagination are shadowed by GET /:id (406); soft delete is not offered.
  operations: ['findAll', 'findById', 'create', 'update', 'delete'],
  scope: 'organization',
  // CommentService (TenantAwareCrudService): a caller without CHANGE_SELECTED_EMPLOYEE sees, changes and deletes only their own.
  employeeScoped: true,
  fields: commentFields,
  inputOnly: ['mentionEmployeeIds'],
  columns: ['employeeId', 'resolved', 'editedAt'],
  filters: {
    entity: CommentedEntity.optional(),
    entityId: uuid().optional(),
    employeeId: uuid().optional().describe('Author'),
    parentId: uuid().optional().describe('Only replies to this comment'),
  },
  relations: {
    employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' },
    parent: { kind: 'manyToOne', entity: 'comment', key: 'parentId' },
    replies: { kind: 'oneToMany', entity: 'comment', key: 'parentId' },
  },
  include: ['employee', 'employee.user', 'parent', 'replies'],
  aliases: { list: ['get_comments', 'get_comments_by_entity', 'get_comment_replies', 'get_comment_count', 'get_recent_comments', 'search_comments'] },
  describe: describeComment,
  summaryRelations: ['employee', 'employee.user'],
});

/** `updatedValues` entries are `{ field: value }`; a short value is shown, a long one only named. */
function changeOf(field: string, log: Item): string {
  const valueOf = (list: unknown) => (Array.isArray(list) ? (list as Item[]).find((entry) => entry && typeof entry === 'object' && field in entry)?.[field] : undefined);
  const after = valueOf(log.updatedValues);
  const shown = (value: unknown) => (value === undefined ? undefined : typeof value === 'object' && value !== null ? undefined : formatValue(value));
  const [from, to] = [shown(valueOf(log.previousValues)), shown(after)];
  return to !== undefined && to.length <= 40 && (from === undefined || from.length <= 40) ? `${field} ${from ?? '-'} → ${to}` : field;
}

/** When, who, what they did to which record, and what changed. */
function describeActivityLog(log: Item): string {
  // Gauzy stamps employeeId only for callers without CHANGE_SELECTED_EMPLOYEE; the user who acted is always there.
  const user = refLabel(log.createdByUser) ?? (typeof log.createdByUserId === 'string' ? `user ${log.createdByUserId}` : undefined);
  const actor = log.actorType === 'System' ? 'System' : (user ?? who(log.employee, log.employeeId) ?? 'a user');
  const fields = Array.isArray(log.updatedFields) ? (log.updatedFields as unknown[]).map(String) : [];
  const changed = fields.length ? ` · changed ${fields.slice(0, 5).map((field) => changeOf(field, log)).join(', ')}${fields.length > 5 ? ` and ${fields.length - 5} more` : ''}` : '';
  const what = typeof log.description === 'string' && log.description ? log.description : `${String(log.action ?? '?')} ${String(log.entity ?? '?')}`;
  return `${formatValue(log.createdAt)} · ${actor} · ${what} · ${String(log.entity ?? '?')} ${String(log.entityId ?? '?')}${changed} (id ${String(log.id)})`;
}

/**
 * Gauzy's activity log: written by Gauzy itself when tasks, projects, sprints, modules and the like change
 * (ActivityLogService.logActivity), read through one route, GET /api/activity-log (GetActivityLogsDTO: flat
 * parameters, skip a 1-based page, newest first). Read-only: no fields a caller sets.
 */
export const activityLogEntity = defineEntity({
  name: 'activityLog',
  gauzyClass: 'ActivityLog',
  noun: 'activity log',
  plural: 'activity logs',
  path: '/api/activity-log',
  operations: ['findAll'],
  list: { query: 'flat', paging: 'page' },
  scope: 'organization',
  // ActivityLogService is a TenantAwareCrudService over a table with employeeId (the actor): an employee sees their own.
  employeeScoped: true,
  fields: {
    entity: LoggedEntity,
    entityId: uuid(),
    action: ActivityAction,
    actorType: ActorType,
    createdAt: isoDate(),
  },
  columns: ['description', 'updatedFields', 'updatedValues', 'createdByUserId', 'employeeId', 'data'],
  relations: {
    employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' },
    createdByUser: { kind: 'manyToOne', entity: 'user', key: 'createdByUserId' },
  },
  include: ['createdByUser', 'employee'],
  describe: describeActivityLog,
  summaryRelations: ['createdByUser'],
});

/** An employee's notification (EmployeeNotification): created through POST /api/employee-notification only. */
export const employeeNotificationEntity = defineEntity({
  name: 'employeeNotification',
  gauzyClass: 'EmployeeNotification',
  noun: 'notification',
  plural: 'notifications',
  path: '/api/employee-notification',
  operations: ['findAll', 'create'],
  scope: 'organization',
  fields: {
    title: z.string().min(1).max(255),
    message: z.string().max(5000).optional(),
    type: NotificationType,
    entity: z.enum(BASE_ENTITY_TYPES),
    entityId: uuid(),
    receiverEmployeeId: uuid(),
    sentByEmployeeId: uuid().optional(),
  },
  columns: ['isRead', 'readAt'],
  relations: {
    receiverEmployee: { kind: 'manyToOne', entity: 'employee', key: 'receiverEmployeeId' },
    sentByEmployee: { kind: 'manyToOne', entity: 'employee', key: 'sentByEmployeeId' },
  },
  include: ['receiverEmployee', 'receiverEmployee.user', 'sentByEmployee'],
});
