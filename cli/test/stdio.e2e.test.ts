import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Inventory } from '@gauzy-mcp/core/internal';
import { createClient, wrapClient, type ProtocolRevision, type TestClient } from '@gauzy-mcp/testkit';
import { loadPlugins } from '../src/plugins.js';

const BIN = new URL('../../node_modules/.bin/gauzy-mcp', import.meta.url).pathname;

interface Spawned {
  mcp: TestClient;
  sandboxUrl: string;
  readyLine: string;
}

/** Spawns `gauzy-mcp stdio` exactly as Claude Desktop would: no API_BASE_URL, so the embedded sandbox. */
async function spawnStdio(protocol: ProtocolRevision, env: Record<string, string> = {}): Promise<Spawned> {
  assert.ok(existsSync(BIN), `${BIN} is missing: run "npm run setup" (install + build) first`);
  const { API_BASE_URL: _drop, GAUZY_AUTH_EMAIL: _e, GAUZY_AUTH_PASSWORD: _p, ...inherited } = process.env;
  const transport = new StdioClientTransport({ command: BIN, args: ['stdio'], env: { ...(inherited as Record<string, string>), GAUZY_MCP_LOG_LEVEL: 'warn', ...env }, stderr: 'pipe' });
  let stderr = '';
  const ready = new Promise<string>((resolve, reject) => {
    transport.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const line = stderr.split('\n').find((entry) => entry.includes('ready on stdio'));
      if (line) resolve(line);
    });
    setTimeout(() => reject(new Error(`no ready line on stderr; got: ${stderr}`)), 30_000).unref();
  });
  const client = createClient(protocol);
  await client.connect(transport);
  const readyLine = await ready;
  const sandboxUrl = /http:\/\/127\.0\.0\.1:\d+/.exec(readyLine)?.[0];
  assert.ok(sandboxUrl, `ready line names the sandbox URL: ${readyLine}`);
  return { mcp: wrapClient(client, () => client.close()), sandboxUrl, readyLine };
}

/** Reads the embedded sandbox directly over HTTP, as an independent observer of what the tools did. */
async function observer(baseUrl: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@ever.co', password: 'admin' }) });
  const { token, user } = (await login.json()) as { token: string; user: { tenantId: string } };
  return async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, 'tenant-id': user.tenantId } });
    assert.equal(response.status, 200, `${path} answered ${response.status}`);
    return response.json() as Promise<any>;
  };
}

for (const protocol of ['2025-06-18', '2026-07-28'] as const) {
  test(`stdio end to end as the demo admin, negotiating ${protocol}`, async () => {
    const { mcp, sandboxUrl, readyLine } = await spawnStdio(protocol);
    try {
      assert.equal(mcp.protocolVersion, protocol);
      assert.match(readyLine, /\d+ tools .* as admin@ever\.co/);
      const tools = await mcp.listAllTools();
      assert.ok(tools.length >= 40, `expected the default toolsets, got ${tools.length}`);
      assert.deepEqual(tools.map((tool) => tool.name), new Inventory(await loadPlugins()).tools.map((tool) => tool.name), 'the default toolsets, nothing named');
      assert.ok(!tools.some((tool) => tool.name === 'get_server_info'), 'diagnostics is not a default toolset');
      const get = await observer(sandboxUrl);

      const project = await mcp.call('create_project', { name: `Backend API ${protocol}`, billing: 'RATE', budgetType: 'hours', budget: 120 });
      assert.equal(project.isError, false, project.text);
      const projectId = String(project.structured!.id);
      const orgId = String(project.structured!.organizationId);
      const seenProject = await get(`/api/organization-projects/${projectId}`);
      assert.equal(seenProject.name, `Backend API ${protocol}`);

      const me = (await mcp.call('get_session_info', {})).structured!.identity as { employeeId: string };
      // The default toolsets create one task at a time (bulk_create_tasks is in the tasks-bulk toolset).
      const created = [];
      for (const task of [
        { title: 'Design the schema', projectId, priority: 'high', memberIds: [me.employeeId] },
        { title: 'Write the endpoints', projectId, status: 'in-progress', estimate: 7200 },
      ]) {
        const answer = await mcp.call('create_task', task);
        assert.equal(answer.isError, false, answer.text);
        created.push(answer);
      }
      const tasks = await get(`/api/tasks?where[organizationId]=${orgId}&where[projectId]=${projectId}&take=10`);
      assert.deepEqual(tasks.items.map((task: { title: string }) => task.title).sort(), ['Design the schema', 'Write the endpoints']);
      const taskId = String(created[0]!.structured!.id);

      const started = await mcp.call('start_timer', { projectId, taskId, description: 'schema work' });
      assert.equal(started.isError, false, started.text);
      const status = await mcp.call('timer_status', {});
      assert.equal(status.structured!.running, true, status.text);

      const stopped = await mcp.call('stop_timer', {});
      assert.equal(stopped.isError, false, stopped.text);
      assert.equal((await mcp.call('timer_status', {})).structured!.running, false);

      const logs = await mcp.call('get_time_logs', { projectIds: [projectId] });
      assert.equal(logs.isError, false, logs.text);
      const items = logs.structured!.items as Array<{ projectId: string; taskId: string; isRunning: boolean }>;
      assert.equal(items.length, 1);
      assert.equal(items[0]!.taskId, taskId);
      assert.equal(items[0]!.isRunning, false);
      const seenLogs = await get(`/api/timesheet/time-log?organizationId=${orgId}&projectIds[0]=${projectId}`);
      assert.equal(seenLogs.length, 1);
    } finally {
      await mcp.close();
    }
  });
}

