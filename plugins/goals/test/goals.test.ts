import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertTextAgrees, packCatalog, referenceToolNames, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import goalsPlugin from '../src/index.js';
import { goalsSandbox } from '../src/sandbox.js';

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';
/** The demo seed's rows (testkit/src/seeds/goals.ts). */
const PERFORMANCE = '7a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01';
const LANDING_PAGE = '7a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c02';
const UI_PROBLEMS = '7a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c03';
const LOAD_TIME = '7b1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c11';
const CACHING = '7b1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c12';
const VISITORS = '7b1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c13';
const KPI = '7e1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c41';

usePackHarness({ plugin: goalsPlugin, sandboxEntities: [...goalsSandbox] }, (opened) => ({ sandbox, admin, employee } = opened));

const ids = (outcome: { structured?: Item }) => ((outcome.structured?.items as Item[] | undefined) ?? []).map((item) => String(item.id));
const ok = (outcome: { isError: boolean; text: string }) => assert.equal(outcome.isError, false, outcome.text);
const me = () => sandbox.seed.users.employee.employeeId;
const boss = () => sandbox.seed.users.superAdmin.employeeId;

test('every reference tool of goals and key-results is callable; 12 listed tools within 9,000 bytes; align_goals is retired naming update_goal', async () => {
  const names = referenceToolNames('goals', 'key-results');
  assert.equal(names.length, 24);
  const catalog = packCatalog([goalsPlugin]);
  assert.deepEqual(names.filter((name) => !catalog.callable(name)), []);
  assert.ok(catalog.bytes <= 9000, `${catalog.bytes} bytes`);
  assert.deepEqual(catalog.listed.map((tool) => tool.name).sort(), [
    'create_goal', 'create_key_result', 'delete_goal', 'delete_key_result', 'get_goal_statistics', 'list_goal_templates', 'list_goals',
    'list_key_results', 'update_goal', 'update_goal_progress', 'update_key_result', 'update_key_result_progress',
  ]);
  assert.equal(catalog.callable('get_my_goals'), 'preset');
  assert.equal(catalog.callable('get_team_goals'), 'preset');
  assert.equal(catalog.callable('get_my_key_results'), 'preset');
  assert.equal(catalog.callable('create_key_result_update'), 'alias');
  assert.deepEqual(catalog.retired.map((tool) => tool.name), ['align_goals']);
  sandbox.clearRequests();
  const retired = await admin.call('align_goals', { parentGoalId: PERFORMANCE, childGoalId: LANDING_PAGE });
  assert.equal(retired.error?.code, 'GMCP_ERR_TOOL_RETIRED', retired.text);
  assert.match(retired.text, /update_goal with alignedKeyResultId/);
  assert.equal(sandbox.requests.length, 0);
});

