import {
  callerEmployeeId,
  LOCAL_FILTER_ROWS, crudTools, createEntity, defineTool, defined, entityOutput, entityRoute, fetchEntity, listResult, normalizePage, ok,
  pick, relationsParam, retiredTool, scopeWhere, updateEntity, uuid, withRefusalHints, withRelations, type RefusalHint, type ToolContext,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { COMMENTS_TOOLSET as toolset, commentEntity, commentFields } from '../entities.js';
import { AUTHOR, compactEmployee, withAuthor, withLineFields } from './shared.js';

/** What a comment's line is made of. */
const LINE = ['comment', 'entity', 'entityId', 'employeeId', 'employee', 'parentId', 'createdAt'];

type Item = Record<string, unknown>;
const { path, plural } = commentEntity;
const describe = commentEntity.describe!;
const relations = relationsParam(commentEntity.include);

/**
 * CommentService.create catches every failure and answers 400 "Comment post failed", whatever went wrong; on
 * the real Gauzy that is a parentId that is not a comment (the foreign key).
 */
const POST_HINTS: readonly RefusalHint[] = [
  { match: /Comment post failed/, hint: 'Gauzy refuses a reply whose parentId is not a comment of this organization (list_comments finds the thread).' },
];

const derived = crudTools(commentEntity, {
  toolset,
  tools: {
    list: {
      description: 'Comments, newest first: on one record (entity, entityId), by author, replies to one comment, or containing words. Employees see only their own.',
    },
    // Hand-written below: their answers name the author and quote the comment.
    get: false,
    create: false,
    update: false,
    // CommentService.delete: tenant-scoped, an employee's own only; Comment.parent is ON DELETE SET NULL.
    delete: { description: 'Permanently delete one comment; its replies stay, detached.' },
  },
});

/** Rows of the list, with the author joined, as the text shows them. */
async function readComments(ctx: ToolContext, where: Item, take: number, skip: number, asked?: readonly string[]) {
  const join = asked?.length ? withAuthor(asked) : [...AUTHOR];
  const page = normalizePage(await ctx.gauzy.get(path, { query: { where: scopeWhere(ctx.scope, defined(where) as never), relations: join, order: { createdAt: 'DESC' }, take, skip } }));
  return { ...page, items: asked?.length ? page.items : page.items.map((item) => compactEmployee(item)) };
}

const baseList = derived.list!;
const filterNames = Object.keys(commentEntity.filters ?? {});

/**
 * list_comments: the derived list, plus a search of the comment's words. Gauzy cannot search them (GET
 * /api/comment matches `where` exactly, and /api/comment/pagination is shadowed by /:id), so a search reads
 * the newest rows that match the other filters and keeps those containing the words, and says so.
 */
export const listComments = defineTool({
  ...baseList,
  // Gauzy has no "my comments" route (GET /api/comments/me does not exist): the author filter with the caller's employee is it.
  presets: { get_my_comments: { employeeId: callerEmployeeId } },
  input: baseList.input.extend({ search: z.string().trim().min(1).max(200).optional().describe('Words the comment contains, any case') }),
  async handler(args, ctx) {
    const { search, ...given } = args as Item & { search?: string; take: number; skip: number; fields?: string[]; relations?: string[] };
    // Asked-for relations keep the author joined, and a projection keeps what the line shows.
    const rest = { ...given, ...(given.relations?.length ? { relations: withAuthor(given.relations) } : {}), ...(given.fields?.length ? { fields: withLineFields(given.fields, LINE) } : {}) };
    if (!search) return baseList.handler(rest, ctx);
    const where = pick(rest, filterNames);
    const needle = search.toLowerCase();
    const read: Item[] = [];
    let total = 0;
    while (read.length < LOCAL_FILTER_ROWS) {
      const page = await readComments(ctx, where, 100, read.length, rest.relations);
      read.push(...page.items);
      total = page.total;
      if (page.items.length < 100 || read.length >= total) break;
    }
    const items = read.filter((item) => String(item.comment ?? '').toLowerCase().includes(needle));
    const result = listResult({ items, unpaged: true, skip: rest.skip, take: rest.take, fields: withRelations(rest.fields, rest.relations), noun: plural, describe });
    const note = `Gauzy cannot search comment text, so ${read.length} of ${total} ${plural} were read and searched here${read.length < total ? '; older ones were not read' : ''}.`;
    return { ...result, structured: { ...result.structured, note }, text: `${result.text}\n${note}` };
  },
});

/** One comment with its author's name (joined unless the caller chose relations). */
async function readComment(ctx: ToolContext, id: string, asked?: readonly string[]): Promise<Item> {
  const item = await fetchEntity(commentEntity, ctx, id, asked?.length ? withAuthor(asked) : AUTHOR);
  return asked?.length ? item : compactEmployee(item);
}

export const getComment = defineTool({
  name: 'get_comment_by_id',
  title: 'Get a comment',
  description: 'One comment with its author, optionally its parent or replies.',
  toolset,
  aliases: ['get_comment'],
  effect: 'read',
  input: z.object({ id: uuid(), relations }),
  output: entityOutput,
  routes: [entityRoute(commentEntity, 'findById')],
  async handler({ id, relations: asked }, ctx) {
    const item = await readComment(ctx, id, asked);
    return ok(item, `Comment: ${describe(item)}`);
  },
});

export const createComment = defineTool({
  name: 'create_comment',
  title: 'Comment on a record',
  description: 'Comment as yourself on a task, project or other record; parentId makes it a reply.',
  toolset,
  aliases: ['reply_to_comment'],
  presets: { add_comment_to_task: { entity: 'Task' }, add_comment_to_project: { entity: 'OrganizationProject' } },
  effect: 'write',
  input: z.object(commentFields),
  output: entityOutput,
  routes: [entityRoute(commentEntity, 'create'), entityRoute(commentEntity, 'findById')],
  async handler(args, ctx) {
    // CommentService.create takes the author from the request only for a caller without CHANGE_SELECTED_EMPLOYEE
    // (RequestContext.currentEmployeeId is null for admins): without employeeId an admin's comment has no author.
    const body = { ...args, ...(ctx.scope.employeeId ? { employeeId: ctx.scope.employeeId } : {}) };
    const created = await withRefusalHints(() => createEntity(commentEntity, {}, body, ctx), POST_HINTS);
    // Gauzy answers the saved row without its author; read it back to name them.
    const item = await readComment(ctx, String(created.id)).catch(() => created);
    return ok(item, `Posted comment: ${describe(item)}`);
  },
});

const updateFields = {
  comment: commentFields.comment,
  resolved: z.boolean(),
  mentionEmployeeIds: z.array(uuid()).max(50).describe('Employees mentioned (replaces the mentions)'),
};

const updateSpec = { name: 'update_comment', fields: updateFields, bodyFields: [] as const };

export const updateComment = defineTool({
  name: 'update_comment',
  title: 'Edit a comment',
  description: 'Edit a comment (an employee only their own), resolve or reopen it, or change whom it mentions.',
  toolset,
  effect: 'write',
  idempotent: true,
  input: z.object({ id: uuid(), comment: updateFields.comment.optional(), resolved: updateFields.resolved.optional(), mentionEmployeeIds: updateFields.mentionEmployeeIds.optional() }),
  output: entityOutput,
  routes: [entityRoute(commentEntity, 'findById'), entityRoute(commentEntity, 'update')],
  async handler({ id, ...changes }, ctx) {
    // UpdateCommentDTO is a PartialType: only the changes go, no merge. Resolving stamps when and by whom; reopening clears both.
    const resolvedBy = changes.resolved === undefined ? {} : changes.resolved
      ? { resolvedAt: new Date().toISOString(), resolvedByEmployeeId: ctx.scope.employeeId ?? null }
      : { resolvedAt: null, resolvedByEmployeeId: null };
    // CommentService.update finds an employee's comment only if they wrote it (an admin's, any): the read before the
    // write already answers 404 for a comment the employee did not write, since they cannot see it.
    await updateEntity(commentEntity, updateSpec, id, { ...changes, ...resolvedBy }, ctx);
    const item = await readComment(ctx, id);
    return ok(item, `Updated comment: ${describe(item)}`);
  },
});

export const deleteComment = derived.delete!;

export const retiredCommentTools = [
  // Gauzy's comments have no Goal type (BaseEntityEnum), so the reference's goal variant cannot be done.
  retiredTool({
    name: 'add_comment_to_goal',
    title: 'Comment on a goal',
    toolset,
    reason:
      'Gauzy\'s comments attach to the record types of its BaseEntityEnum (Task, OrganizationProject, OrganizationSprint, ...), which has no Goal: POST /api/comment refuses entity "Goal". Comment on the goal\'s project or task with create_comment instead.',
  }),
];
