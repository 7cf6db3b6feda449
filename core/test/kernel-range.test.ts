import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { definePlugin, defineTool, isGauzyMcpError, KERNEL_API_VERSION, ok, validatePlugin, type PluginDefinition } from '../src/index.js';
import { isValidRange, satisfies } from '../src/semver-range.js';

const pluginFor = (kernel: unknown): PluginDefinition =>
  definePlugin({
    name: 'range-check',
    version: '1.0.0',
    description: 'Test plugin.',
    kernel: kernel as string,
    toolsets: [{ name: 'range', description: 'Range.' }],
    tools: [defineTool({ name: 'range_tool', title: 'Range', description: 'A tool.', toolset: 'range', effect: 'read', session: false, routes: [], input: z.object({}), handler: async () => ok({}, 'ok') })],
  });

function refusal(kernel: unknown): string {
  try {
    validatePlugin(pluginFor(kernel));
  } catch (error) {
    assert.ok(isGauzyMcpError(error) && error.code === 'GMCP_ERR_PLUGIN_INVALID', String(error));
    return error.message;
  }
  return assert.fail(`kernel ${JSON.stringify(kernel)} was accepted`);
}

test('the kernel states its API version as semver', () => {
  assert.equal(KERNEL_API_VERSION, '1.3.0');
});

test("a plugin whose kernel range excludes this kernel is refused, naming the plugin, its range and the kernel's version", () => {
  for (const range of ['^2.0.0', '~0.9.0', '2.x', '>=1.4.0', '<1.0.0', '^0.1.0 || ^2.0.0', '~1.0.0', '=1.0.0', '~1.2.0', '1.2.0']) {
    const message = refusal(range);
    assert.match(message, /range-check/);
    assert.ok(message.includes(`needs kernel API ${range}`), message);
    assert.ok(message.includes(`implements ${KERNEL_API_VERSION}`), message);
  }
});

test('a plugin whose kernel range includes this kernel loads', () => {
  for (const range of ['^1.0.0', '^1.1.0', '^1.2.0', '^1.3.0', '1.x', '1', '*', '~1.3.0', '1.3.0', '>=1.0.0 <2.0.0', '^0.9.0 || ^1.0.0', '>= 1.1.0', '=1.3.0', 'x']) {
    assert.doesNotThrow(() => validatePlugin(pluginFor(range)), range);
  }
});

test('a kernel field that is not a semver range is refused as such', () => {
  for (const garbage of ['latest', '', '^', '1.x.3', '>=abc', '^1.0.0 ||', 1, undefined]) {
    assert.match(refusal(garbage), /kernel must be a semver range/, String(garbage));
  }
});

test("satisfies() follows npm's reading of the range operators", () => {
  const cases: Array<[string, string, boolean]> = [
    ['1.2.3', '^1.0.0', true],
    ['2.0.0', '^1.0.0', false],
    ['0.2.5', '^0.2.3', true],
    ['0.3.0', '^0.2.3', false],
    ['0.0.3', '^0.0.3', true],
    ['0.0.4', '^0.0.3', false],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['1.9.0', '~1', true],
    ['1.2.0', '1.2.x', true],
    ['1.3.0', '1.2', false],
    ['1.3.0', '>1.2', true],
    ['1.2.9', '>1.2', false],
    ['1.2.9', '<=1.2', true],
    ['1.3.0', '<=1.2', false],
    ['1.0.0-beta.1', '^1.0.0', false],
    ['1.0.0-beta.2', '>=1.0.0-beta.1 <1.0.0', true],
    ['1.5.0', '>=1.0.0 <1.5.0', false],
    ['3.1.0', '^1.0.0 || ^3.0.0', true],
  ];
  for (const [version, range, expected] of cases) assert.equal(satisfies(version, range), expected, `${version} in ${range}`);
  assert.equal(isValidRange('^1.0.0 ||'), false);
  assert.equal(satisfies('not-a-version', '*'), false);
});
