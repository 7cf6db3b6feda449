import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { RunningHost } from '../src/index.js';
import { createSandbox, startTestHost, type Sandbox } from './helpers.js';

const resolveDev = (specifier: string): string => {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    throw new Error(`${specifier} is missing: run the install (npm run setup); it is a dev dependency of @gauzy-mcp/host`);
  }
};
const BASELINE = fileURLToPath(new URL('../conformance-baseline.yml', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/conformance-plugin.ts', import.meta.url));

async function runSuite(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  // The suite needs Node ≥ 22 (it uses fs.globSync); the npm package node@24 brings one as a dev dependency.
  const child = spawn(resolveDev('node/bin/node'), [resolveDev('@modelcontextprotocol/conformance/dist/index.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output };
}

describe('the official MCP conformance suite against the host', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  let scratch: string;
  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'gauzy-mcp-conformance-'));
    sandbox = await createSandbox({ seed: 'default' });
    // The suite opens a session per scenario and many requests in all: the rate limit is not under test here.
    host = await startTestHost(sandbox, { plugins: [FIXTURES], limits: { rateLimitMax: 1_000_000 } });
  });
  after(async () => {
    await host?.close();
    await sandbox?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  for (const suite of ['active', 'all'] as const) {
    test(`server mode, ${suite} scenarios: every one passes (baseline: host/conformance-baseline.yml)`, async () => {
      const { code, output } = await runSuite(['server', '--url', host.mcpUrl, '--suite', suite, '--expected-failures', BASELINE], scratch);
      const summary = output.slice(output.indexOf('=== SUMMARY ==='));
      assert.equal(code, 0, summary || output.slice(-4000));
      const total = /Total: (\d+) passed, (\d+) failed/.exec(summary);
      assert.ok(total, summary);
      assert.equal(total[2], '0', summary);
      assert.ok(Number(total[1]) >= 39, summary);
      assert.doesNotMatch(summary, /✗/);
    });
  }
});
