import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginAs, newSandbox } from './helpers.js';

test('login success shape and wrong password 401', async () => {
  const s = await newSandbox();
  const res = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@ever.co', password: 'admin' } });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(typeof body.token, 'string');
  assert.equal(typeof body.refresh_token, 'string');
  assert.equal(body.user.email, 'admin@ever.co');
  assert.equal(body.user.role.name, 'SUPER_ADMIN');
  assert.equal(body.user.tenantId, s.seed.tenantId);
  assert.equal(body.user.employee.id, s.seed.users.superAdmin.employeeId);
  assert.equal(body.user.hash, undefined);
  const claims = JSON.parse(Buffer.from(body.token.split('.')[1], 'base64url').toString());
  assert.equal(claims.role, 'SUPER_ADMIN');
  assert.equal(claims.exp - claims.iat, 86400);
  const bad = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@ever.co', password: 'wrong' } });
  assert.equal(bad.statusCode, 401);
  assert.deepEqual(bad.json(), { statusCode: 401, message: 'Unauthorized' });
  const invalid = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nope', password: '' } });
  assert.equal(invalid.statusCode, 400);
  assert.deepEqual(invalid.json().message, ['email must be an email', 'password should not be empty']);
});

test('refresh rotates; reusing the old refresh token → 401; logout revokes', async () => {
  const s = await newSandbox();
  const first = await loginAs(s, 'employee');
  const r1 = await s.app.inject({ method: 'POST', url: '/api/auth/refresh-token', payload: { refresh_token: first.refresh_token } });
  assert.equal(r1.statusCode, 200);
  assert.notEqual(r1.json().refresh_token, first.refresh_token);
  const reuse = await s.app.inject({ method: 'POST', url: '/api/auth/refresh-token', payload: { refresh_token: first.refresh_token } });
  assert.equal(reuse.statusCode, 401);
  const out = await s.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${r1.json().token}` }, payload: { refresh_token: r1.json().refresh_token } });
  assert.equal(out.statusCode, 200);
  assert.equal(out.body, '');
  const after = await s.app.inject({ method: 'POST', url: '/api/auth/refresh-token', payload: { refresh_token: r1.json().refresh_token } });
  assert.equal(after.statusCode, 401);
});

test('authenticated, user/me with employee+organization, user-organization lists orgs', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  assert.equal((await s.app.inject({ method: 'GET', url: '/api/auth/authenticated', headers })).body, 'true');
  assert.equal((await s.app.inject({ method: 'GET', url: '/api/auth/authenticated' })).body, 'false');
  const me = await s.app.inject({ method: 'GET', url: '/api/user/me?includeEmployee=true&includeOrganization=true&relations[]=role', headers: { authorization: headers.authorization } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().role.name, 'SUPER_ADMIN');
  assert.equal(me.json().employee.organization.name, 'Default Company');
  assert.equal(me.json().name, 'Super Admin');
  const orgs = await s.app.inject({ method: 'GET', url: `/api/user-organization?where[userId]=${s.seed.users.superAdmin.id}&relations[]=organization`, headers });
  assert.equal(orgs.statusCode, 200);
  const names = (orgs.json().items as Array<{ organization: { name: string } }>).map((i) => i.organization.name).sort();
  assert.deepEqual(names, ['Default Company', 'Demo Company 2']);
  assert.equal(orgs.json().total, 2);
});
