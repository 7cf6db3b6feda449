import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { defineEntity } from '@gauzy-mcp/core';
import { assertTextAgrees, packCatalog, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import commentsPlugin from '../src/index.js';
import { commentsSandbox } from '../src/sandbox.js';

type Item = Record<string, unknown>;
const pick = (row: Item, keys: string[]) => Object.fromEntries(keys.map((key) => [key, row[key]]));

/**
 * Comments and activity-log entries point at tasks by name (entity "Task"). A pack may not import another (the
 * tasks pack owns the task entity), so the test describes the task table these tests comment on, and only that.
 */
const tasksCommentedOn = defineEntity({
  name: 'task',
  gauzyClass: 'Task',
  noun: 'task',
  plural: 'tasks',
  path: '/api/tasks',
  operations: ['findAll'],
  scope: 'organization',
  fields: {},
});

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';

usePackHarness({ plugin: commentsPlugin, sandboxEntities: [...commentsSandbox, tasksCommentedOn] }, (opened) => ({ sandbox, admin, employee } = opened));

const ids = () => ({ me: sandbox.seed.users.employee.employeeId, boss: sandbox.seed.users.superAdmin.employeeId, colleague: sandbox.seed.demoEmployees[0]! });
const demoTask = () => sandbox.db.list('task').find((task) => task.organizationId === sandbox.seed.organizationId && !task.deletedAt)!;
const comments = (where: (row: Item) => boolean = () => true) => sandbox.db.list('comment').filter(where);
const items = (structured: Item | undefined) => (structured?.items ?? []) as Item[];

async function post(client: TestClient, args: Item) {
  const result = await client.call('create_comment', args);
  assert.equal(result.isError, false, result.text);
  return result.structured!;
}

test('every reference tool of the comments and activity-logs categories is callable: listed, an alias, or retired with a reason naming the tool to use', () => {
  const rows = readFileSync(new URL('../../../testkit/data/gauzy-mcp-tools.tsv', import.meta.url), 'utf8').split('\n').map((line) => line.split('\t'));
  const names = (category: string) => rows.filter((cells) => cells[0] === category).map((cells) => cells[1]!);
  assert.equal(names('comments').length, 15);
  assert.equal(names('activity-logs').length, 12);
  const catalog = packCatalog([commentsPlugin]);
  assert.deepEqual([...names('comments'), ...names('activity-logs')].filter((name) => !catalog.callable(name)), []);
  assert.equal(catalog.callable('send_notifications'), 'listed');
  assert.deepEqual(catalog.retired.map((tool) => tool.name).sort(), [
    'add_comment_to_goal', 'create_activity_log', 'delete_activity_logs', 'get_activity_log', 'get_activity_log_statistics', 'search_activity_logs',
  ]);
  assert.equal(catalog.callable('get_my_comments'), 'preset');
  assert.equal(catalog.callable('get_my_activity_logs'), 'preset');
  for (const tool of catalog.retired) assert.match(tool.reason, /(list_comments|create_comment|list_activity_logs)/, tool.name);
  const listed = catalog.listed.map((tool) => tool.name).sort();
  assert.deepEqual(listed, ['create_comment', 'delete_comment', 'get_comment_by_id', 'list_activity_logs', 'list_comments', 'send_notifications', 'update_comment']);
  assert.ok(catalog.bytes <= 8000, `the pack's listed tools take ${catalog.bytes} bytes of tools/list, more than its 8,000`);
});

test('a retired name answers GMCP_ERR_TOOL_RETIRED and sends Gauzy nothing', async () => {
  sandbox.clearRequests();
  for (const [name, instead] of [['search_activity_logs', 'list_activity_logs'], ['create_activity_log', 'create_comment'], ['add_comment_to_goal', 'create_comment']] as const) {
    const result = await admin.call(name, { goalId: MISSING, comment: 'x' });
    assert.equal(result.error?.code, 'GMCP_ERR_TOOL_RETIRED', result.text);
    assert.match(result.text, new RegExp(instead));
  }
  assert.equal(sandbox.requests.length, 0);
});

test('list_comments reads a record\'s thread newest first, each comment by its author\'s name, date, record and text', async () => {
  const task = demoTask();
  const thread = await admin.call('get_comments_by_entity', { entity: 'Task', entityId: task.id });
  assert.equal(thread.isError, false, thread.text);
  const stored = comments((row) => row.entity === 'Task' && row.entityId === task.id);
  assert.equal(thread.structured!.total, stored.length);
  const [reply, question] = items(thread.structured);
  assert.equal(reply!.parentId, question!.id, 'the reply is newer, so first');
  assert.deepEqual(reply!.employee, { id: ids().boss, name: 'Super Admin' });
  const date = String(question!.createdAt).slice(0, 16).replace('T', ' ');
  assert.ok(thread.text.includes(`- Default Employee (id ${ids().me}), ${date} UTC, on Task ${task.id}: "${String(question!.comment)}" (id ${String(question!.id)})`), thread.text);
  assert.ok(thread.text.includes(`· reply to ${String(question!.id)}`));
  assertTextAgrees(thread.text, thread.structured!);

  const replies = await admin.call('get_comment_replies', { parentId: String(question!.id) });
  assert.deepEqual(items(replies.structured).map((item) => item.id), [reply!.id]);
  const byColleague = await admin.call('list_comments', { employeeId: ids().colleague.employeeId });
  assert.ok(items(byColleague.structured).every((item) => item.employeeId === ids().colleague.employeeId) && byColleague.structured!.total === 1);
  // The long comment is cut at 120 characters in the text; the structured content keeps it whole.
  const long = items(byColleague.structured)[0]!;
  assert.ok(String(long.comment).length > 120);
  assert.ok(byColleague.text.includes(`"${String(long.comment).slice(0, 120)}…"`), byColleague.text);
  assert.ok(byColleague.text.includes(ids().colleague.name));

  const bad = await admin.call('list_comments', { entity: 'task', take: 0 });
  assert.deepEqual([...bad.error!.fields!].sort(), ['entity', 'take']);
});

test('list_comments finds comments by the words they contain, read and searched here, and says so; search_comments is an alias', async () => {
  const found = await admin.call('search_comments', { search: 'WIKI' });
  assert.equal(found.isError, false, found.text);
  const wanted = comments((row) => row.organizationId === sandbox.seed.organizationId && /wiki/i.test(String(row.comment)));
  assert.deepEqual(items(found.structured).map((item) => item.id).sort(), wanted.map((row) => row.id).sort());
  assert.match(String(found.structured!.note), /Gauzy cannot search comment text, so \d+ of \d+ comments were read and searched here/);
  assert.ok(found.text.endsWith(String(found.structured!.note)));
  // The reference's argument name is refused, naming the one this tool takes.
  const old = await admin.call('search_comments', { query: 'wiki' });
  assert.equal(old.error?.code, 'GMCP_ERR_INVALID_ARGUMENTS');
  assert.deepEqual(old.error!.fields, ['query']);
  assert.match(old.text, /this tool takes .*search/);
});

test('create_comment posts as the caller\'s employee in the organization, replies with parentId, and records mentions', async () => {
  const task = demoTask();
  const before = comments().length;
  const created = await post(admin, { entity: 'Task', entityId: task.id, comment: 'Looks good to me', mentionEmployeeIds: [ids().me] });
  assert.equal(comments().length, before + 1);
  const row = sandbox.db.get('comment', String(created.id))!;
  assert.deepEqual([row.employeeId, row.organizationId, row.tenantId, row.entity, row.entityId, row.comment], [ids().boss, sandbox.seed.organizationId, sandbox.seed.tenantId, 'Task', task.id, 'Looks good to me']);
  assert.deepEqual(created.employee, { id: ids().boss, name: 'Super Admin' });
  const result = await admin.call('get_comment_by_id', { id: String(created.id) });
  assert.match(result.text, new RegExp(`^Comment: Super Admin \\(id ${ids().boss}\\), .* UTC, on Task ${task.id}: "Looks good to me" \\(id ${String(created.id)}\\)$`));
  assertTextAgrees(result.text, result.structured!);
  assert.ok(sandbox.db.list('mention').some((mention) => mention.entityId === created.id && mention.mentionedEmployeeId === ids().me && mention.parentEntityId === task.id));

  const reply = await post(employee, { entity: 'Task', entityId: task.id, comment: 'Thanks', parentId: String(created.id) });
  assert.equal(sandbox.db.get('comment', String(reply.id))!.parentId, created.id);
  assert.equal(sandbox.db.get('comment', String(reply.id))!.employeeId, ids().me);
  const withReplies = await admin.call('get_comment', { id: String(created.id), relations: ['replies'] });
  assert.deepEqual((withReplies.structured!.replies as Item[]).map((item) => item.id), [reply.id]);
  assert.match(withReplies.text, /1 reply/);
  // Asking for other relations keeps the author named (the real Gauzy's employee has no fullName without its user).
  assert.match(withReplies.text, /^Comment: Super Admin \(id /);
  const projected = await admin.call('list_comments', { entity: 'Task', entityId: task.id, fields: ['comment'], relations: ['parent'] });
  assert.ok(projected.text.includes(`- Super Admin (id ${ids().boss}), `), projected.text);
  assert.ok(!/\? \?/.test(projected.text), 'a projection does not blank the line');
});

test('the reference\'s add_comment_to_task and add_comment_to_project are create_comment with the entity fixed; their old id arguments are refused naming the ones it takes', async () => {
  const task = demoTask();
  const old = await admin.call('add_comment_to_task', { taskId: task.id, comment: 'Old style' });
  assert.equal(old.error?.code, 'GMCP_ERR_INVALID_ARGUMENTS');
  assert.deepEqual([...old.error!.fields!].sort(), ['entityId', 'taskId']);
  assert.match(old.text, /taskId: unknown argument; this tool takes entity, entityId, comment, parentId, mentionEmployeeIds/);
  const onTask = await admin.call('add_comment_to_task', { entityId: task.id, comment: 'On the task' });
  assert.equal(onTask.isError, false, onTask.text);
  assert.deepEqual(pick(sandbox.db.get('comment', String(onTask.structured!.id))!, ['entity', 'entityId']), { entity: 'Task', entityId: task.id });
  const project = sandbox.seed.projects[1]!;
  const created = await admin.call('add_comment_to_project', { entityId: project.id, comment: 'New style' });
  assert.equal(created.isError, false, created.text);
  assert.deepEqual(pick(sandbox.db.get('comment', String(created.structured!.id))!, ['entity', 'entityId']), { entity: 'OrganizationProject', entityId: project.id });
  assert.match((await admin.call('add_comment_to_project', { entity: 'Task', entityId: project.id, comment: 'x' })).text, /entity: add_comment_to_project fixes it to "OrganizationProject"; call create_comment/);
  // Gauzy's comments have no Goal type: refused before Gauzy, naming the field.
  sandbox.clearRequests();
  const goal = await admin.call('create_comment', { entity: 'Goal', entityId: MISSING, comment: 'x' });
  assert.deepEqual(goal.error!.fields, ['entity']);
  assert.equal(sandbox.requests.length, 0);
});

test('create_comment: Gauzy\'s one 400 "Comment post failed" (a reply to a comment that does not exist) comes back with what to do', async () => {
  const failed = await admin.call('create_comment', { entity: 'Task', entityId: demoTask().id, comment: 'orphan', parentId: MISSING });
  assert.equal(failed.isError, true);
  assert.equal(failed.error!.status, 400);
  assert.deepEqual(failed.error!.gauzyMessages, ['Comment post failed']);
  assert.match(String(failed.error!.hint), /parentId is not a comment of this organization/);
});

test('update_comment changes an employee\'s own comment and resolves it; an employee cannot reach another\'s, an admin edits any', async () => {
  const mine = await post(employee, { entity: 'Task', entityId: demoTask().id, comment: 'First draft' });
  const edited = await employee.call('update_comment', { id: String(mine.id), comment: 'Second draft', resolved: true });
  assert.equal(edited.isError, false, edited.text);
  const row = sandbox.db.get('comment', String(mine.id))!;
  assert.deepEqual([row.comment, row.resolved, row.resolvedByEmployeeId, row.entity], ['Second draft', true, ids().me, 'Task']);
  assert.ok(Date.now() - Date.parse(String(row.resolvedAt)) < 60_000, 'resolvedAt stamped');
  assert.match(edited.text, /^Updated comment: Default Employee .*"Second draft".* · resolved$/);
  const reopened = await employee.call('update_comment', { id: String(mine.id), resolved: false });
  assert.equal(reopened.isError, false, reopened.text);
  assert.deepEqual([row.resolved, row.resolvedAt, row.resolvedByEmployeeId], [false, null, null]);

  // The employee cannot even see the admin's comment (CommentService.update would not find it either).
  const boss = comments((item) => item.employeeId === ids().boss)[0]!;
  const hidden = await employee.call('update_comment', { id: boss.id, comment: 'x' });
  assert.equal(hidden.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', hidden.text);
  assert.notEqual(boss.comment, 'x');
  // An admin (CHANGE_SELECTED_EMPLOYEE: no current employee in Gauzy's context) edits anyone's, as on the real Gauzy.
  const theirs = await admin.call('update_comment', { id: String(mine.id), comment: 'Edited by the admin' });
  assert.equal(theirs.isError, false, theirs.text);
  assert.deepEqual([row.comment, row.employeeId], ['Edited by the admin', ids().me]);

  const nothing = await employee.call('update_comment', { id: String(mine.id) });
  assert.equal(nothing.error?.code, 'GMCP_ERR_INVALID_ARGUMENTS');
  const bad = await employee.call('update_comment', { id: String(mine.id), entity: 'Task' });
  assert.deepEqual(bad.error!.fields, ['entity']);
});

test('delete_comment removes it and detaches its replies; an employee cannot delete another\'s comment', async () => {
  const parent = await post(admin, { entity: 'Task', entityId: demoTask().id, comment: 'Delete me' });
  const child = await post(employee, { entity: 'Task', entityId: demoTask().id, comment: 'A reply that stays', parentId: String(parent.id) });
  const refused = await employee.call('delete_comment', { id: String(parent.id) });
  assert.equal(refused.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', refused.text);
  assert.ok(sandbox.db.get('comment', String(parent.id)), 'still there');
  const deleted = await admin.call('delete_comment', { id: String(parent.id) });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(sandbox.db.get('comment', String(parent.id)), undefined);
  assert.equal(sandbox.db.get('comment', String(child.id))!.parentId, null);
});

test('role matrix: an employee reads only the comments and activity they wrote or did, and may comment and notify; an admin reads everyone\'s', async () => {
  const theirs = await employee.call('list_comments', { take: 100 });
  assert.ok(items(theirs.structured).length > 0);
  assert.ok(items(theirs.structured).every((item) => item.employeeId === ids().me), theirs.text);
  const all = await admin.call('list_comments', { take: 100 });
  assert.ok(items(all.structured).some((item) => item.employeeId !== ids().me));
  const logs = await employee.call('list_activity_logs', {});
  assert.ok(items(logs.structured).length > 0 && items(logs.structured).every((item) => item.employeeId === ids().me), logs.text);
  const everyone = await admin.call('list_activity_logs', {});
  assert.ok(new Set(items(everyone.structured).map((item) => item.createdByUserId)).size > 2);
  // get_my_comments and get_my_activity_logs (Gauzy has no "my" routes) are the lists filtered to the caller: an admin's own only.
  const adminsOwn = await admin.call('get_my_comments', { take: 100 });
  assert.equal(adminsOwn.isError, false, adminsOwn.text);
  assert.ok(items(adminsOwn.structured).length > 0 && items(adminsOwn.structured).every((item) => item.employeeId === ids().boss), adminsOwn.text);
  assert.equal((sandbox.requests.at(-1)!.query.where as Item).employeeId, ids().boss);
  const adminsActs = await admin.call('get_my_activity_logs', {});
  assert.ok(items(adminsActs.structured).length > 0 && items(adminsActs.structured).every((item) => item.createdByUserId === sandbox.seed.users.superAdmin.id), adminsActs.text);
  const notified = await employee.call('send_notifications', { employeeIds: [ids().boss], title: 'Blocked on review' });
  assert.equal(notified.structured!.succeeded, 1, notified.text);
});

test('list_activity_logs: who did what to which record and what changed, newest first, by record and action; data left out unless asked for', async () => {
  const task = demoTask();
  const timeline = await admin.call('get_activity_timeline', { entity: 'Task', entityId: task.id });
  assert.equal(timeline.isError, false, timeline.text);
  const stored = sandbox.db.list('activityLog').filter((log) => log.entityId === task.id);
  assert.equal(timeline.structured!.total, stored.length);
  const logs = items(timeline.structured);
  assert.deepEqual(logs.map((log) => log.createdAt), [...logs.map((log) => String(log.createdAt))].sort().reverse(), 'newest first');
  assert.ok(logs.every((log) => !('data' in log)), 'the saved record is left out');
  const change = logs.find((log) => log.employeeId === ids().me)!;
  assert.deepEqual(change.createdByUser, { id: sandbox.seed.users.employee.id, name: 'Default Employee' });
  assert.ok(timeline.text.includes(`UTC · Default Employee (id ${sandbox.seed.users.employee.id}) · Updated Task "${String(task.title)}" · Task ${task.id} · changed status open → in-progress (id ${String(change.id)})`), timeline.text);
  assert.match(timeline.text, /UTC · System · Updated Task/);
  assertTextAgrees(timeline.text, timeline.structured!);

  const created = await admin.call('list_activity_logs', { action: 'Created', fields: ['action', 'data'] });
  assert.ok(items(created.structured).length > 0 && items(created.structured).every((log) => log.action === 'Created' && 'data' in log));
  assert.ok(created.text.includes(`UTC · Super Admin (id ${sandbox.seed.users.superAdmin.id}) · Created a new Task`), created.text);
  const request = sandbox.requests.at(-1)!;
  assert.deepEqual([request.path, request.query.action, request.query.orderBy, request.query.order], ['/api/activity-log', 'Created', 'createdAt', 'DESC']);
  const bad = await admin.call('list_activity_logs', { action: 'CREATED', userId: 'me' });
  assert.deepEqual([...bad.error!.fields!].sort(), ['action', 'userId']);
});

test('list_activity_logs pages with skip in rows over Gauzy\'s 1-based pages, every entry once', async () => {
  const total = Number((await admin.call('list_activity_logs', { take: 1 })).structured!.total);
  const seen: string[] = [];
  for (let skip: number | undefined = 0; skip !== undefined;) {
    const page = await admin.call('list_activity_logs', { take: 3, skip });
    seen.push(...items(page.structured).map((log) => String(log.id)));
    skip = page.structured!.nextSkip as number | undefined;
  }
  const stored = sandbox.db.list('activityLog').filter((log) => log.organizationId === sandbox.seed.organizationId).map((log) => log.id);
  assert.equal(seen.length, total);
  assert.deepEqual([...seen].sort(), [...stored].sort());
});

test('list_activity_logs by user and date (get_activity_logs_by_user, get_recent_activity_logs) filters here over the newest entries and says so', async () => {
  const localAdmin = sandbox.seed.users.localAdmin;
  const byUser = await admin.call('get_activity_logs_by_user', { userId: localAdmin.id });
  assert.equal(byUser.isError, false, byUser.text);
  const expected = sandbox.db.list('activityLog').filter((log) => log.createdByUserId === localAdmin.id);
  assert.ok(expected.length > 0 && expected.every((log) => log.employeeId === null), 'an admin\'s entries carry no employee, as in Gauzy');
  assert.deepEqual(items(byUser.structured).map((log) => log.id), expected.map((log) => log.id));
  assert.match(byUser.text, new RegExp(`Local Admin \\(id ${localAdmin.id}\\) .*changed budget 300 → 380`));
  assert.match(String(byUser.structured!.note), /cannot filter by user or date, so the newest \d+ of \d+ entries were read and filtered here\.$/);
  const since = new Date(Date.now() - 12 * 3_600_000).toISOString();
  const recent = await admin.call('get_recent_activity_logs', { createdAtFrom: since });
  const recentStored = sandbox.db.list('activityLog').filter((log) => Date.parse(String(log.createdAt)) >= Date.parse(since));
  assert.deepEqual(items(recent.structured).map((log) => log.id).sort(), recentStored.map((log) => log.id).sort());
  assert.ok(recentStored.length < sandbox.db.list('activityLog').length, 'the range left some out');
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const day = await admin.call('list_activity_logs', { createdAtFrom: yesterday, createdAtTo: yesterday });
  assert.ok(items(day.structured).every((log) => String(log.createdAt).startsWith(yesterday)), day.text);
  const old = await admin.call('get_recent_activity_logs', { hours: 12 });
  assert.deepEqual(old.error!.fields, ['hours']);
  assert.match(old.text, /createdAtFrom/);
});

test('send_notifications makes one notification per employee, from the caller, about the organization or a record; each outcome reported', async () => {
  const { me, colleague } = ids();
  const before = sandbox.db.list('employeeNotification').length;
  const sent = await admin.call('send_notifications', { employeeIds: [me, colleague.employeeId, me], title: 'Release on Friday', message: 'Freeze starts Thursday noon' });
  assert.equal(sent.isError, false, sent.text);
  assert.deepEqual([sent.structured!.succeeded, sent.structured!.failed], [2, 0]);
  const rows = sandbox.db.list('employeeNotification').slice(before);
  assert.deepEqual(rows.map((row) => row.receiverEmployeeId).sort(), [me, colleague.employeeId].sort());
  for (const row of rows) {
    assert.deepEqual([row.title, row.message, row.type, row.entity, row.entityId, row.sentByEmployeeId, row.organizationId, row.isRead],
      ['Release on Friday', 'Freeze starts Thursday noon', 'Message', 'Organization', sandbox.seed.organizationId, ids().boss, sandbox.seed.organizationId, false]);
  }
  assert.match(sent.text, new RegExp(`^Sent 2 of 2 notifications\\.\\n- #1 ok: Release on Friday → employee ${me} \\(id `));

  const task = demoTask();
  const about = await admin.call('send_notifications', { employeeIds: [me, MISSING], title: 'Please review', type: 'Assignment', entity: 'Task', entityId: task.id });
  assert.deepEqual([about.structured!.succeeded, about.structured!.failed], [1, 1]);
  const failure = (about.structured!.results as Array<{ ok: boolean; error?: { gauzyMessages?: string[] } }>)[1]!;
  assert.deepEqual(failure.error!.gauzyMessages, ['Error while creating notification']);
  assert.equal(sandbox.db.list('employeeNotification').at(-1)!.entityId, task.id);

  // A receiver who turned Message notifications off gets none; Gauzy answers an empty 201.
  const setting = sandbox.db.list('employeeNotificationSetting').find((row) => row.employeeId === me)!;
  setting.message = false;
  const muted = await admin.call('send_notifications', { employeeIds: [me], title: 'Muted' });
  assert.equal(muted.structured!.failed, 1);
  assert.match(muted.text, /has turned off Message notifications/);
  setting.message = true;

  const half = await admin.call('send_notifications', { employeeIds: [me], title: 'x', entity: 'Task' });
  assert.deepEqual(half.error!.fields, ['entityId']);
  const none = await admin.call('send_notifications', { employeeIds: [], title: 'x', type: 'Email' });
  assert.deepEqual([...none.error!.fields!].sort(), ['employeeIds', 'type']);
});
