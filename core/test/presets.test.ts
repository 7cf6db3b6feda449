import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { isGauzyMcpError } from '../src/errors.js';
import { validatePlugin } from '../src/plugin-validation.js';
import { callerEmployeeId, compilePreset, fillFromCaller } from '../src/presets.js';
import { ok } from '../src/results.js';
import { uuid } from '../src/schema.js';
import { definePlugin, defineTool, KERNEL_API_VERSION, type ToolDefinition } from '../src/tool.js';

// Preset names (a listed tool with some arguments fixed): what the kernel checks at load and fills at call time.
// The calls through an MCP client are in testkit/test/presets.test.ts.

const listRequests = defineTool({
  name: 'list_requests',
  title: 'List requests',
  description: 'Lists requests by employee and status.',
  toolset: 'requests',
  effect: 'read',
  input: z.object({ employeeId: uuid().optional(), status: z.enum(['REQUESTED', 'APPROVED']).optional() }),
  routes: ['GET /api/employee/me'],
  handler: async (args) => ok({ args }, ''),
});

test("a caller with no employee record is told so by a preset of their employee id, not handed someone's list", () => {
  const preset = compilePreset('get_my_requests', { employeeId: callerEmployeeId }, listRequests.input);
  const scope = { userId: 'u', tenantId: 't', organizationId: 'o', organizations: [] };
  assert.throws(
    () => fillFromCaller(preset, 'list_requests', {}, scope),
    (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_INVALID_ARGUMENTS') && /you have no employee record in this organization, so get_my_requests has nothing to show; call list_requests with employeeId/.test(JSON.stringify(error.details)),
  );
  assert.deepEqual(fillFromCaller(preset, 'list_requests', { take: 1 }, { ...scope, employeeId: 'e' }), { take: 1, employeeId: 'e' });
});

test('a plugin whose preset fixes an argument the tool lacks, a value its schema refuses, or nothing, is refused at load', () => {
  const withPresets = (presets: ToolDefinition['presets'], extra: Partial<ToolDefinition> = {}) =>
    definePlugin({ name: 'requests', version: '1.0.0', description: 'Requests.', kernel: KERNEL_API_VERSION, toolsets: [{ name: 'requests', description: 'Requests' }], tools: [{ ...listRequests, ...extra, presets }] });
  const refusal = (presets: ToolDefinition['presets'], extra?: Partial<ToolDefinition>) => {
    try {
      validatePlugin(withPresets(presets, extra));
    } catch (error) {
      return String((error as Error).message);
    }
    return 'accepted';
  };
  assert.match(refusal({ get_mine: { ownerId: callerEmployeeId } }), /preset "get_mine" fixes "ownerId", which the tool does not take/);
  assert.match(refusal({ get_mine: { status: 'CANCELLED' } }), /preset "get_mine" fixes "status" to "CANCELLED", which the tool's schema refuses/);
  assert.match(refusal({ get_mine: {} }), /preset "get_mine" fixes no argument/);
  assert.match(refusal({ 'Get-Mine': { status: 'REQUESTED' } }), /name "Get-Mine" must match/);
  assert.match(refusal({ list_requests: { status: 'REQUESTED' } }), /name "list_requests" is used twice/);
  assert.match(refusal({ get_mine: { employeeId: callerEmployeeId } }, { session: false }), /takes your employee id, which needs a session/);
  assert.equal(refusal({ get_mine: { status: 'APPROVED' } }), 'accepted');
});
