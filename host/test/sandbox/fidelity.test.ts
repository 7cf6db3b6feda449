import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginAs, newSandbox } from './helpers.js';

// Each expectation below is the real Gauzy's answer (commit 39a5c3ad, demo seed, probed with curl on
// 2026-12-02); only the ids are the sandbox's.

const bad = (message: string[]) => ({ message, error: 'Bad Request', statusCode: 400 });

test('validation messages: only the constraints the DTO declares (project name IsNotEmpty, login password IsNotEmpty, where missing)', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  const project = await s.app.inject({ method: 'POST', url: '/api/organization-projects', headers, payload: {} });
  assert.equal(project.statusCode, 400);
  assert.deepEqual(project.json(), bad(['name should not be empty']));

  const noPassword = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@ever.co' } });
  assert.equal(noPassword.statusCode, 400);
  assert.deepEqual(noPassword.json(), bad(['password should not be empty']));
  const empty = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} });
  assert.deepEqual(empty.json(), bad(['email must be an email', 'email should not be empty', 'password should not be empty']));

  const noWhere = await s.app.inject({ method: 'GET', url: '/api/tasks/pagination', headers });
  assert.equal(noWhere.statusCode, 400);
  assert.deepEqual(noWhere.json(), bad(['where should not be empty']));
  const scalarWhere = await s.app.inject({ method: 'GET', url: '/api/tasks/pagination?where=abc', headers });
  assert.equal(scalarWhere.statusCode, 400);
  assert.deepEqual(scalarWhere.json(), bad(['each value in nested property where must be either object or array']));
  // `where=` becomes {} (the DTO's Transform), which passes: the tenant's tasks, paginated.
  const blankWhere = await s.app.inject({ method: 'GET', url: '/api/tasks/pagination?where=', headers });
  assert.equal(blankWhere.statusCode, 200);
  assert.equal(typeof blankWhere.json().total, 'number');
});

test('create demands only what Gauzy demands: a project needs no organization; a bad organizationId gets both messages', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  const userId = s.seed.users.superAdmin.id;
  const notAssociated = `The user with ID ${userId} is not associated with the specified organization.`;
  // PartialType(UpdateTaskModeDTO) makes organization/organizationId IsOptional in CreateOrganizationProjectDTO.
  const bare = await s.app.inject({ method: 'POST', url: '/api/organization-projects', headers, payload: { name: 'probe-noorg' } });
  assert.equal(bare.statusCode, 201);
  assert.equal(bare.json().organizationId, null);
  assert.equal(bare.json().name, 'probe-noorg');

  const badOrgProject = await s.app.inject({ method: 'POST', url: '/api/organization-projects', headers, payload: { organizationId: 'nope' } });
  assert.equal(badOrgProject.statusCode, 400);
  assert.deepEqual(badOrgProject.json(), bad(['name should not be empty', 'organizationId must be a UUID', notAssociated]));

  const badOrgTask = await s.app.inject({ method: 'POST', url: '/api/tasks', headers, payload: { title: 'x', status: 'open', organizationId: 'nope' } });
  assert.equal(badOrgTask.statusCode, 400);
  assert.deepEqual(badOrgTask.json(), bad(['organizationId must be a UUID', notAssociated]));

  const minimalTask = await s.app.inject({ method: 'POST', url: '/api/tasks', headers, payload: { title: 'probe-min', status: 'open', organizationId: s.seed.organizationId } });
  assert.equal(minimalTask.statusCode, 202);
});

test('a spent refresh token: 401 "Token is rotated" once rotated, "Token is revoked" after logout; an unknown one plain 401', async () => {
  const s = await newSandbox();
  const { refresh_token, headers } = await loginAs(s, 'superAdmin');
  const first = await s.app.inject({ method: 'POST', url: '/api/auth/refresh-token', payload: { refresh_token } });
  assert.equal(first.statusCode, 200);
  const again = await s.app.inject({ method: 'POST', url: '/api/auth/refresh-token', payload: { refresh_token } });
  assert.equal(again.statusCode, 401);
  assert.deepEqual(again.json(), { message: 'Token is rotated', error: 'Unauthorized', statusCode: 401 });

  const other = await loginAs(s, 'superAdmin');
  await s.app.inject({ method: 'POST', url: '/api/auth/logout', headers: other.headers, payload: { refresh_token: other.refresh_token } });
  const revoked = await s.app.inject({ method: 'POST', url: '/api/auth/refresh-token', payload: { refresh_token: other.refresh_token } });
  assert.equal(revoked.statusCode, 401);
  assert.deepEqual(revoked.json(), { message: 'Token is revoked', error: 'Unauthorized', statusCode: 401 });

  const garbage = await s.app.inject({ method: 'POST', url: '/api/auth/refresh-token', headers, payload: { refresh_token: 'garbage' } });
  assert.equal(garbage.statusCode, 401);
  assert.deepEqual(garbage.json(), { message: 'Unauthorized', statusCode: 401 });
});

