import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createSandbox } from './helpers.js';

const BIN = fileURLToPath(new URL('../bin/gauzy-mcp.js', import.meta.url));
const RECORDER = fileURLToPath(new URL('./fixtures/record-imports.mjs', import.meta.url));

test('stdio against a Gauzy loads neither the host, the authorization server, Fastify nor the sandbox', async () => {
  assert.ok(existsSync(new URL('../dist/main.js', import.meta.url)), 'cli/dist is missing: run "npm run setup" (install + build) first');
  const sandbox = await createSandbox({ seed: 'demo' });
  const scratch = mkdtempSync(join(tmpdir(), 'gauzy-mcp-footprint-'));
  const record = join(scratch, 'imports.txt');
  try {
    const { superAdmin } = sandbox.seed.users;
    const child = spawn(process.execPath, ['--import', RECORDER, BIN, 'stdio'], {
      env: { PATH: process.env.PATH, API_BASE_URL: sandbox.url, GAUZY_AUTH_EMAIL: superAdmin.email, GAUZY_AUTH_PASSWORD: superAdmin.password, GAUZY_MCP_LOG_LEVEL: 'warn', RECORD_IMPORTS_TO: record },
      // stdin closed: the server starts, signs in, announces itself and ends with its input.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 0, stderr);
    assert.match(stderr, /ready on stdio/);
    const loaded = new Set(readFileSync(record, 'utf8').split('\n').filter(Boolean));
    assert.ok(loaded.has('@gauzy-mcp/core'), 'the recorder saw the kernel load');
    for (const heavy of ['@gauzy-mcp/host', '@gauzy-mcp/auth', '@gauzy-mcp/testkit', 'oidc-provider', 'fastify']) assert.ok(!loaded.has(heavy), `stdio loaded ${heavy}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await sandbox.close();
  }
});
