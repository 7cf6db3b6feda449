import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { toOutcome } from '@gauzy-mcp/testkit';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { startStack, type Stack } from './helpers.js';

let stack: Stack;
before(async () => {
  stack = await startStack({ serviceAccount: true });
});
after(async () => {
  await stack?.close();
});

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

test('a configured service client gets a token by client credentials and acts as its Gauzy service account', async () => {
  const response = await fetch(`${stack.issuer}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic('reporting-bot', 'reporting-bot-secret-0123456789') },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'mcp.read', resource: stack.host.mcpUrl }).toString(),
  });
  const tokens = (await response.json()) as { access_token?: string; refresh_token?: string; scope?: string };
  assert.equal(response.status, 200, JSON.stringify(tokens));
  assert.equal(tokens.scope, 'mcp.read');
  assert.equal(tokens.refresh_token, undefined, 'client credentials get no refresh token');
  const client = new Client({ name: 'service', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(stack.host.mcpUrl), { requestInit: { headers: { authorization: `Bearer ${tokens.access_token}` } } }));
  try {
    assert.equal(toOutcome(await client.callTool({ name: 'list_projects', arguments: {} })).isError, false);
    const status = toOutcome(await client.callTool({ name: 'get_auth_status', arguments: {} }));
    assert.match(JSON.stringify(status.structured), new RegExp(stack.sandbox.seed.users.localAdmin.email));
    const write = await client.callTool({ name: 'create_task', arguments: { title: 'not allowed' } }).catch((error: Error) => error);
    assert.ok(write instanceof Error && /insufficient.scope.*mcp\.write/i.test(write.message), `a read-only service token cannot write: ${String(write)}`);
  } finally {
    await client.close();
  }
});

test('a wrong client secret is refused', async () => {
  const wrong = await fetch(`${stack.issuer}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic('reporting-bot', 'wrong-secret') },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'mcp.read', resource: stack.host.mcpUrl }).toString(),
  });
  assert.equal(wrong.status, 401);
  assert.equal(((await wrong.json()) as { error: string }).error, 'invalid_client');
});
