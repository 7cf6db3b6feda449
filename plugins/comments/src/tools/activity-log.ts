import {
  callerUserId,
  LOCAL_FILTER_ROWS, defineTool, entityFieldsParam, entityRoute, isoDate, listOutput, listResult, normalizePage, pagination, readRowWindow,
  retiredTool, uuid, type ToolContext,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { ACTIVITY_LOG_TOOLSET as toolset, ActivityAction, ActorType, LoggedEntity, activityLogEntity } from '../entities.js';
import { compactEmployee, withLineFields } from './shared.js';

type Item = Record<string, unknown>;
const { path, plural } = activityLogEntity;
const route = entityRoute(activityLogEntity, 'findAll');

/** A log's `data` is the whole record as saved (a task with its description), its entities likewise: left out unless asked for. */
const HEAVY = ['data', 'previousEntities', 'updatedEntities'];

export interface ActivityQuery {
  entity?: string;
  entityId?: string;
  action?: string;
  actorType?: string;
  userId?: string;
  createdAtFrom?: string;
  createdAtTo?: string;
  take: number;
  skip: number;
  fields?: string[];
}

const endOf = (to: string) => Date.parse(to) + (/^\d{4}-\d{2}-\d{2}$/.test(to) ? 86_400_000 - 1 : 0);

/**
 * Who acted is the entry's `createdByUser`: Gauzy stamps `employeeId` only for callers without
 * CHANGE_SELECTED_EMPLOYEE (RequestContext.currentEmployeeId is null for admins), so an admin's entries have none.
 */
const ACTOR = ['createdByUser'];

/**
 * Reads GET /api/activity-log as ActivityLogService.findActivityLogs takes it: flat filters (entity, entityId,
 * action, actorType), `take`, `skip` as a 1-based page, newest first. It cannot filter by user or date, so
 * those are applied here over the newest rows, a page of 100 at a time, stopping at rows older than the range.
 */
export async function readActivity(ctx: ToolContext, args: ActivityQuery, noun: string = plural) {
  const fetchPage = async (take: number, page: number) =>
    normalizePage(await ctx.gauzy.get(path, {
      query: {
        organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId, entity: args.entity, entityId: args.entityId, action: args.action,
        actorType: args.actorType, relations: ACTOR, orderBy: 'createdAt', order: 'DESC', take, skip: page,
      },
    }));
  const shape = (item: Item): Item => {
    const out: Item = { ...item };
    for (const key of HEAVY) if (!args.fields?.includes(key)) delete out[key];
    return compactEmployee(out, 'createdByUser');
  };
  const fields = withLineFields(args.fields, ['createdAt', 'actorType', 'createdByUser', 'action', 'entity', 'entityId', 'description', 'updatedFields', 'previousValues', 'updatedValues']);
  const describe = activityLogEntity.describe;
  const from = args.createdAtFrom ? Date.parse(args.createdAtFrom) : -Infinity;
  const to = args.createdAtTo ? endOf(args.createdAtTo) : Infinity;
  if (!args.userId && !args.createdAtFrom && !args.createdAtTo) {
    const page = await readRowWindow(fetchPage, args.skip, args.take);
    return listResult({ items: page.items.map(shape), total: page.total, skip: args.skip, take: args.take, fields, noun, describe });
  }
  const read: Item[] = [];
  let total = 0;
  for (let page = 1; read.length < LOCAL_FILTER_ROWS; page++) {
    const rows = await fetchPage(100, page);
    read.push(...rows.items);
    total = rows.total;
    const oldest = Date.parse(String(rows.items.at(-1)?.createdAt ?? ''));
    if (rows.items.length < 100 || read.length >= total || oldest < from) break;
  }
  const keep = (item: Item) => {
    const at = Date.parse(String(item.createdAt ?? ''));
    return (!args.userId || item.createdByUserId === args.userId) && at >= from && at <= to;
  };
  const result = listResult({ items: read.filter(keep).map(shape), unpaged: true, skip: args.skip, take: args.take, fields, noun, describe });
  const complete = read.length >= total || Date.parse(String(read.at(-1)?.createdAt ?? '')) < from;
  const note = `Gauzy's activity log cannot filter by user or date, so the newest ${read.length} of ${total} entries were read and filtered here${complete ? '' : '; older ones were not read'}.`;
  return { ...result, structured: { ...result.structured, note }, text: `${result.text}\n${note}` };
}

const range = {
  createdAtFrom: isoDate().optional(),
  createdAtTo: isoDate().optional(),
};

export const listActivityLogs = defineTool({
  name: 'list_activity_logs',
  title: 'Read the activity log',
  description: 'Who created, updated or deleted which record and what changed, newest first; by record, action, user or date. Employees see only their own actions.',
  toolset,
  aliases: [
    'get_activity_logs', 'get_activity_logs_by_entity', 'get_activity_timeline', 'get_recent_activity_logs', 'get_activity_log_count',
    'get_activity_logs_by_user',
  ],
  // Gauzy has no "my activity" route (GET /api/activity-logs/me does not exist): the actor filter with the caller's user is it.
  presets: { get_my_activity_logs: { userId: callerUserId } },
  effect: 'read',
  input: z.object({
    entity: LoggedEntity.optional(),
    entityId: uuid().optional(),
    action: ActivityAction.optional(),
    actorType: ActorType.optional(),
    userId: uuid().optional().describe('Who acted (user id)'),
    ...range,
    ...pagination,
    fields: entityFieldsParam(activityLogEntity),
  }),
  output: listOutput,
  routes: [route],
  async handler(args, ctx) {
    return readActivity(ctx, args);
  },
});

/** Reference names Gauzy cannot serve, each with the reason and the tool to use instead. */
export const retiredActivityLogTools = [
  retiredTool({
    name: 'get_activity_log',
    title: 'Get an activity log entry',
    toolset,
    reason: 'Gauzy serves no route for one activity-log entry (only GET /api/activity-log, the list). Use list_activity_logs with entity and entityId to read the entries of one record.',
  }),
  retiredTool({
    name: 'create_activity_log',
    title: 'Create an activity log entry',
    toolset,
    reason: 'Gauzy writes its activity log itself when tasks, projects and other records change; its API has no route to add an entry. To leave a note on a record, post a comment with create_comment.',
  }),
  retiredTool({
    name: 'delete_activity_logs',
    title: 'Delete activity log entries',
    toolset,
    reason: 'Gauzy\'s API cannot delete activity-log entries (it serves only GET /api/activity-log): the log is an audit trail. list_activity_logs reads it.',
  }),
  retiredTool({
    name: 'search_activity_logs',
    title: 'Search the activity log',
    toolset,
    reason: 'Gauzy cannot search the activity log by text. Use list_activity_logs, which filters by record type and id, action, actor type, user and date.',
  }),
  retiredTool({
    name: 'get_activity_log_statistics',
    title: 'Activity log statistics',
    toolset,
    reason: 'Gauzy has no activity statistics route. Use list_activity_logs with a date range (createdAtFrom, createdAtTo) and an entity or action filter; its total counts the matching entries.',
  }),
];
