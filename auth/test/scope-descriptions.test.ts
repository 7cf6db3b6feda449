import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client, StreamableHTTPClientTransport, type Tool } from '@modelcontextprotocol/client';
import { SCOPE_DESCRIPTIONS } from '../src/scopes.js';
import { authorizeUrl, CALLBACK, pkce, registerClient, signInAndConsent, startStack, tokenRequest, type Stack } from './helpers.js';

/**
 * The consent page's words for each scope (SCOPE_DESCRIPTIONS) are claims about the tools the host serves
 * with it. Every toolset of the bundled packs is served, and a token for each scope lists them.
 */
describe('what the consent page says each scope allows is what the host lists for it', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ toolsets: ['all'] });
  });
  after(async () => {
    await stack?.close();
  });

  /** Signs in through the auth server asking for `scope`, and lists every tool the host serves that token. */
  async function toolsFor(scope: string): Promise<Map<string, Tool>> {
    const client = await registerClient(stack.issuer);
    const pair = pkce();
    const callback = await signInAndConsent(authorizeUrl(stack.issuer, { client_id: client.client_id, code_challenge: pair.challenge, code_challenge_method: 'S256', resource: stack.host.mcpUrl, scope }), stack.sandbox.seed.users.employee);
    const tokens = await tokenRequest(stack.issuer, { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, code_verifier: pair.verifier, redirect_uri: CALLBACK, client_id: client.client_id, resource: stack.host.mcpUrl });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal(tokens.body.scope, scope);
    const mcp = new Client({ name: 'scope-descriptions', version: '1.0.0' });
    await mcp.connect(new StreamableHTTPClientTransport(new URL(stack.host.mcpUrl), { requestInit: { headers: { authorization: `Bearer ${tokens.body.access_token}` } } }));
    try {
      const tools = new Map<string, Tool>();
      let cursor: string | undefined;
      do {
        const page = await mcp.listTools(cursor ? { cursor } : {});
        for (const tool of page.tools) tools.set(tool.name, tool);
        cursor = page.nextCursor;
      } while (cursor);
      return tools;
    } finally {
      await mcp.close();
    }
  }

  test('mcp.read reads projects, tasks and time logs; mcp.write adds creating, changing and deleting; mcp.admin adds no bundled tool', async () => {
    const read = await toolsFor('mcp.read');
    const write = await toolsFor('mcp.read mcp.write');
    const admin = await toolsFor('mcp.read mcp.write mcp.admin');

    assert.match(SCOPE_DESCRIPTIONS['mcp.read'].summary, /projects, tasks and time logs/);
    for (const name of ['list_projects', 'get_my_tasks', 'get_time_logs']) assert.ok(read.has(name), `${name} is listed for mcp.read`);
    assert.ok([...read.values()].every((tool) => tool.annotations?.readOnlyHint === true), `"${SCOPE_DESCRIPTIONS['mcp.read'].detail}": every mcp.read tool is read-only`);

    const added = [...write.values()].filter((tool) => !read.has(tool.name));
    assert.ok([...read.keys()].every((name) => write.has(name)), 'mcp.write keeps every read tool');
    assert.ok(added.length > 0 && added.every((tool) => tool.annotations?.readOnlyHint !== true), 'mcp.write adds the tools that change things');
    for (const name of ['start_timer', 'stop_timer', 'add_manual_time_log', 'create_task', 'update_task']) assert.ok(write.has(name) && !read.has(name), `${name}: "${SCOPE_DESCRIPTIONS['mcp.write'].detail}"`);
    // destructiveHint is listed only where it differs from MCP's default (true for a tool that is not read-only).
    for (const name of ['delete_task', 'delete_time_logs']) assert.ok(write.has(name) && !read.has(name) && write.get(name)!.annotations?.destructiveHint !== false, `${name}: deleting comes with mcp.write`);

    assert.match(SCOPE_DESCRIPTIONS['mcp.admin'].detail, /No tool gauzy-mcp ships needs it/);
    assert.deepEqual([...admin.keys()].sort(), [...write.keys()].sort(), 'no bundled tool needs mcp.admin: the admin description must change when one does');
  });
});
