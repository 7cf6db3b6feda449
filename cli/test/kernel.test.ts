import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { Inventory } from '@gauzy-mcp/core/internal';
import { InMemoryTransport, type Server } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { connectInMemory, type Sandbox } from '@gauzy-mcp/testkit';
import { allPlugins, connect, createSandbox } from './helpers.js';

let sandbox: Sandbox;

before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
});
after(async () => {
  await sandbox.close();
});

/** A 2025-06-18 session spoken in raw JSON-RPC over an in-memory pair. */
async function rawSession(factory: () => Server) {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const handle = serveStdio(factory, { transport: serverSide });
  const pending = new Map<number, (message: unknown) => void>();
  clientSide.onmessage = (message) => pending.get((message as { id: number }).id)?.(message);
  await clientSide.start();
  let id = 0;
  const request = (method: string, params: Record<string, unknown>) =>
    new Promise<unknown>((resolve) => {
      const current = ++id;
      pending.set(current, resolve);
      void clientSide.send({ jsonrpc: '2.0', id: current, method, params });
    });
  await request('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } });
  await clientSide.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  return { request, close: async () => { await clientSide.close(); await handle.close(); } };
}

const countRequests = (method: string, path: string) => sandbox.requests.filter((request) => request.method === method && request.path === path).length;

test('bad arguments come back as isError naming each field, and nothing reaches Gauzy', async () => {
  const { client } = await connect(sandbox);
  try {
    sandbox.clearRequests();
    const result = await client.call('create_task', { title: '', status: 'OPEN', estimate: 'soon', projectId: 'not-a-uuid' });
    assert.equal(result.isError, true);
    assert.equal(result.error?.code, 'GMCP_ERR_INVALID_ARGUMENTS');
    assert.deepEqual([...(result.error?.fields ?? [])].sort(), ['estimate', 'projectId', 'status', 'title']);
    assert.match(result.text, /- status: /);
    assert.equal(countRequests('POST', '/api/tasks'), 0);
  } finally {
    await client.close();
  }
});

test('an unknown argument is refused, naming it and the arguments the tool takes, and nothing reaches Gauzy', async () => {
  const { client, kernel } = await connect(sandbox, { inventory: { toolsets: ['all'] } });
  try {
    sandbox.clearRequests();
    // Ignored, it would answer every project and the model would believe it had filtered.
    const result = await client.call('list_projects', { search: 'frontend', status: 'open' });
    assert.equal(result.isError, true, result.text);
    assert.equal(result.error?.code, 'GMCP_ERR_INVALID_ARGUMENTS');
    assert.deepEqual(result.error?.fields, ['search']);
    const accepted = Object.keys(kernel.inventory.get('list_projects')!.listing.inputSchema.properties as object);
    assert.ok(accepted.includes('status') && accepted.includes('organizationId'));
    assert.ok(result.text.includes(`- search: unknown argument; this tool takes ${accepted.join(', ')}`), result.text);
    assert.equal(countRequests('GET', '/api/organization-projects'), 0);

    // A tool without arguments says so; a misspelt field inside a bulk item is refused too.
    const none = await client.call('get_session_info', { verbose: true });
    assert.match(none.text, /- verbose: unknown argument; this tool takes no arguments/);
    const bulk = await client.call('bulk_update_tasks', { updates: [{ id: '00000000-0000-4000-8000-000000000001', titel: 'typo' }] });
    assert.equal(bulk.isError, true);
    assert.deepEqual(bulk.error?.fields, ['updates.0.titel']);
  } finally {
    await client.close();
  }
});

test('every listed input schema refuses what it does not name (additionalProperties: false)', async () => {
  for (const tool of new Inventory(await allPlugins(), { toolsets: ['all'] }).tools) assert.equal(tool.listing.inputSchema.additionalProperties, false, tool.name);
});

test('a 503 on a read is retried, then reported clearly; a create is not retried', async () => {
  const { client } = await connect(sandbox);
  try {
    await client.call('list_projects', {});
    sandbox.clearRequests();
    sandbox.faults.add({ method: 'GET', path: '/api/organization-projects', status: 503, times: 1 });
    const recovered = await client.call('list_projects', {});
    assert.equal(recovered.isError, false, recovered.text);
    assert.equal(countRequests('GET', '/api/organization-projects'), 2);

    sandbox.clearRequests();
    sandbox.faults.add({ method: 'GET', path: '/api/organization-projects', status: 503, times: Infinity });
    const failed = await client.call('list_projects', {});
    sandbox.faults.clear();
    assert.equal(failed.isError, true);
    assert.equal(failed.error?.code, 'GMCP_ERR_GAUZY_UNAVAILABLE');
    assert.match(failed.text, /unavailable \(HTTP 503\) after 3 attempt/);
    assert.equal(countRequests('GET', '/api/organization-projects'), 3);

    sandbox.clearRequests();
    sandbox.faults.add({ method: 'POST', path: '/api/organization-projects', status: 503, times: 1 });
    const create = await client.call('create_project', { name: 'Not twice' });
    sandbox.faults.clear();
    assert.equal(create.isError, true);
    assert.equal(countRequests('POST', '/api/organization-projects'), 1);
  } finally {
    await client.close();
  }
});

test('a reset connection on a read is retried', async () => {
  const { client } = await connect(sandbox);
  try {
    await client.call('list_tasks', {});
    sandbox.clearRequests();
    sandbox.faults.add({ method: 'GET', path: '/api/tasks', reset: true, times: 1 });
    const result = await client.call('list_tasks', {});
    assert.equal(result.isError, false, result.text);
  } finally {
    await client.close();
  }
});

test('token expiry mid-session: 20 concurrent calls share one refresh and keep the rotated refresh token', async () => {
  const { client, kernel } = await connect(sandbox);
  try {
    await client.call('list_tasks', {});
    assert.equal(kernel.session.refreshCount, 0);
    sandbox.expireAccessTokens();
    sandbox.clearRequests();
    const results = await Promise.all(Array.from({ length: 20 }, () => client.call('list_tasks', { take: 1 })));
    assert.deepEqual(results.filter((result) => result.isError).map((result) => result.text), []);
    assert.equal(countRequests('POST', '/api/auth/refresh-token'), 1);
    assert.equal(countRequests('POST', '/api/auth/login'), 0);
    assert.equal(kernel.session.refreshCount, 1);
    // The refresh token Gauzy rotated in is the one kept: a second expiry refreshes again without a new login.
    sandbox.expireAccessTokens();
    const again = await client.call('list_tasks', { take: 1 });
    assert.equal(again.isError, false, again.text);
    assert.equal(countRequests('POST', '/api/auth/refresh-token'), 2);
    assert.equal(countRequests('POST', '/api/auth/login'), 0);
  } finally {
    await client.close();
  }
});

test('when Gauzy refuses the refresh token, the session signs in again with the stored credentials', async () => {
  const { client, kernel } = await connect(sandbox);
  try {
    await client.call('list_tasks', { take: 1 });
    sandbox.expireAccessTokens();
    sandbox.faults.add({ method: 'POST', path: '/api/auth/refresh-token', status: 401, body: { statusCode: 401, message: 'Unauthorized' }, times: 1 });
    sandbox.clearRequests();
    const result = await client.call('list_tasks', { take: 1 });
    assert.equal(result.isError, false, result.text);
    assert.equal(countRequests('POST', '/api/auth/refresh-token'), 1);
    assert.equal(countRequests('POST', '/api/auth/login'), 1);
    assert.equal(kernel.session.signedIn, true);
  } finally {
    sandbox.faults.clear();
    await client.close();
  }
});

test('calls arriving together before the first sign-in share one login', async () => {
  const { client } = await connect(sandbox);
  try {
    sandbox.clearRequests();
    const results = await Promise.all(Array.from({ length: 5 }, () => client.call('list_tasks', { take: 1 })));
    assert.ok(results.every((result) => !result.isError));
    assert.equal(countRequests('POST', '/api/auth/login'), 1);
  } finally {
    await client.close();
  }
});

test('every Gauzy call carries the Tenant-Id header and the bearer token', async () => {
  const { client, user } = await connect(sandbox);
  try {
    sandbox.clearRequests();
    await client.call('list_projects', {});
    const request = sandbox.requests.find((entry) => entry.path === '/api/organization-projects');
    assert.ok(request);
    assert.equal(request.headers['tenant-id'], sandbox.seed.tenantId);
    assert.equal(request.headers.authorization, 'Bearer <redacted>');
    assert.equal((request.query as any).where.organizationId, sandbox.seed.organizationId);
    assert.ok(user.email);
  } finally {
    await client.close();
  }
});

test('organizationId may pick another organization of the user, never a foreign one', async () => {
  const { client } = await connect(sandbox);
  try {
    const other = await client.call('list_projects', { organizationId: sandbox.seed.secondOrganizationId });
    assert.equal(other.isError, false, other.text);
    const foreign = await client.call('list_projects', { organizationId: sandbox.seed.otherTenant.organizationId });
    assert.equal(foreign.isError, true);
    assert.equal(foreign.error?.code, 'GMCP_ERR_ORGANIZATION_NOT_ALLOWED');
    assert.deepEqual(foreign.error?.fields ?? ['organizationId'], ['organizationId']);
  } finally {
    await client.close();
  }
});

test('an unknown tool is a protocol error; the server keeps serving', async () => {
  const { client } = await connect(sandbox);
  try {
    await assert.rejects(client.call('no_such_tool', {}), /Unknown tool: no_such_tool/);
    assert.equal((await client.call('get_auth_status', {})).isError, false);
  } finally {
    await client.close();
  }
});

test('tools/list is deterministic and paginated with an opaque cursor; read-only mode lists reads only', async () => {
  const kernel = createKernel({ plugins: await allPlugins(), gauzyBaseUrl: sandbox.url, transport: 'memory', log: silentLogger, listPageSize: 7 });
  // The SDK client aggregates pages itself, so speak raw JSON-RPC to see the pages.
  const rpc = await rawSession(kernel.serverFactory);
  try {
    const first = (await rpc.request('tools/list', {})) as { result: { tools: Array<{ name: string }>; nextCursor?: string } };
    assert.equal(first.result.tools.length, 7);
    assert.ok(first.result.nextCursor);
    const names = [...first.result.tools.map((tool) => tool.name)];
    let cursor: string | undefined = first.result.nextCursor;
    while (cursor) {
      const page = (await rpc.request('tools/list', { cursor })) as { result: { tools: Array<{ name: string }>; nextCursor?: string } };
      names.push(...page.result.tools.map((tool) => tool.name));
      cursor = page.result.nextCursor;
    }
    assert.equal(names.length, kernel.inventory.tools.length);
    assert.deepEqual(names, [...names].sort());
    const bogus = (await rpc.request('tools/list', { cursor: 'bogus' })) as { error?: { code: number; message: string } };
    assert.equal(bogus.error?.code, -32602);
    assert.match(bogus.error!.message, /Invalid or expired cursor/);
  } finally {
    await rpc.close();
  }
  const { client: readOnly } = await connect(sandbox, { inventory: { readOnly: true } });
  try {
    const tools = await readOnly.listAllTools();
    assert.ok(tools.length > 0);
    assert.ok(tools.every((tool) => tool.annotations?.readOnlyHint === true));
    const write = await readOnly.call('create_project', { name: 'x' }).catch((error: Error) => error);
    assert.ok(write instanceof Error && /Unknown tool/.test(write.message));
  } finally {
    await readOnly.close();
  }
});

test('a wrong password is a clear sign-in error in every tool result, with no secret in it', async () => {
  const kernel = createKernel({ plugins: await allPlugins(), gauzyBaseUrl: sandbox.url, credentials: { email: 'admin@ever.co', password: 'wrong-password' }, transport: 'memory', log: silentLogger });
  const client = await connectInMemory(kernel.serverFactory);
  try {
    const result = await client.call('list_projects', {});
    assert.equal(result.isError, true);
    assert.equal(result.error?.code, 'GMCP_ERR_NOT_SIGNED_IN');
    assert.ok(!result.text.includes('wrong-password'));
  } finally {
    await client.close();
  }
});
