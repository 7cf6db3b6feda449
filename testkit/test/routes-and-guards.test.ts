import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findGauzyRoute, gauzyRoutes, sandboxRoutes } from '../src/index.js';
import { signJwt } from '../src/jwt.js';
import { loginAs, newSandbox } from './helpers.js';
import { WORK_ENTITIES } from './work-entities.js';

test('every served route exists in the Gauzy route table with that method', () => {
  const served = sandboxRoutes({ entities: WORK_ENTITIES });
  assert.ok(served.length >= 50);
  for (const r of served) {
    assert.ok(gauzyRoutes.some((g) => g.method === r.method && g.path === r.path && !g.shadowedBy), `${r.method} ${r.path}`);
  }
  assert.equal(findGauzyRoute('DELETE', '/api/tasks/:taskId')?.permissions.join(','), 'ALL_ORG_EDIT,ORG_TASK_DELETE');
  assert.equal(findGauzyRoute('GET', '/api/tasks/me')?.path, '/api/tasks/me');
});

test('unknown route → Nest 404 body', async () => {
  const s = await newSandbox();
  const res = await s.app.inject({ method: 'GET', url: '/api/xyz' });
  assert.equal(res.statusCode, 404);
  assert.deepEqual(res.json(), { message: 'Cannot GET /api/xyz', error: 'Not Found', statusCode: 404 });
});

test('401 without, with bad, with expired token and after expireAccessTokens()', async () => {
  const s = await buildWithSecret();
  const url = `/api/tasks?where[organizationId]=${s.seed.organizationId}`;
  const expect401 = async (headers: Record<string, string>) => {
    const res = await s.app.inject({ method: 'GET', url, headers: { 'tenant-id': s.seed.tenantId, ...headers } });
    assert.equal(res.statusCode, 401);
    assert.deepEqual(res.json(), { statusCode: 401, message: 'Unauthorized' });
  };
  await expect401({});
  await expect401({ authorization: 'Bearer not.a.jwt' });
  const past = Math.floor(Date.now() / 1000) - 100;
  await expect401({ authorization: `Bearer ${signJwt({ id: s.seed.users.superAdmin.id, iat: past - 10, exp: past }, 'fixed-secret')}` });
  const { headers } = await loginAs(s, 'superAdmin');
  assert.equal((await s.app.inject({ method: 'GET', url, headers })).statusCode, 200);
  s.expireAccessTokens();
  await expect401({ authorization: headers.authorization });
});

async function buildWithSecret() {
  const { buildSandboxApp } = await import('../src/index.js');
  return buildSandboxApp({ jwtSecret: 'fixed-secret', entities: WORK_ENTITIES });
}

test('tenant guard: wrong Tenant-Id 403; no header and no tenantId query 403; query tenantId passes', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  const url = `/api/tasks?where[organizationId]=${s.seed.organizationId}`;
  const forbidden = { statusCode: 403, message: 'Forbidden resource', error: 'Forbidden' };
  let res = await s.app.inject({ method: 'GET', url, headers: { ...headers, 'tenant-id': s.seed.otherTenant.tenantId } });
  assert.equal(res.statusCode, 403);
  assert.deepEqual(res.json(), forbidden);
  res = await s.app.inject({ method: 'GET', url, headers: { authorization: headers.authorization } });
  assert.equal(res.statusCode, 403);
  assert.deepEqual(res.json(), forbidden);
  res = await s.app.inject({ method: 'GET', url: `${url}&tenantId=${s.seed.tenantId}`, headers: { authorization: headers.authorization } });
  assert.equal(res.statusCode, 200);
});

test('missing where[organizationId] → 400 class-validator body', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  let res = await s.app.inject({ method: 'GET', url: '/api/organization-projects', headers });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(res.json(), { statusCode: 400, message: ['where should not be empty'], error: 'Bad Request' });
  res = await s.app.inject({ method: 'GET', url: '/api/tasks?where[projectId]=x', headers });
  assert.equal(res.statusCode, 400);
  assert.ok((res.json().message as string[]).includes('where.organizationId must be a UUID'));
  res = await s.app.inject({ method: 'GET', url: `/api/tasks?where[organizationId]=${s.seed.otherTenant.organizationId}`, headers });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(res.json().message, [`where.The user with ID ${s.seed.users.superAdmin.id} is not associated with the specified organization.`]);
});

test('non-UUID id 406, missing id 404', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  let res = await s.app.inject({ method: 'GET', url: '/api/tasks/not-a-uuid', headers });
  assert.equal(res.statusCode, 406);
  assert.deepEqual(res.json(), { statusCode: 406, message: 'Validation failed (valid uuid is expected)' });
  res = await s.app.inject({ method: 'GET', url: '/api/tasks/00000000-0000-4000-8000-000000000000', headers });
  assert.equal(res.statusCode, 404);
  assert.deepEqual(res.json(), { statusCode: 404, message: 'The requested record was not found' });
});

test('EMPLOYEE gets 403 on admin-only routes; permissions live on the role', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'employee');
  const task = s.db.list('task').find((t) => t.tenantId === s.seed.tenantId)!;
  let res = await s.app.inject({ method: 'DELETE', url: `/api/tasks/${task.id}`, headers });
  assert.equal(res.statusCode, 403);
  assert.deepEqual(res.json(), { statusCode: 403, message: 'Forbidden resource', error: 'Forbidden' });
  res = await s.app.inject({ method: 'GET', url: `/api/employee?where[organizationId]=${s.seed.organizationId}`, headers });
  assert.equal(res.statusCode, 403);
  const role = s.db.get('role', s.db.get('user', s.seed.users.employee.id)!.roleId as string)!;
  (role.permissions as string[]).push('ORG_EMPLOYEES_VIEW');
  res = await s.app.inject({ method: 'GET', url: `/api/employee?where[organizationId]=${s.seed.organizationId}`, headers });
  assert.equal(res.statusCode, 200);
});

test('other-tenant user cannot see Default Tenant rows', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, { email: 'admin@acme.test', password: 'acme-admin' });
  const res = await s.app.inject({ method: 'GET', url: `/api/tasks?where[organizationId]=${s.seed.otherTenant.organizationId}`, headers });
  assert.equal(res.statusCode, 200);
  const items = res.json().items as Array<{ tenantId: string }>;
  assert.equal(items.length, 1);
  assert.ok(items.every((t) => t.tenantId === s.seed.otherTenant.tenantId));
  const defaultTask = s.db.list('task').find((t) => t.tenantId === s.seed.tenantId)!;
  assert.equal((await s.app.inject({ method: 'GET', url: `/api/tasks/${defaultTask.id}`, headers })).statusCode, 404);
});
