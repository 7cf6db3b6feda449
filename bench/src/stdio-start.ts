// stdio cold start (issue #13): from spawning `gauzy-mcp stdio` with every pack served to its first `tools/list`
// answer and to its first `tools/call` answer, against the sandbox, beside the time node itself takes to start and
// exit in the same run. Two kinds of start: with the answers a previous start kept (GAUZY_MCP_START_CACHE, the
// usual case: every start after the first with the same packages and config) and with none (the first start). Needs the
// built CLI (npm run build). Run: node --import tsx bench/src/stdio-start.ts (from the
// root); `npm run bench` runs it too.
import './require-current-build.js';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox, loadSandboxEntities } from '@gauzy-mcp/testkit';
import { DEFAULT_PLUGIN_PACKAGES, importFromCli } from 'gauzy-mcp';
import { initializeRequest } from './modern-call.js';
import { percentile, repeated, writeSuiteResult } from './results.js';

const RUNS = Number(process.env.BENCH_STDIO_RUNS ?? 9);
const bin = fileURLToPath(new URL('../../cli/bin/gauzy-mcp.js', import.meta.url));
if (!existsSync(fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url)))) throw new Error('stdio-start needs the built CLI: run npm run build first');

const sandbox = await createSandbox({ seed: 'demo', entities: await loadSandboxEntities(DEFAULT_PLUGIN_PACKAGES, importFromCli) });
const admin = sandbox.seed.users.superAdmin;
const cacheDir = mkdtempSync(join(tmpdir(), 'gauzy-mcp-bench-start-'));
const env = { ...process.env, API_BASE_URL: sandbox.url, GAUZY_AUTH_EMAIL: admin.email, GAUZY_AUTH_PASSWORD: admin.password, GAUZY_MCP_TOOLSETS: 'all', LOG_LEVEL: 'error', GAUZY_MCP_START_CACHE: cacheDir };
const messages = [
  initializeRequest(1),
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 2, method: 'tools/list' },
  { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'get_server_info', arguments: {} } },
];

interface Start {
  /** Spawn to the `tools/list` answer. */
  listMs: number;
  /** Spawn to the `tools/call` answer: the kernel loaded and serving. */
  callMs: number;
  tools: number;
}

/** One start of the CLI, until it has answered the call; `keepUntil` holds it open after that (to keep its answers). */
function start(extraEnv: Record<string, string>, keepUntil?: () => boolean): Promise<Start> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, 'stdio'], { env: { ...env, ...extraEnv }, stdio: ['pipe', 'pipe', 'ignore'] });
    let buffered = '';
    let listMs = 0;
    let tools = 0;
    child.on('error', reject);
    child.stdin.write(messages.map((message) => JSON.stringify(message)).join('\n') + '\n');
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const message = JSON.parse(line) as { id?: number; result?: { tools?: unknown[]; isError?: boolean }; error?: unknown };
        if (message.id === 2) {
          listMs = performance.now() - started;
          if (!message.result?.tools) return reject(new Error(`tools/list failed: ${line.slice(0, 300)}`));
          tools = message.result.tools.length;
        }
        if (message.id !== 3) continue;
        const callMs = performance.now() - started;
        if (!message.result || message.result.isError) return reject(new Error(`tools/call failed: ${line.slice(0, 300)}`));
        const stop = () => (keepUntil && !keepUntil() ? setTimeout(stop, 20) : child.kill());
        stop();
        return resolve({ listMs, callMs, tools });
      }
    });
  });
}

function bareNode(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(performance.now() - started));
  });
}

const kept = () => readdirSync(cacheDir).some((name) => name.endsWith('.json'));
// The first start keeps its answers (once its kernel serves); the file cache is warm for both kinds after it.
await start({}, kept);
const withAnswers: Start[] = [];
const withoutAnswers: Start[] = [];
const bare: number[] = [];
for (let index = 0; index < RUNS; index++) {
  bare.push(await bareNode());
  withAnswers.push(await start({}));
  withoutAnswers.push(await start({ GAUZY_MCP_START_CACHE: 'off' }));
}
await sandbox.close();
rmSync(cacheDir, { recursive: true, force: true });

const list = withAnswers.map((run) => run.listMs);
const result = {
  suite: 'stdio-start',
  runs: RUNS,
  tools: withAnswers[0]!.tools,
  stdioMs: repeated(list),
  stdioMaxMs: Math.round(percentile(list, 1)),
  firstCallMs: repeated(withAnswers.map((run) => run.callMs)),
  firstStartListMs: repeated(withoutAnswers.map((run) => run.listMs)),
  firstStartCallMs: repeated(withoutAnswers.map((run) => run.callMs)),
  bareNodeMs: repeated(bare),
  ratioToBareNode: Math.round((repeated(list).median / repeated(bare).median) * 100) / 100,
};
writeSuiteResult(result);
process.stderr.write(
  `stdio cold start to the first tools/list answer (${result.tools} tools): median ${result.stdioMs.median} ms, max ${result.stdioMaxMs} ms over ${RUNS} runs ` +
    `(first tools/call ${result.firstCallMs.median} ms); with no answers kept: tools/list ${result.firstStartListMs.median} ms, tools/call ${result.firstStartCallMs.median} ms; ` +
    `node alone starts and exits in ${result.bareNodeMs.median} ms (${result.ratioToBareNode}×)\n`,
);