test('flow through an MCP client: a goal with weighted key results; recording progress logs an update, sets the key result and recomputes the goal', async () => {
  const goal = await admin.call('create_goal', { name: 'Win ten new clients', level: 'Team', deadline: 'Q4-2026', ownerTeamId: sandbox.seed.teams[0]!.id, leadId: boss() });
  ok(goal);
  const goalId = String(goal.structured!.id);
  assert.equal(sandbox.db.get('goal', goalId)!.progress, 0);
  assert.equal(sandbox.db.get('goal', goalId)!.description, '');
  assert.match(goal.text, /team Default Team/);
  const clients = await admin.call('create_key_result', { goalId, name: 'Signed clients', targetValue: 10, unit: 'clients', ownerId: me(), weight: '2' });
  ok(clients);
  const launch = await admin.call('create_key_result', { goalId, name: 'Launch the referral program', type: 'True/False', ownerId: boss() });
  ok(launch);
  const [clientsId, launchId] = [String(clients.structured!.id), String(launch.structured!.id)];
  assert.deepEqual(
    (({ update, progress, status, weight, targetValue, initialValue, deadline }) => ({ update, progress, status, weight, targetValue, initialValue, deadline }))(sandbox.db.get('keyResult', clientsId)!),
    { update: 0, progress: 0, status: 'none', weight: '2', targetValue: 10, initialValue: 0, deadline: 'No Custom Deadline' },
  );
  assert.equal(sandbox.db.get('keyResult', launchId)!.targetValue, 1);

  const recorded = await admin.call('update_key_result_progress', { id: clientsId, value: 6 });
  ok(recorded);
  const updates = sandbox.db.list('keyResultUpdate').filter((row) => row.keyResultId === clientsId);
  assert.equal(updates.length, 1);
  assert.deepEqual((({ update, progress, status, owner }) => ({ update, progress, status, owner }))(updates[0]!), { update: 6, progress: 60, status: 'on track', owner: me() });
  assert.deepEqual((({ update, progress, status }) => ({ update, progress, status }))(sandbox.db.get('keyResult', clientsId)!), { update: 6, progress: 60, status: 'on track' });
  // (60 × 2 + 0 × 1) / 3 = 40: the web app's weighted average.
  assert.equal(sandbox.db.get('goal', goalId)!.progress, 40);
  assert.match(recorded.text, /value 6 → progress 60% \[on track\]/);
  assert.match(recorded.text, /Win ten new clients .*progress 0% → 40%/);
  assertTextAgrees(recorded.text, recorded.structured!);
  assertTextAgrees(clients.text, clients.structured!);
  assertTextAgrees(goal.text, goal.structured!);

  const done = await admin.call('create_key_result_update', { id: launchId, value: 1, status: 'needs attention' });
  ok(done);
  assert.deepEqual((({ update, progress }) => ({ update, progress }))(sandbox.db.get('keyResult', launchId)!), { update: 1, progress: 100 });
  assert.equal(sandbox.db.get('goal', goalId)!.progress, 73);
  assert.equal(sandbox.db.list('keyResultUpdate').filter((row) => row.keyResultId === launchId)[0]!.status, 'needs attention');

  const shown = await admin.call('list_goals', { id: goalId });
  ok(shown);
  assert.match(shown.text, /progress 73%/);
  assert.match(shown.text, /Signed clients .*progress 60% · 6 of 10 clients/);
  assertTextAgrees(shown.text, shown.structured!);
  const history = await admin.call('get_key_result_updates', { id: clientsId });
  ok(history);
  assert.match(history.text, /1 update:\n- .*value 6 → 60% \[on track\]/);
  assertTextAgrees(history.text, history.structured!);
});