test('stdio as employee@ever.co: admin-only calls come back as isError with Gauzy\'s 403, and the server keeps serving', async () => {
  const { mcp } = await spawnStdio('2026-07-28', { GAUZY_AUTH_EMAIL: 'employee@ever.co', GAUZY_AUTH_PASSWORD: '12345678' });
  try {
    const mine = await mcp.call('create_task', { title: 'Employee task' });
    assert.equal(mine.isError, false, mine.text);
    const denied = await mcp.call('delete_task', { id: String(mine.structured!.id) });
    assert.equal(denied.isError, true);
    assert.equal(denied.error?.code, 'GMCP_ERR_GAUZY_FORBIDDEN');
    assert.equal(denied.error?.status, 403);
    assert.deepEqual(denied.error?.gauzyMessages, ['Forbidden resource']);
    const projects = await mcp.call('list_projects', { take: 1 });
    const project = (projects.structured!.items as Array<{ id: string }>)[0]!;
    const deniedProject = await mcp.call('delete_project', { id: project.id });
    assert.equal(deniedProject.isError, true, deniedProject.text);
    assert.equal(deniedProject.error?.status, 403);
    const still = await mcp.call('get_my_tasks', {});
    assert.equal(still.isError, false, still.text);
    assert.ok((still.structured!.items as Array<{ title: string }>).some((task) => task.title === 'Employee task'));
  } finally {
    await mcp.close();
  }
});

test('stdio on the embedded sandbox: logout, then list_projects signs in again as the demo user; cleanup_sessions too', async () => {
  const { mcp } = await spawnStdio('2025-06-18');
  try {
    for (const logoutTool of ['logout', 'cleanup_sessions']) {
      const out = await mcp.call(logoutTool, {});
      assert.equal(out.isError, false, out.text);
      assert.match(out.text, /next tool call signs in again as admin@ever\.co/);
      const projects = await mcp.call('list_projects', {});
      assert.equal(projects.isError, false, `${logoutTool} then list_projects: ${projects.text}`);
      assert.ok((projects.structured!.total as number) > 0);
    }
  } finally {
    await mcp.close();
  }
});

test('stdio with API_BASE_URL and explicit credentials: logout, then list_projects signs in again as that account', async () => {
  const { createSandbox } = await import('./helpers.js');
  const gauzy = await createSandbox({ seed: 'demo' });
  const { mcp } = await spawnStdio('2026-07-28', { API_BASE_URL: gauzy.url, GAUZY_AUTH_EMAIL: 'employee@ever.co', GAUZY_AUTH_PASSWORD: '12345678' });
  try {
    for (const logoutTool of ['cleanup_sessions', 'logout']) {
      const out = await mcp.call(logoutTool, {});
      assert.equal(out.isError, false, out.text);
      assert.match(out.text, /next tool call signs in again as employee@ever\.co/);
      const projects = await mcp.call('list_projects', {});
      assert.equal(projects.isError, false, `${logoutTool} then list_projects: ${projects.text}`);
      const status = await mcp.call('get_auth_status', {});
      assert.equal((status.structured!.identity as { email: string }).email, 'employee@ever.co');
    }
    assert.equal(gauzy.requests.filter((request) => request.path === '/api/auth/logout').length, 2, 'each logout ended the Gauzy session');
  } finally {
    await mcp.close();
    await gauzy.close();
  }
});

