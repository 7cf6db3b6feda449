import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '@gauzy-mcp/testkit';
import { until } from '@gauzy-mcp/testkit';
import { createSandbox } from './helpers.js';

// `gauzy-mcp stdio` answers a client's initialize and tools/list from what its previous start kept, before its
// kernel has loaded, then hands the connection to the kernel. Through the built CLI, as a client would start it.

const BIN = fileURLToPath(new URL('../bin/gauzy-mcp.js', import.meta.url));
const OPENING = [
  { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'e2e', version: '1' } } },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 2, method: 'tools/list' },
  { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'get_session_info', arguments: {} } },
];

let sandbox: Sandbox;
let scratch: string;
before(async () => {
  assert.ok(existsSync(new URL('../dist/main.js', import.meta.url)), 'cli/dist is missing: run "npm run setup" (install + build) first');
  sandbox = await createSandbox({ seed: 'demo' });
  scratch = mkdtempSync(join(tmpdir(), 'gauzy-mcp-early-e2e-'));
});
after(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await sandbox.close();
});

/** One start: the answers to the opening, by id, and what it said on stderr; `stayUntil` keeps it running after. */
async function start(env: Record<string, string | undefined>, stayUntil?: () => boolean): Promise<{ answers: Map<number, string>; stderr: string }> {
  const { superAdmin } = sandbox.seed.users;
  const given = { PATH: process.env.PATH, API_BASE_URL: sandbox.url, GAUZY_AUTH_EMAIL: superAdmin.email, GAUZY_AUTH_PASSWORD: superAdmin.password, GAUZY_MCP_LOG_LEVEL: 'warn', ...env };
  const child = spawn(process.execPath, [BIN, 'stdio'], {
    env: Object.fromEntries(Object.entries(given).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stdin.write(OPENING.map((message) => `${JSON.stringify(message)}\n`).join(''));
  const answers = () => new Map(stdout.split('\n').filter(Boolean).map((text) => [(JSON.parse(text) as { id: number }).id, text]));
  await until("the call's answer", () => answers().has(3), 30_000);
  if (stayUntil) await until('the start to keep its answers', stayUntil, 30_000);
  // The client is done: stdin ends and the server drains and exits.
  child.stdin.end();
  await new Promise((resolve) => child.on('exit', resolve));
  return { answers: answers(), stderr };
}

const keptFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : []);

test('a second start answers initialize and tools/list as the first one did, and the call after them still works', async () => {
  const dir = join(scratch, 'repeat');
  const first = await start({ GAUZY_MCP_START_CACHE: dir }, () => keptFiles(dir).length === 1);
  const kept = readFileSync(join(dir, keptFiles(dir)[0]!), 'utf8');
  const second = await start({ GAUZY_MCP_START_CACHE: dir });
  for (const id of [1, 2]) assert.equal(second.answers.get(id), first.answers.get(id), `answer ${id}`);
  assert.ok(!(JSON.parse(second.answers.get(3)!) as { result: { isError?: boolean } }).result.isError, second.answers.get(3));
  assert.doesNotMatch(second.stderr, /out of date/);
  assert.equal(readFileSync(join(dir, keptFiles(dir)[0]!), 'utf8'), kept, 'unchanged answers are not written again');
});

test('answers that went stale under the same key are served once, said on stderr, and replaced', async () => {
  const dir = join(scratch, 'stale');
  await start({ GAUZY_MCP_START_CACHE: dir }, () => keptFiles(dir).length === 1);
  const file = join(dir, keptFiles(dir)[0]!);
  const right = readFileSync(file, 'utf8');
  assert.ok(right.includes('get_session_info'));
  // What a package rebuilt in place without the key noticing would look like: a tool renamed.
  writeFileSync(file, right.replaceAll('get_session_info', 'get_session_inf0'));
  const served = await start({ GAUZY_MCP_START_CACHE: dir }, () => readFileSync(file, 'utf8') === right);
  assert.match(served.answers.get(2)!, /get_session_inf0/, 'the early answer came from the kept file');
  assert.match(served.stderr, /out of date/);
  const after = await start({ GAUZY_MCP_START_CACHE: dir });
  assert.doesNotMatch(after.answers.get(2)!, /get_session_inf0/);
});

test('nothing is kept with GAUZY_MCP_START_CACHE=off, nor against the bundled sandbox (its address changes each start)', async () => {
  const dir = join(scratch, 'never');
  await start({ GAUZY_MCP_START_CACHE: 'off', XDG_CACHE_HOME: dir, HOME: dir });
  await start({ API_BASE_URL: undefined, GAUZY_AUTH_EMAIL: undefined, GAUZY_AUTH_PASSWORD: undefined, GAUZY_MCP_START_CACHE: dir });
  // Both have served a call, so a start that kept answers would have had time to write them.
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(keptFiles(dir), []);
  assert.ok(!existsSync(join(dir, 'gauzy-mcp')));
});