test('update_key_result_progress computes each kind as the web app does and refuses what it cannot compute', async () => {
  const before = sandbox.db.get('goal', PERFORMANCE)!.progress;
  const kpi = await admin.call('create_key_result', { goalId: PERFORMANCE, name: 'Response time', type: 'KPI', kpiId: KPI, initialValue: 450, targetValue: 200, ownerId: boss() });
  ok(kpi);
  // The KPI's operator is '<=': 180 ms meets a 200 ms target.
  ok(await admin.call('update_key_result_progress', { id: String(kpi.structured!.id), value: 180 }));
  assert.equal(sandbox.db.get('keyResult', String(kpi.structured!.id))!.progress, 100);
  const yesNo = await admin.call('update_key_result_progress', { id: CACHING, value: 2 });
  assert.equal(yesNo.isError, true);
  assert.ok(yesNo.error!.fields!.includes('value'), yesNo.text);
  const flat = await admin.call('create_key_result', { goalId: PERFORMANCE, name: 'Flat', initialValue: 3, targetValue: 3, ownerId: boss() });
  const refused = await admin.call('update_key_result_progress', { id: String(flat.structured!.id), value: 5 });
  assert.ok(refused.error!.fields!.includes('value'), refused.text);
  assert.equal((await admin.call('update_key_result_progress', { id: CACHING, value: 1, status: 'none' })).error?.fields?.includes('status'), true);
  assert.equal((await admin.call('update_key_result_progress', { id: MISSING, value: 1 })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  // Clean up: the goal's progress follows its key results again.
  for (const id of [String(kpi.structured!.id), String(flat.structured!.id)]) ok(await admin.call('delete_key_result', { id }));
  ok(await admin.call('update_goal_progress', { id: PERFORMANCE }));
  assert.equal(sandbox.db.get('goal', PERFORMANCE)!.progress, before);
});

test('list_goals filters by level, owner, team and part of the name; presets get_my_goals and get_team_goals; id shows the key results; a missing id is a 404', async () => {
  assert.deepEqual(ids(await admin.call('list_goals', { level: 'Organization', name: 'PERFORMANCE' })), [PERFORMANCE]);
  assert.deepEqual(ids(await admin.call('get_goals', { ownerTeamId: sandbox.seed.teams[0]!.id })).includes(LANDING_PAGE), true);
  const mine = await employee.call('get_my_goals', {});
  ok(mine);
  assert.deepEqual(ids(mine), [UI_PROBLEMS]);
  assert.match(mine.text, /owner Default Employee .*aligned to key result 7b1b2c3d/);
  assertTextAgrees(mine.text, mine.structured!);
  const team = await admin.call('get_team_goals', {});
  assert.ok(ids(team).includes(LANDING_PAGE) && !ids(team).includes(PERFORMANCE), team.text);
  const one = await admin.call('get_goal', { id: PERFORMANCE });
  ok(one);
  assert.match(one.text, /^Found goal: Improve product performance .*lead Super Admin/);
  assert.match(one.text, /- key result Cut page load time to 2 seconds .*weight x2/);
  assertTextAgrees(one.text, one.structured!);
  const request = sandbox.requests.at(-1)!;
  assert.equal(request.path, '/api/goals');
  assert.equal((await admin.call('list_goals', { id: MISSING })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  const bad = await admin.call('list_goals', { level: 'Company' });
  assert.ok(bad.error!.fields!.includes('level'), bad.text);
});

test('list_key_results filters by goal, owner and status (get_my_key_results, get_key_results_by_goal); id shows the updates', async () => {
  assert.deepEqual(ids(await admin.call('get_key_results_by_goal', { goalId: PERFORMANCE })).sort(), [LOAD_TIME, CACHING].sort());
  const mine = await employee.call('get_my_key_results', {});
  ok(mine);
  assert.ok(ids(mine).includes(VISITORS) && !ids(mine).includes(LOAD_TIME), mine.text);
  assert.deepEqual(ids(await admin.call('list_key_results', { ownerId: boss(), status: 'on track' })), [LOAD_TIME]);
  const one = await admin.call('get_key_result', { id: LOAD_TIME });
  ok(one);
  assert.match(one.text, /Cut page load time .*4 of 2 seconds \(from 6\) .*owner Super Admin .*goal Improve product performance/);
  assert.match(one.text, /1 update:\n- .*value 4 → 50% \[on track\]/);
  assertTextAgrees(one.text, one.structured!);
  assert.equal((await admin.call('list_key_results', { id: MISSING })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  assert.ok((await admin.call('list_key_results', { status: 'done' })).error!.fields!.includes('status'));
});

test('a goal\'s deadline is a time frame\'s name: one the organization has not is kept, and the answer says which it has', async () => {
  const year = new Date().getUTCFullYear();
  const known = await admin.call('create_goal', { name: 'Known frame', level: 'Organization', deadline: `Q2-${year}` });
  ok(known);
  assert.equal(known.structured!.note, undefined);
  const unknown = await admin.call('create_goal', { name: 'Someday goal', level: 'Organization', deadline: 'Someday' });
  ok(unknown);
  assert.equal(sandbox.db.get('goal', String(unknown.structured!.id))!.deadline, 'Someday');
  assert.match(unknown.text, new RegExp(`No time frame of this organization is named "Someday" \\(they are: Annual-${year}, Q1-${year}`));
  assertTextAgrees(unknown.text, unknown.structured!);
  const moved = await admin.call('update_goal', { id: String(unknown.structured!.id), deadline: `Annual-${year}` });
  assert.equal(moved.structured!.note, undefined, moved.text);
});

test('create_goal checks the owner its level needs; create_key_result needs its goal and owner', async () => {
  const noOwner = await admin.call('create_goal', { name: 'Mine', level: 'Employee', deadline: 'Q4-2026' });
  assert.ok(noOwner.error!.fields!.includes('ownerEmployeeId'), noOwner.text);
  const wrongOwner = await admin.call('create_goal', { name: 'Org', level: 'Organization', deadline: 'Q4-2026', ownerTeamId: sandbox.seed.teams[0]!.id });
  assert.ok(wrongOwner.error!.fields!.includes('ownerTeamId'), wrongOwner.text);
  const goals = sandbox.db.count('goal');
  assert.ok((await admin.call('create_goal', { name: 'x', level: 'Organization' })).error!.fields!.includes('deadline'));
  assert.equal(sandbox.db.count('goal'), goals);
  const noGoal = await admin.call('create_key_result', { goalId: MISSING, name: 'Orphan', ownerId: me() });
  assert.equal(noGoal.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', noGoal.text);
  assert.ok((await admin.call('create_key_result', { goalId: PERFORMANCE, name: 'No owner' })).error!.fields!.includes('ownerId'));
  const task = await admin.call('create_key_result', { goalId: PERFORMANCE, name: 'A task', type: 'Task', ownerId: me() });
  assert.ok(task.error!.fields!.includes('taskId'), task.text);
  // The database refuses an owner that is no employee: Gauzy answers 400 with the query and the driver's code, no message.
  const before = sandbox.db.count('keyResult');
  const unknownOwner = await admin.call('create_key_result', { goalId: PERFORMANCE, name: 'Nobody\'s', ownerId: MISSING });
  assert.equal(unknownOwner.error?.code, 'GMCP_ERR_GAUZY_BAD_REQUEST', unknownOwner.text);
  assert.match(unknownOwner.text, /What to do: Gauzy's database refused the save without a message: check that ownerId/);
  assert.equal(sandbox.db.count('keyResult'), before);
  const unknownTeam = await admin.call('create_goal', { name: 'Ghost team', level: 'Team', deadline: 'Q4-2026', ownerTeamId: MISSING });
  assert.match(unknownTeam.text, /check that ownerEmployeeId, ownerTeamId/);
});

test('update_goal changes fields, moves the level with its owner, aligns under another goal\'s key result, and reports a change Gauzy did not keep', async () => {
  const created = await admin.call('create_goal', { name: 'Hire two engineers', level: 'Organization', deadline: 'Q4-2026' });
  const id = String(created.structured!.id);
  const moved = await admin.call('update_goal', { id, level: 'Employee', ownerEmployeeId: me() });
  ok(moved);
  assert.deepEqual((({ level, ownerEmployeeId, name }) => ({ level, ownerEmployeeId, name }))(sandbox.db.get('goal', id)!), { level: 'Employee', ownerEmployeeId: me(), name: 'Hire two engineers' });
  const toTeam = await admin.call('update_goal', { id, level: 'Team' });
  assert.ok(toTeam.error!.fields!.includes('ownerTeamId'), toTeam.text);
  const aligned = await admin.call('update_goal', { id, alignedKeyResultId: LOAD_TIME });
  ok(aligned);
  assert.equal(sandbox.db.get('goal', id)!.alignedKeyResultId, LOAD_TIME);
  assert.match(aligned.text, /aligned to key result 7b1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c11/);
  const own = await admin.call('create_key_result', { goalId: id, name: 'Offers signed', targetValue: 2, ownerId: me() });
  const self = await admin.call('update_goal', { id, alignedKeyResultId: String(own.structured!.id) });
  assert.ok(self.error!.fields!.includes('alignedKeyResultId'), self.text);
  // GoalController.update swallows the failed save (an unknown lead) and answers 202 without a body.
  const lost = await admin.call('update_goal', { id, leadId: MISSING });
  assert.equal(lost.isError, true);
  assert.match(lost.text, /did not save leadId/);
  assert.equal(sandbox.db.get('goal', id)!.leadId, null);
  assert.equal((await admin.call('update_goal', { id: MISSING, name: 'x' })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  assert.equal((await admin.call('update_goal', { id })).isError, true);
});

test('update_goal_progress recomputes from the key results; a goal without key results takes the progress given', async () => {
  sandbox.db.update('goal', PERFORMANCE, { progress: 5 });
  const recomputed = await admin.call('update_goal_progress', { id: PERFORMANCE });
  ok(recomputed);
  assert.equal(sandbox.db.get('goal', PERFORMANCE)!.progress, 33);
  assert.match(recomputed.text, /Progress 5% → 33% \(from 2 key result\(s\), weighted\)/);
  const given = await admin.call('update_goal_progress', { id: PERFORMANCE, progress: 90 });
  assert.ok(given.error!.fields!.includes('progress'), given.text);
  const plain = await admin.call('create_goal', { name: 'Tidy the wiki', level: 'Organization', deadline: 'Q4-2026' });
  const plainId = String(plain.structured!.id);
  assert.ok((await admin.call('update_goal_progress', { id: plainId })).error!.fields!.includes('progress'));
  ok(await admin.call('update_goal_progress', { id: plainId, progress: 25 }));
  assert.equal(sandbox.db.get('goal', plainId)!.progress, 25);
  assert.ok((await admin.call('update_goal_progress', { id: plainId, progress: 120 })).error!.fields!.includes('progress'));
});

test('update_key_result saves only the change; a new weight recomputes the goal; the type is not offered', async () => {
  const goal = await admin.call('create_goal', { name: 'Grow the newsletter', level: 'Organization', deadline: 'Q4-2026' });
  const goalId = String(goal.structured!.id);
  const a = await admin.call('create_key_result', { goalId, name: 'Subscribers', targetValue: 100, ownerId: me() });
  const b = await admin.call('create_key_result', { goalId, name: 'Issues sent', targetValue: 4, ownerId: me() });
  ok(await admin.call('update_key_result_progress', { id: String(a.structured!.id), value: 100 }));
  assert.equal(sandbox.db.get('goal', goalId)!.progress, 50);
  const heavier = await admin.call('update_key_result', { id: String(a.structured!.id), weight: '4', name: 'Newsletter subscribers' });
  ok(heavier);
  assert.equal(sandbox.db.get('keyResult', String(a.structured!.id))!.name, 'Newsletter subscribers');
  assert.equal(sandbox.db.get('keyResult', String(a.structured!.id))!.progress, 100);
  assert.equal(sandbox.db.get('goal', goalId)!.progress, 80);
  assert.match(heavier.text, /progress 50% → 80%/);
  assert.equal((await admin.call('update_key_result', { id: String(b.structured!.id), type: 'KPI' })).isError, true);
  assert.equal((await admin.call('update_key_result', { id: String(b.structured!.id) })).isError, true);
  assert.equal((await admin.call('update_key_result', { id: MISSING, name: 'x' })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('delete_goal takes its key results and their updates; a goal aligned under one of them blocks it, with a hint', async () => {
  const blocked = await admin.call('delete_goal', { id: PERFORMANCE });
  assert.equal(blocked.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', blocked.text);
  assert.match(blocked.text, /aligned under one of its key results/);
  assert.ok(sandbox.db.get('goal', PERFORMANCE));
  assert.match((await admin.call('delete_key_result', { id: LOAD_TIME })).text, /a goal is aligned under it/);
  const goal = await admin.call('create_goal', { name: 'Short-lived', level: 'Organization', deadline: 'Q4-2026' });
  const goalId = String(goal.structured!.id);
  const keyResult = await admin.call('create_key_result', { goalId, name: 'Something', targetValue: 3, ownerId: me() });
  const keyResultId = String(keyResult.structured!.id);
  ok(await admin.call('update_key_result_progress', { id: keyResultId, value: 1 }));
  ok(await admin.call('delete_goal', { id: goalId }));
  assert.equal(sandbox.db.get('goal', goalId), undefined);
  assert.equal(sandbox.db.get('keyResult', keyResultId), undefined);
  assert.equal(sandbox.db.list('keyResultUpdate').filter((row) => row.keyResultId === keyResultId).length, 0);
  assert.equal((await admin.call('delete_goal', { id: goalId })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('get_goal_statistics sums goals per level, time frame and owner and their key results per status, type and owner, with the overdue ones (get_key_result_statistics)', async () => {
  const stats = await admin.call('get_key_result_statistics', { deadline: `Q4-${new Date().getUTCFullYear()}` });
  ok(stats);
  assert.equal(stats.structured!.goals, sandbox.db.list('goal').filter((row) => String(row.deadline).startsWith('Q4-') && row.organizationId === sandbox.seed.organizationId).length);
  const keyResults = stats.structured!.keyResults as Item;
  assert.ok((keyResults.overdue as Item[]).some((item) => item.id === VISITORS), stats.text);
  assert.match(stats.text, /By level: .*Team: /);
  assert.match(stats.text, /- overdue: Sign up 200 visitors/);
  assertTextAgrees(stats.text, stats.structured!);
  const all = await admin.call('get_goal_statistics', {});
  assert.ok(Number(all.structured!.goals) >= 3);
  assertTextAgrees(all.text, all.structured!);
});

test('list_goal_templates lists the organization\'s templates with their key results (get_goal_templates)', async () => {
  const templates = await admin.call('get_goal_templates', {});
  ok(templates);
  assert.match(templates.text, /Improve product performance .*Organization · Product Management · key results: Reduce the load time of the main page; Fix the ten slowest queries/);
  assertTextAgrees(templates.text, templates.structured!);
});

test('role matrix: Gauzy guards goal routes with TenantPermissionGuard only, so the employee reads every goal and writes as the admin does', async () => {
  const all = await employee.call('list_goals', {});
  ok(all);
  assert.ok(ids(all).includes(PERFORMANCE) && ids(all).includes(LANDING_PAGE), 'no own-record scoping');
  const goal = await employee.call('create_goal', { name: 'Learn Rust', level: 'Employee', deadline: 'Q4-2026', ownerEmployeeId: me() });
  ok(goal);
  const keyResult = await employee.call('create_key_result', { goalId: String(goal.structured!.id), name: 'Chapters read', targetValue: 20, ownerId: me() });
  ok(keyResult);
  ok(await employee.call('update_key_result_progress', { id: String(keyResult.structured!.id), value: 5 }));
  assert.equal(sandbox.db.get('goal', String(goal.structured!.id))!.progress, 25);
  ok(await employee.call('update_goal', { id: String(goal.structured!.id), description: 'The book' }));
  ok(await employee.call('delete_goal', { id: String(goal.structured!.id) }));
  ok(await admin.call('get_goal_statistics', {}));
});

test('invalid arguments name the field and send Gauzy nothing; missing ids are 404s', async () => {
  sandbox.clearRequests();
  for (const [name, args, field] of [
    ['delete_goal', { id: 'nope' }, 'id'],
    ['delete_key_result', { id: 42 }, 'id'],
    ['get_goal_statistics', { deadline: 2026 }, 'deadline'],
    ['list_goal_templates', { take: 0 }, 'take'],
    ['update_key_result', { id: CACHING, weight: '3' }, 'weight'],
    ['create_key_result', { goalId: PERFORMANCE, name: 'x', ownerId: me(), type: 'Boolean' }, 'type'],
    ['update_goal_progress', { id: PERFORMANCE, progress: -1 }, 'progress'],
  ] as const) {
    const answer = await admin.call(name, args);
    assert.equal(answer.isError, true, `${name}: ${answer.text}`);
    assert.ok(answer.error!.fields!.includes(field), `${name}: ${answer.text}`);
  }
  assert.equal(sandbox.requests.filter((request) => request.path.startsWith('/api/goals') || request.path.startsWith('/api/key-result')).length, 0);
  assert.equal((await admin.call('update_goal_progress', { id: MISSING })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  assert.equal((await admin.call('delete_key_result', { id: MISSING })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});
