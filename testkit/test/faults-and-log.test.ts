import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSandbox } from '../src/index.js';
import { WORK_ENTITIES } from './work-entities.js';

test('fault injection over a real port: 503 twice then success, reset, delay; request log', async (t) => {
  const s = await createSandbox({ entities: WORK_ENTITIES });
  t.after(() => s.close());
  const login = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@ever.co', password: 'admin' }) });
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, 'tenant-id': s.seed.tenantId };
  const url = `${s.url}/api/tasks?where[organizationId]=${s.seed.organizationId}&relations[]=project`;

  s.faults.add({ path: '/api/tasks', status: 503, times: 2, headers: { 'retry-after': '1' } });
  const first = await fetch(url, { headers });
  assert.equal(first.status, 503);
  assert.equal(first.headers.get('retry-after'), '1');
  assert.equal((await fetch(url, { headers })).status, 503);
  assert.equal((await fetch(url, { headers })).status, 200);

  s.faults.add({ path: /^\/api\/tasks$/, reset: true });
  await assert.rejects(fetch(url, { headers }));

  s.faults.add({ method: 'GET', path: '/api/tasks', delayMs: 30 });
  const delayed = await fetch(url, { headers });
  assert.equal(delayed.status, 200);

  s.clearRequests();
  await fetch(url, { headers });
  const rec = s.requests.at(-1)!;
  assert.equal(rec.method, 'GET');
  assert.equal(rec.path, '/api/tasks');
  assert.deepEqual(rec.query, { where: { organizationId: s.seed.organizationId }, relations: ['project'] });
  assert.equal(rec.headers.authorization, 'Bearer <redacted>');
  assert.equal(rec.headers['tenant-id'], s.seed.tenantId);
  assert.equal(rec.status, 200);
  assert.equal((rec.responseBody as { total: number }).total, 12);
});
