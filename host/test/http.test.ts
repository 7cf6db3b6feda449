import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connectHttp, createSandbox, startTestHost, type Sandbox } from './helpers.js';
import type { RunningHost } from '../src/index.js';

describe('Streamable HTTP: the SDK client against the host', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    // Every toolset: get_server_info is in diagnostics, which is not a default one.
    host = await startTestHost(sandbox, { inventory: { toolsets: ['all'] } });
  });
  after(async () => {
    await host.close();
    await sandbox.close();
  });

  for (const protocol of ['2026-07-28', '2025-06-18', '2025-11-25'] as const) {
    test(`${protocol}: negotiates, lists every tool, and calls tools that read and write Gauzy`, async () => {
      const client = await connectHttp(host.mcpUrl, protocol);
      try {
        assert.equal(client.protocolVersion, protocol);
        const { tools } = await client.client.listTools();
        assert.equal(tools.length, host.toolCount);
        const projects = await client.call('list_projects', {});
        assert.equal(projects.isError, false, projects.text);
        assert.ok((projects.structured?.total as number) >= 4);
        const created = await client.call('create_task', { title: `From ${protocol}`, projectId: (projects.structured!.items as Array<{ id: string }>)[0]!.id });
        assert.equal(created.isError, false, created.text);
        const id = created.structured!.id as string;
        const stored = sandbox.db.get('task', id);
        assert.equal(stored?.title, `From ${protocol}`);
        const info = await client.call('get_server_info', {});
        assert.equal(info.structured?.transport, 'http');
      } finally {
        await client.close();
      }
    });
  }
});
