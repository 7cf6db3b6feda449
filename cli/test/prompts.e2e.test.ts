import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';

// Issue #14: the product's example prompts through an MCP client over stdio, as `gauzy-mcp prompts` plays
// them (operators run the same command against their own Gauzy with API_BASE_URL; see the README).

const BIN = new URL('../bin/gauzy-mcp.js', import.meta.url).pathname;

async function prompts(args: string[] = []): Promise<{ code: number | null; stdout: string }> {
  const { API_BASE_URL: _drop, GAUZY_AUTH_EMAIL: _e, GAUZY_AUTH_PASSWORD: _p, ...env } = process.env;
  const child = spawn(process.execPath, [BIN, 'prompts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout };
}

test('the example prompts, played over stdio against the sandbox, are each answered by the text in at most three calls', async () => {
  const { code, stdout } = await prompts();
  assert.equal(code, 0, stdout);
  assert.match(stdout, /4 of 4 prompts answered/);
  for (const prompt of ['show all high-priority tasks due this week', 'who worked the most hours on the platform project?', 'start tracking time on the login task', 'show me all active projects and their current status']) {
    const section = stdout.split(`# ${prompt} — `)[1]?.split('\n# ')[0] ?? '';
    assert.match(section, /^answered/, `${prompt}:\n${section}`);
    const calls = section.split('\n').filter((line) => line.startsWith('> ') && !line.startsWith('> stop_timer'));
    assert.ok(calls.length >= 1 && calls.length <= 3, `${prompt}: ${calls.length} calls`);
  }
  assert.match(stdout, /due \d{4}-\d{2}-\d{2}/, 'due dates in the text');
  assert.match(stdout, /By employee:\n- [^\n]+ \(id [0-9a-f-]{36}\): [\d.]+ h/, 'names and hours in the text');
});

test('a prompt the text does not answer is reported, and the command fails', async () => {
  const { code, stdout } = await prompts(['--project', 'no-such-project-anywhere']);
  assert.equal(code, 1);
  assert.match(stdout, /who worked the most hours on the no-such-project-anywhere project\? — FAILED: no project named like/);
  assert.match(stdout, /3 of 4 prompts answered/);
});
