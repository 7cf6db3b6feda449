import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertTextAgrees, packCatalog, referenceToolNames, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import skillsPlugin from '../src/index.js';
import { skillsSandbox } from '../src/sandbox.js';

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';
/** The demo seed's rows (testkit/src/seeds/skills.ts). */
const REACT = '5a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c61';
const NESTJS = '5a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c62';
const AWARD = '5a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c63';

usePackHarness({ plugin: skillsPlugin, sandboxEntities: [...skillsSandbox] }, (opened) => ({ sandbox, admin, employee } = opened));

const ids = (outcome: { structured?: Item }) => ((outcome.structured?.items as Item[] | undefined) ?? []).map((item) => String(item.id));
const nameOf = (employeeId: string) => {
  const user = sandbox.db.get('user', String(sandbox.db.get('employee', employeeId)!.userId))!;
  return `${String(user.firstName)} ${String(user.lastName)}`;
};

test('every reference tool of skills and employee-awards is callable; the listed tools stay within 6,000 bytes', async () => {
  const names = referenceToolNames('skills', 'employee-awards');
  assert.equal(names.length, 22);
  const catalog = packCatalog([skillsPlugin]);
  assert.deepEqual(names.filter((name) => !catalog.callable(name)), []);
  assert.ok(catalog.bytes <= 6000, `${catalog.bytes} bytes`);
  assert.deepEqual(catalog.listed.map((tool) => tool.name).sort(), [
    'create_employee_award', 'create_skill', 'delete_employee_award', 'delete_skill', 'get_employee_award_by_id', 'get_skill_by_id',
    'list_employee_awards', 'list_skills', 'update_employee_award', 'update_skill',
  ]);
  for (const name of ['bulk_create_skills', 'bulk_create_employee_awards', 'bulk_update_employee_awards', 'bulk_delete_employee_awards']) assert.equal(catalog.callable(name), 'bulk');
  for (const name of ['assign_skill_to_employee', 'remove_skill_from_employee', 'get_employee_awards_statistics']) {
    sandbox.clearRequests();
    const answer = await admin.call(name, {});
    assert.equal(answer.error?.code, 'GMCP_ERR_TOOL_RETIRED', answer.text);
    assert.match(answer.text, /Gauzy has no/);
    assert.equal(sandbox.requests.length, 0);
  }
  assert.match((await admin.call('assign_skill_to_employee', {})).text, /create_skill with employeeIds/);
});

