import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { z } from 'zod';
import { HOST_ENV_OVERRIDES, hostConfigSchema, loadHostConfig } from '../src/index.js';

// The env table is what the loader applies and what the operator guide prints: each entry must set exactly the
// keys it names, those keys must be the schema's, and no variable may be read outside it.

/** Every dotted key the schema has, the union's options included. */
function schemaKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const option of (node.oneOf as Array<Record<string, unknown>> | undefined) ?? []) walk(option, prefix);
    for (const [name, child] of Object.entries((node.properties as Record<string, Record<string, unknown>> | undefined) ?? {})) {
      keys.add(prefix + name);
      walk(child, `${prefix}${name}.`);
    }
  };
  walk(z.toJSONSchema(hostConfigSchema, { io: 'input' }) as Record<string, unknown>, '');
  return keys;
}

/** The dotted paths whose values differ between two plain configs (two levels, as the config has). */
function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const changed: string[] = [];
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [a, b] = [before[name], after[name]];
    const isSection = (value: unknown) => value !== undefined && typeof value === 'object' && value !== null && !Array.isArray(value);
    if ((isSection(a) || a === undefined) && isSection(b)) {
      for (const key of new Set([...Object.keys((a ?? {}) as object), ...Object.keys(b as object)])) {
        if (JSON.stringify((a as Record<string, unknown> | undefined)?.[key]) !== JSON.stringify((b as Record<string, unknown>)[key])) changed.push(`${name}.${key}`);
      }
    } else if (JSON.stringify(a) !== JSON.stringify(b)) changed.push(name);
  }
  return changed.sort();
}

test('each env override sets exactly the config keys it names, and they are keys of the schema', () => {
  const known = schemaKeys();
  const base = { identity: { mode: 'development' } };
  for (const override of HOST_ENV_OVERRIDES) {
    for (const key of override.keys) assert.ok(known.has(key), `${override.names.join(', ')}: ${key} is not a config key`);
    // '1' is a whole number, a true flag, a one-item list and a text alike; NODE_ENV counts only as production.
    const env = Object.fromEntries(override.names.map((name) => [name, name === 'NODE_ENV' ? 'production' : '1']));
    let after: Record<string, unknown> = structuredClone(base);
    override.apply(after, env);
    assert.deepEqual(changedKeys(base, after), [...override.keys].sort(), override.names.join(', '));
    after = structuredClone(base);
    override.apply(after, {});
    assert.deepEqual(after, base, `${override.names.join(', ')} unset changes nothing`);
  }
});

test('a variable is named once: in the table, and nowhere else in the config loader', () => {
  const names = HOST_ENV_OVERRIDES.flatMap((override) => override.names);
  assert.equal(new Set(names).size, names.length, 'no variable in two entries');
  const loader = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
  // GAUZY_MCP_CONFIG names the file itself, not a key.
  assert.deepEqual([...loader.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]), ['GAUZY_MCP_CONFIG']);
});

test('the loader applies the table: the file is overridden, whole numbers and flags are checked by name', () => {
  const { config } = loadHostConfig({
    input: { port: 1, gauzy: { baseUrl: 'http://127.0.0.1:9' } },
    env: { PORT: '4100', GAUZY_MCP_SESSION_BIND_IP: 'yes', GAUZY_AUTH_EMAIL: 'a@example.com', GAUZY_AUTH_PASSWORD: 'pw', GAUZY_MCP_TOOLSETS: 'projects, tasks' },
  });
  assert.equal(config.port, 4100);
  assert.equal(config.sessionBinding.ip, true);
  assert.deepEqual(config.inventory.toolsets, ['projects', 'tasks']);
  assert.deepEqual(config.identity.mode === 'development' && config.identity.accounts.map((account) => account.name), ['default']);
  assert.throws(() => loadHostConfig({ input: { gauzy: { baseUrl: 'http://127.0.0.1:9' } }, env: { GAUZY_MCP_RATE_LIMIT_MAX: '10k' } }), /GAUZY_MCP_RATE_LIMIT_MAX must be a whole number, not "10k"/);
  assert.throws(() => loadHostConfig({ input: { gauzy: { baseUrl: 'http://127.0.0.1:9' } }, env: { GAUZY_MCP_DEBUG: 'maybe' } }), /GAUZY_MCP_DEBUG must be true or false/);
});
