import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from '@modelcontextprotocol/client';
import { Browser, ScriptedOAuthClient, toOutcome } from '@gauzy-mcp/testkit';

const BIN = new URL('../../node_modules/.bin/gauzy-mcp', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'gauzy-mcp-demo-'));
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));

/** Starts `gauzy-mcp demo` as the README's start command does, and waits for the line that names the MCP URL. */
async function startDemo(): Promise<{ child: ChildProcess; mcpUrl: string; output: () => string }> {
  assert.ok(existsSync(BIN), `${BIN} is missing: run "npm run setup" (install + build) first`);
  const { API_BASE_URL: _a, GAUZY_AUTH_EMAIL: _e, GAUZY_AUTH_PASSWORD: _p, REDIS_URL: _r, ...inherited } = process.env;
  const child = spawn(BIN, ['demo'], { env: { ...inherited, PORT: '0', GAUZY_MCP_LOG_LEVEL: 'warn', GAUZY_MCP_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  const mcpUrl = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
      const match = /host ready: (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`demo exited (${code}) before it was ready:\n${stderr}`)));
  });
  return { child, mcpUrl, output: () => `${stdout}\n---stderr---\n${stderr}` };
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`gauzy-mcp demo: sandbox, auth server and host; an OAuth client connects with only the MCP URL; stops cleanly on ${signal}`, async () => {
    const demo = await startDemo();
    try {
      assert.match(demo.output(), /Client config \(Claude Code, Cursor, VS Code\): \{"mcpServers":\{"gauzy":\{"type":"http","url":"http:\/\/127\.0\.0\.1:\d+\/mcp"\}\}\}/);
      assert.match(demo.output(), /Sign in with the sandbox's demo account: admin@ever\.co/);
      for (const pin of ['2026-07-28', '2025-06-18'] as const) {
        // An OAuth-capable client with nothing but the MCP URL: discovery, registration, sign-in, consent.
        const browser = new Browser();
        const oauth = new ScriptedOAuthClient(browser, { email: 'admin@ever.co', password: 'admin' });
        const options = pin === '2026-07-28' ? { versionNegotiation: { mode: 'auto' as const } } : { versionNegotiation: { mode: 'legacy' as const }, supportedProtocolVersions: [pin] };
        const first = new StreamableHTTPClientTransport(new URL(demo.mcpUrl), { authProvider: oauth });
        await assert.rejects(new Client({ name: 'demo-test', version: '1.0.0' }, options).connect(first), UnauthorizedError);
        await first.finishAuth(oauth.callback!.searchParams);
        // The sign-in page says which Gauzy the user signs into: here, the bundled sandbox.
        assert.ok(browser.pages.some((html) => /bundled Gauzy sandbox/.test(html)), 'the sign-in page names the sandbox');
        const client = new Client({ name: 'demo-test', version: '1.0.0' }, options);
        await client.connect(new StreamableHTTPClientTransport(new URL(demo.mcpUrl), { authProvider: oauth }));
        assert.equal(client.getNegotiatedProtocolVersion(), pin);
        const projects = toOutcome(await client.callTool({ name: 'list_projects', arguments: {} }));
        assert.equal(projects.isError, false, projects.text);
        assert.ok((projects.structured?.total as number) >= 4);
        await client.close();
      }
    } finally {
      demo.child.kill(signal);
    }
    const [code] = await once(demo.child, 'exit');
    assert.equal(code, 0, demo.output());
    assert.equal(demo.output().split('---stderr---')[0]!.trim(), '', 'nothing on stdout');
  });
}