test('the reference\'s bulk names run the one-record tools per item (Gauzy has no bulk routes), each reported, a bad one failing alone', async () => {
  const skills = await admin.call('bulk_create_skills', { skills: [{ name: 'Rust', color: '#dea584' }, { name: 'Go', color: 'blue' }] });
  assert.deepEqual([skills.structured!.succeeded, skills.structured!.failed], [1, 1], skills.text);
  assert.match(skills.text, /#2 failed: Invalid arguments for create_skill \(color: must be a hex colour/);
  assert.ok(sandbox.db.list('skill').some((row) => row.name === 'Rust'));
  const me = sandbox.seed.users.employee.employeeId;
  const awards = await admin.call('bulk_create_employee_awards', { awards: [{ name: 'Bulk award A', year: '2023', employeeId: me }, { name: 'Bulk award B', year: '2024', employeeId: me }] });
  assert.equal(awards.structured!.succeeded, 2, awards.text);
  const ids = (awards.structured!.results as Array<{ id: string }>).map((outcome) => outcome.id);
  await admin.call('bulk_update_employee_awards', { awards: [{ id: ids[0], year: '2022' }] });
  assert.equal(sandbox.db.get('employeeAward', ids[0]!)!.year, '2022');
  const removed = await admin.call('bulk_delete_employee_awards', { ids: [...ids, MISSING] });
  assert.deepEqual([removed.structured!.succeeded, removed.structured!.failed], [2, 1]);
  assert.ok(ids.every((id) => !sandbox.db.get('employeeAward', id)));
});

test('list_skills finds "who knows React?" by part of the name in any case, naming the employees; search_skills and get_skills are aliases', async () => {
  const demo = sandbox.seed.users.employee.employeeId;
  for (const name of ['list_skills', 'search_skills', 'get_skills']) {
    const found = await admin.call(name, { name: 'reac' });
    assert.equal(found.isError, false, found.text);
    assert.deepEqual(ids(found), [REACT]);
    assert.ok(found.text.includes(`React (id ${REACT}) · employees ${nameOf(demo)} (id ${demo})`), found.text);
    assert.match(found.text, /filtered here/);
    assertTextAgrees(found.text, found.structured!);
  }
  const request = sandbox.requests.at(-1)!;
  assert.equal(request.path, '/api/skills/pagination');
});

test('list_skills with employeeId lists that employee\'s skills (get_skills_by_employee)', async () => {
  const boss = sandbox.seed.users.superAdmin.employeeId;
  const theirs = await admin.call('get_skills_by_employee', { employeeId: boss });
  assert.equal(theirs.isError, false, theirs.text);
  assert.deepEqual(ids(theirs), [NESTJS]);
  assert.ok(theirs.text.includes(nameOf(boss)), theirs.text);
  const bad = await admin.call('list_skills', { employeeId: 'nobody', query: 'x' });
  assert.equal(bad.isError, true);
  assert.ok(bad.error!.fields!.includes('employeeId'), bad.text);
});

test('get_skill_by_id names its employees; an unknown id is a 404', async () => {
  const found = await admin.call('get_skill', { id: NESTJS });
  assert.equal(found.isError, false, found.text);
  assert.ok(found.text.includes(nameOf(sandbox.seed.users.superAdmin.employeeId)), found.text);
  const missing = await admin.call('get_skill_by_id', { id: MISSING });
  assert.equal(missing.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', missing.text);
});

test('create_skill saves its employees; update_skill changes the name and keeps them; delete_skill removes it; color is required and checked', async () => {
  const demo = sandbox.seed.users.employee.employeeId;
  const created = await admin.call('create_skill', { name: 'Rust', color: '#dea584', employeeIds: [demo] });
  assert.equal(created.isError, false, created.text);
  const id = String(created.structured!.id);
  assert.deepEqual(sandbox.db.get('skill', id)!.employeeIds, [demo]);
  assert.ok(created.text.startsWith(`Created skill: Rust (id ${id}) · employees ${nameOf(demo)} (id ${demo})`), created.text);
  const updated = await admin.call('update_skill', { id, name: 'Rust lang' });
  assert.equal(updated.isError, false, updated.text);
  assert.equal(sandbox.db.get('skill', id)!.name, 'Rust lang');
  assert.ok(updated.text.includes(`Rust lang (id ${id}) · employees ${nameOf(demo)}`), updated.text);
  assert.deepEqual(sandbox.db.get('skill', id)!.employeeIds, [demo]);
  const noEmployees = await admin.call('update_skill', { id, employeeIds: [] });
  assert.equal(noEmployees.isError, true, 'update offers no employeeIds: Gauzy would not save them');
  const deleted = await admin.call('delete_skill', { id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(sandbox.db.get('skill', id), undefined);
  const bad = await admin.call('create_skill', { name: 'Go', color: 'blue' });
  assert.equal(bad.isError, true);
  assert.ok(bad.error!.fields!.includes('color'), bad.text);
  assert.ok((await admin.call('create_skill', { name: 'Go' })).error!.fields!.includes('color'));
});

test('list_employee_awards names the employee and filters by employee and year (the old names are aliases); get, create, update, delete', async () => {
  const boss = sandbox.seed.users.superAdmin.employeeId;
  const found = await admin.call('get_employee_awards_by_year', { year: '2019' });
  assert.equal(found.isError, false, found.text);
  assert.deepEqual(ids(found), [AWARD]);
  assert.ok(found.text.includes(`Google Developer Expert (id ${AWARD}) · 2019 · ${nameOf(boss)} (id ${boss})`), found.text);
  assertTextAgrees(found.text, found.structured!);
  assert.deepEqual(ids(await admin.call('get_employee_awards_by_employee', { employeeId: sandbox.seed.users.employee.employeeId })), []);
  const demo = sandbox.seed.users.employee.employeeId;
  const created = await admin.call('create_employee_award', { name: 'Hackathon winner', year: '2025', employeeId: demo });
  assert.equal(created.isError, false, created.text);
  const id = String(created.structured!.id);
  assert.equal(sandbox.db.get('employeeAward', id)!.employeeId, demo);
  assert.ok(created.text.includes(`Hackathon winner (id ${id}) · 2025 · ${nameOf(demo)} (id ${demo})`), created.text);
  const got = await admin.call('get_employee_award', { id });
  assert.ok(got.text.includes(`Hackathon winner (id ${id}) · 2025 · ${nameOf(demo)}`), got.text);
  const updated = await admin.call('update_employee_award', { id, year: '2026' });
  assert.equal(updated.isError, false, updated.text);
  assert.equal(sandbox.db.get('employeeAward', id)!.year, '2026');
  assert.match(updated.text, /^Updated employee award: Hackathon winner .* · 2026 · /);
  assert.equal(sandbox.db.get('employeeAward', id)!.name, 'Hackathon winner');
  assert.equal((await admin.call('delete_employee_award', { id })).isError, false);
  assert.equal(sandbox.db.get('employeeAward', id), undefined);
  const bad = await admin.call('create_employee_award', { name: 'x', year: '25', employeeId: demo });
  assert.ok(bad.error!.fields!.includes('year'), bad.text);
  assert.equal((await admin.call('get_employee_award_by_id', { id: MISSING })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('role matrix: an employee may read and change skills (TenantPermissionGuard only) but gets 403 on every award route', async () => {
  assert.deepEqual(ids(await employee.call('list_skills', { name: 'react' })), [REACT]);
  const created = await employee.call('create_skill', { name: 'Employee skill', color: '#000000' });
  assert.equal(created.isError, false, created.text);
  assert.equal((await employee.call('delete_skill', { id: String(created.structured!.id) })).isError, false);
  const demo = sandbox.seed.users.employee.employeeId;
  for (const [name, args] of [
    ['list_employee_awards', {}],
    ['get_employee_award_by_id', { id: AWARD }],
    ['create_employee_award', { name: 'Self award', year: '2025', employeeId: demo }],
    ['update_employee_award', { id: AWARD, year: '2020' }],
    ['delete_employee_award', { id: AWARD }],
  ] as const) {
    const answer = await employee.call(name, args);
    assert.equal(answer.error?.code, 'GMCP_ERR_GAUZY_FORBIDDEN', `${name}: ${answer.text}`);
    assert.match(answer.text, /Forbidden resource/);
  }
  assert.equal(sandbox.db.get('employeeAward', AWARD)!.year, '2019');
});
