// stdio cold start (issue #13): from spawning `gauzy-mcp stdio` with every pack loaded to the first `tools/list`
// answer, against the sandbox, beside the time node itself takes to start and exit in the same run. Needs the
// built CLI (npm run build). Run: node --import tsx --conditions=gauzy-source bench/src/stdio-start.ts (from the
// root); `npm run bench` runs it too.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSandbox, loadSandboxEntities } from '@gauzy-mcp/testkit';
import { DEFAULT_PLUGIN_PACKAGES, importFromCli } from 'gauzy-mcp';
import { percentile, repeated, writeSuiteResult } from './results.js';

const RUNS = Number(process.env.BENCH_STDIO_RUNS ?? 9);
const bin = fileURLToPath(new URL('../../cli/bin/gauzy-mcp.js', import.meta.url));
if (!existsSync(fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url)))) throw new Error('stdio-start needs the built CLI: run npm run build first');

const sandbox = await createSandbox({ seed: 'demo', entities: await loadSandboxEntities(DEFAULT_PLUGIN_PACKAGES, importFromCli) });
const admin = sandbox.seed.users.superAdmin;
const env = { ...process.env, API_BASE_URL: sandbox.url, GAUZY_AUTH_EMAIL: admin.email, GAUZY_AUTH_PASSWORD: admin.password, GAUZY_MCP_TOOLSETS: 'all', LOG_LEVEL: 'error' };
const messages = [
  { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 2, method: 'tools/list' },
];

/** Milliseconds from spawn to the `tools/list` answer (or to exit, for the bare node baseline), and the tools listed. */
function run(args: string[], untilToolsList: boolean): Promise<{ ms: number; tools: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', 'ignore'] });
    let buffered = '';
    child.on('error', reject);
    if (!untilToolsList) {
      child.on('exit', () => resolve({ ms: performance.now() - started, tools: 0 }));
      return;
    }
    child.stdin.write(messages.map((message) => JSON.stringify(message)).join('\n') + '\n');
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const message = JSON.parse(line) as { id?: number; result?: { tools?: unknown[] }; error?: unknown };
        if (message.id !== 2) continue;
        const ms = performance.now() - started;
        child.kill();
        if (!message.result?.tools) return reject(new Error(`tools/list failed: ${line.slice(0, 300)}`));
        return resolve({ ms, tools: message.result.tools.length });
      }
    });
  });
}

await run([bin, 'stdio'], true);
const stdio: number[] = [];
const bareNode: number[] = [];
let tools = 0;
for (let index = 0; index < RUNS; index++) {
  bareNode.push((await run(['-e', ''], false)).ms);
  const measured = await run([bin, 'stdio'], true);
  stdio.push(measured.ms);
  tools = measured.tools;
}
await sandbox.close();

const result = { suite: 'stdio-start', runs: RUNS, tools, stdioMs: repeated(stdio), stdioMaxMs: Math.round(percentile(stdio, 1)), bareNodeMs: repeated(bareNode), ratioToBareNode: Math.round((repeated(stdio).median / repeated(bareNode).median) * 100) / 100 };
writeSuiteResult(result);
process.stderr.write(`stdio cold start to the first tools/list answer (${tools} tools): median ${result.stdioMs.median} ms, max ${result.stdioMaxMs} ms over ${RUNS} runs; node alone starts and exits in ${result.bareNodeMs.median} ms (${result.ratioToBareNode}×)\n`);