const sorted = (o: Record<string, unknown>) => Object.keys(o).sort();
const BASE = ['deletedAt', 'createdAt', 'updatedAt', 'createdByUserId', 'updatedByUserId', 'deletedByUserId', 'id', 'isActive', 'isArchived', 'archivedAt', 'tenantId', 'organizationId'];
const TASK_COLUMNS = [...BASE, 'title', 'number', 'prefix', 'description', 'status', 'priority', 'size', 'issueType', 'estimate', 'dueDate', 'public',
  'startDate', 'resolvedAt', 'version', 'isDraft', 'isScreeningTask', 'parentId', 'projectId', 'organizationSprintId', 'taskStatusId', 'taskSizeId',
  'taskPriorityId', 'taskTypeId'];
const PROJECT_COLUMNS = [...BASE, 'name', 'startDate', 'endDate', 'billing', 'currency', 'public', 'owner', 'taskListType', 'code', 'description', 'color',
  'billable', 'billingFlat', 'openSource', 'projectUrl', 'openSourceProjectUrl', 'budget', 'budgetType', 'imageUrl', 'icon', 'status', 'isTasksAutoSync',
  'isTasksAutoSyncOnLabel', 'syncTag', 'archiveTasksIn', 'closeTasksIn', 'membersCount', 'organizationContactId', 'imageId', 'defaultAssigneeId', 'customFields'];

test('create answers carry the keys Gauzy sends (saved entity + tenant + members), get answers the loaded ones (taskNumber, image)', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  const org = s.seed.organizationId;
  const task = await s.app.inject({ method: 'POST', url: '/api/tasks', headers, payload: { title: 'probe-min', status: 'open', organizationId: org } });
  assert.equal(task.statusCode, 202);
  assert.deepEqual(sorted(task.json()), [...TASK_COLUMNS, 'tenant', 'members'].sort());
  assert.deepEqual(task.json().tenant, { id: s.seed.tenantId });
  assert.deepEqual(task.json().members, []);
  const taskGet = await s.app.inject({ method: 'GET', url: `/api/tasks/${task.json().id}`, headers });
  assert.deepEqual(sorted(taskGet.json()), [...TASK_COLUMNS, 'taskNumber'].sort());
  // TaskSubscriber.afterEntityLoad: [prefix, number].filter(Boolean).join('-'); no project ⇒ no prefix ⇒ "1".
  assert.equal(taskGet.json().taskNumber, String(task.json().number));

  const project = await s.app.inject({ method: 'POST', url: '/api/organization-projects', headers, payload: { name: 'probe-org', organizationId: org } });
  assert.equal(project.statusCode, 201);
  assert.deepEqual(sorted(project.json()), [...PROJECT_COLUMNS, 'tenant', 'members', 'tags'].sort());
  assert.deepEqual(project.json().members, []);
  assert.deepEqual(project.json().tags, []);
  const projectGet = await s.app.inject({ method: 'GET', url: `/api/organization-projects/${project.json().id}`, headers });
  assert.deepEqual(sorted(projectGet.json()), [...PROJECT_COLUMNS, 'image'].sort());
});

test('a created project has Gauzy\'s column defaults (budgetType cost, status open) and a generated imageUrl from the name\'s initials', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  // Real answer to {"name":"probe-org",organizationId}: "budgetType":"cost","status":"open",
  // "imageUrl":"https://dummyimage.com/330x300/269aff/ffffff.jpg&text=P" (the colour is a random one of four).
  const res = await s.app.inject({ method: 'POST', url: '/api/organization-projects', headers, payload: { name: 'probe-org', organizationId: s.seed.organizationId } });
  const project = res.json();
  assert.equal(project.budgetType, 'cost');
  assert.equal(project.status, 'open');
  assert.match(project.imageUrl, /^https:\/\/dummyimage\.com\/330x300\/(269aff|ffaf26|8b72ff|0ecc9D)\/ffffff\.jpg&text=P$/);
  const two = await s.app.inject({ method: 'POST', url: '/api/organization-projects', headers, payload: { name: 'Mobile app rewrite', organizationId: s.seed.organizationId, imageUrl: undefined } });
  assert.match(two.json().imageUrl, /&text=MA$/);
  const given = await s.app.inject({ method: 'POST', url: '/api/organization-projects', headers, payload: { name: 'Own image', budgetType: 'hours', organizationId: s.seed.organizationId, imageUrl: 'https://example.com/x.png' } });
  assert.equal(given.json().imageUrl, 'https://example.com/x.png');
  assert.equal(given.json().budgetType, 'hours');
});