test('stdio with GAUZY_MCP_TOOLSETS=all serves every toolset, a named list exactly those', async () => {
  const plugins = await loadPlugins();
  for (const [toolsets, expected] of [
    ['all', new Inventory(plugins, { toolsets: ['all'] })],
    ['diagnostics,session', new Inventory(plugins, { toolsets: ['diagnostics', 'session'] })],
  ] as const) {
    const { mcp, readyLine } = await spawnStdio('2026-07-28', { GAUZY_MCP_TOOLSETS: toolsets });
    try {
      assert.deepEqual((await mcp.listAllTools()).map((tool) => tool.name), expected.tools.map((tool) => tool.name), toolsets);
      assert.match(readyLine, new RegExp(`${expected.tools.length} tools`));
    } finally {
      await mcp.close();
    }
  }
});

test('stdio with GAUZY_MCP_CATALOG=true lists the meta-tools; enable_toolset adds a toolset, call_tool runs any served tool', async () => {
  const { mcp, readyLine } = await spawnStdio('2025-06-18', { GAUZY_MCP_CATALOG: 'true' });
  try {
    assert.match(readyLine, / in catalog mode /);
    assert.deepEqual((await mcp.listAllTools()).map((tool) => tool.name), ['search_tools', 'describe_tool', 'call_tool', 'list_toolsets', 'enable_toolset']);
    const projects = await mcp.call('call_tool', { name: 'list_projects', arguments: { take: 1 } });
    assert.equal(projects.isError, false, projects.text);
    assert.equal((await mcp.call('enable_toolset', { toolsets: ['tasks'] })).isError, false);
    assert.ok((await mcp.listAllTools()).some((tool) => tool.name === 'list_tasks'));
  } finally {
    await mcp.close();
  }
});

test('stdio with an unknown toolset exits at start, naming the known and the default toolsets on stderr', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(BIN, ['stdio'], { env: { ...process.env, API_BASE_URL: '', GAUZY_MCP_TOOLSETS: 'tasks,payroll' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const [code] = await once(child, 'exit');
  assert.equal(code, 1);
  assert.equal(stdout, '', 'nothing but JSON-RPC may reach stdout');
  assert.match(stderr, /GMCP_ERR_CONFIG_INVALID: .*unknown toolset "payroll"; known: .*\bcandidates\b.*\bdiagnostics\b.*\btime-tracking\b.* \(default: employees, projects, session, tasks, time-tracking\)/);
});

test('stdio with API_BASE_URL but no credentials explains what is missing on stderr and exits', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(BIN, ['stdio'], { env: { ...process.env, API_BASE_URL: 'http://127.0.0.1:9', GAUZY_AUTH_EMAIL: '', GAUZY_AUTH_PASSWORD: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const [code] = await once(child, 'exit');
  assert.equal(code, 2);
  assert.equal(stdout, '', 'nothing but JSON-RPC may reach stdout');
  assert.match(stderr, /GAUZY_AUTH_EMAIL and GAUZY_AUTH_PASSWORD/);
});

test('stdio serves while Gauzy is still checking the password: initialize and tools/list need no sign-in', { timeout: 30_000 }, async () => {
  const { createServer } = await import('node:http');
  // A Gauzy whose login never answers: the tools are still listed, and only calls wait for (or fail with) the sign-in.
  const held: Array<{ end(): void }> = [];
  let loginArrived!: () => void;
  const login = new Promise<void>((resolve) => (loginArrived = resolve));
  const gauzy = createServer((_request, response) => {
    held.push(response);
    loginArrived();
  });
  await new Promise<void>((resolve) => gauzy.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(gauzy.address() as { port: number }).port}`;
  const { API_BASE_URL: _drop, ...inherited } = process.env;
  const transport = new StdioClientTransport({ command: BIN, args: ['stdio'], env: { ...(inherited as Record<string, string>), API_BASE_URL: url, GAUZY_AUTH_EMAIL: 'someone@example.com', GAUZY_AUTH_PASSWORD: 'x', API_TIMEOUT: '120000', GAUZY_MCP_LOG_LEVEL: 'silent' }, stderr: 'pipe' });
  const client = createClient('2025-06-18');
  try {
    await client.connect(transport);
    const { tools } = await client.listTools();
    assert.ok(tools.some((tool) => tool.name === 'list_projects'));
    // The sign-in was asked for and is still unanswered (Gauzy here never answers it).
    await login;
  } finally {
    await client.close();
    for (const response of held) response.end();
    await new Promise((resolve) => gauzy.close(resolve));
  }
});
