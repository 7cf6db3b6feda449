import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

// Issue #15 item 4: a CLI that helps. `stdio --help` used to start the server and `demo --help` to bind its
// ports; an unknown flag was ignored.

const MAIN = new URL('../src/main.ts', import.meta.url).pathname;
const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function run(...args: string[]) {
  return runWith({}, ...args);
}

function runWith(extra: Record<string, string>, ...args: string[]) {
  const { API_BASE_URL: _drop, ...env } = process.env;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=gauzy-source', MAIN, ...args], { env: { ...env, PORT: '1', ...extra }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('--version prints the version; --help and no command print the usage listing every command; both exit 0', () => {
  for (const flag of ['--version', '-v']) assert.deepEqual([run(flag).code, run(flag).stdout], [0, `${VERSION}\n`]);
  for (const args of [['--help'], ['help'], []]) {
    const { code, stdout } = run(...args);
    assert.equal(code, 0);
    for (const command of ['stdio', 'demo', 'serve', 'sandbox', 'tools', 'docs', 'prompts']) assert.match(stdout, new RegExp(`\\n  ${command} `));
  }
});

test('<command> --help says what the command does and starts nothing (stdio would serve, demo would bind a port)', () => {
  for (const command of ['stdio', 'demo', 'serve', 'sandbox']) {
    const { code, stdout, stderr } = run(command, '--help');
    assert.equal(code, 0, stderr);
    assert.match(stdout, new RegExp(`^Usage: gauzy-mcp ${command}`));
    assert.doesNotMatch(stderr, /ready|listening|EACCES/i, 'nothing was started');
  }
  assert.match(run('serve', '-h').stdout, /--auth-config <file>/);
});

test('an unknown command, an unknown option or a missing value says which and exits 2', () => {
  const unknown = run('strat');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^gauzy-mcp: unknown command "strat"/);
  const option = run('stdio', '--prot', '2025');
  assert.equal(option.code, 2);
  assert.match(option.stderr, /^gauzy-mcp stdio: unknown option "--prot"; it takes no options/);
  const serve = run('serve', '--conf', 'x.json');
  assert.match(serve.stderr, /^gauzy-mcp serve: unknown option "--conf"; it takes --config, --auth-config/);
  const missing = run('prompts', '--project');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^gauzy-mcp prompts: --project needs a value/);
  assert.equal(run('docs', '--write', '--check').code, 2);
});

test('stdio with an API_BASE_URL that has no scheme fails at start, saying the form to use', () => {
  const bad = runWith({ API_BASE_URL: 'gauzy.example.com', GAUZY_AUTH_EMAIL: 'a@b.c', GAUZY_AUTH_PASSWORD: 'x' }, 'stdio');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /API_BASE_URL "gauzy.example.com" is not a URL; give it with its scheme, e.g. https:\/\/gauzy.example.com/);
});

test("stdio's client config repeats the env it was started with, the password only as a placeholder (#15 item 9)", async () => {
  const { clientConfig } = await import('../src/commands/stdio.js');
  const config = clientConfig({ API_BASE_URL: 'https://gauzy.example.com', GAUZY_AUTH_EMAIL: 'ana@example.com', GAUZY_AUTH_PASSWORD: 'hunter2', GAUZY_MCP_TOOLSETS: 'default,reports', HOME: '/root' });
  assert.deepEqual(config.env, { API_BASE_URL: 'https://gauzy.example.com', GAUZY_AUTH_EMAIL: 'ana@example.com', GAUZY_AUTH_PASSWORD: '<your Gauzy password>', GAUZY_MCP_TOOLSETS: 'default,reports' });
  assert.ok(!JSON.stringify(config).includes('hunter2'), 'no secret printed');
  assert.deepEqual(config.args.at(-1), 'stdio');
  assert.equal(clientConfig({}).env, undefined);
});
