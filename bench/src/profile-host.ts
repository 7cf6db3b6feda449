// Where the host's time goes on one kind of call (issue #13: profile first). The sandbox and the client run in
// this process; the host runs alone in a child, serving every pack as the host benches do, and profiles itself
// (node:inspector) only while the calls run, so its profile holds nothing else. One call in flight,
// PROFILE_CALLS times (default 5,000), of PROFILE_TOOL (default get_server_info) with PROFILE_ARGS (JSON,
// default {}) over 2026-07-28 (or inside a 2025-06-18 session: PROFILE_ERA=session), or, with PROFILE_CONNECTIONS
// (say 16), autocannon's load for PROFILE_SECONDS (default 5); then the top functions by self time and the share
// of each area. The .cpuprofile is kept (PROFILE_DIR, default a temporary folder) for a flame graph (Chrome
// DevTools, speedscope). Against the bundled sandbox, or a real Gauzy: API_BASE_URL (and GAUZY_EMAIL,
// GAUZY_PASSWORD; default admin@ever.co/admin). Run: npm run bench:profile
import './require-current-build.js';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchGauzy, startBenchHost } from './bench-host.js';
import { JSON_HEADERS, modernHeaders, openSession, toolCall } from './modern-call.js';
import { percentile } from './results.js';

if (process.argv[2] === '--serve') {
  // The child: the host alone, against the Gauzy the parent named; its address over IPC, then it waits.
  const host = await startBenchHost(JSON.parse(process.env.PROFILE_GAUZY!));
  const inspector = new Session();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
  process.on('message', async (message: { do: 'start' } | { do: 'stop'; file: string }) => {
    if (message.do === 'start') await inspector.post('Profiler.start');
    else {
      const { profile } = await inspector.post('Profiler.stop');
      writeFileSync(message.file, JSON.stringify(profile));
      await host.close();
      process.exit(0);
    }
    process.send!({ done: message.do });
  });
  // The parent gone (it failed, or was stopped) is the end of this child too.
  process.on('disconnect', () => process.exit(1));
  process.send!({ url: host.mcpUrl });
} else {
  const tool = process.env.PROFILE_TOOL ?? 'get_server_info';
  const args = JSON.parse(process.env.PROFILE_ARGS ?? '{}') as Record<string, unknown>;
  const calls = Number(process.env.PROFILE_CALLS ?? 5000);
  const dir = process.env.PROFILE_DIR ?? mkdtempSync(join(tmpdir(), 'gauzy-mcp-profile-'));
  mkdirSync(dir, { recursive: true });
  const gauzy = await benchGauzy();
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--serve'], {
    env: { ...process.env, PROFILE_GAUZY: JSON.stringify({ url: gauzy.url, seed: gauzy.seed, isSandbox: gauzy.isSandbox }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const reply = () => new Promise<{ url?: string }>((resolve) => child.once('message', resolve));
  const url = new URL((await reply()).url!);
  const file = join(dir, `host-${tool}.cpuprofile`);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  // PROFILE_ERA=session: the same call inside a 2025-06-18 session.
  const inSession = process.env.PROFILE_ERA === 'session';
  const body = JSON.stringify(toolCall(tool, args, !inSession));
  const headers = { ...JSON_HEADERS, ...(inSession ? await openSession(url.href) : modernHeaders(tool)), 'content-length': String(Buffer.byteLength(body)) };
  const once = () =>
    new Promise<string>((resolve, reject) => {
      const sent = request(url, { method: 'POST', headers, agent }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => (response.statusCode === 200 && !text.includes('"isError":true') ? resolve(text) : reject(new Error(`${response.statusCode}: ${text.slice(0, 300)}`))));
      });
      sent.on('error', reject);
      sent.end(body);
    });
  // Warmed up first: the profile is of calls the host has served before, not of its first ones.
  for (let index = 0; index < Math.min(calls, 1000); index++) await once();
  child.send({ do: 'start' });
  await reply();
  const connections = Number(process.env.PROFILE_CONNECTIONS ?? 1);
  const latencies: number[] = [];
  let load = '';
  if (connections > 1) {
    // autocannon sets the length itself (a second content-length header is a 400).
    const { 'content-length': _length, ...loadHeaders } = headers;
    const result = await autocannon({ url: url.href, method: 'POST', connections, duration: Number(process.env.PROFILE_SECONDS ?? 5), headers: loadHeaders, body });
    if (result.non2xx || result.errors) throw new Error(`${result.non2xx} answers not 2xx, ${result.errors} errors`);
    load = `${connections} connections: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`;
  } else {
    for (let index = 0; index < calls; index++) {
      const started = performance.now();
      await once();
      latencies.push(performance.now() - started);
    }
    load = `${calls} calls one in flight: p50 ${percentile(latencies, 0.5).toFixed(3)} ms, p99 ${percentile(latencies, 0.99).toFixed(3)} ms`;
  }
  agent.destroy();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ do: 'stop', file });
  await exited;
  await gauzy.close();
  process.stdout.write(`${tool} against ${gauzy.isSandbox ? 'the sandbox' : gauzy.url}, ${load} (profiled)\n`);
  process.stdout.write(summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile));
  process.stdout.write(`profile: ${file}\n`);
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/**
 * Self time by function and by area, in ms, without the time the host sat waiting for the next request and
 * without this file's own frames in the child (the inspector session answering the profiler).
 */
function summarise(profile: CpuProfile): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const harness = (id: number | undefined): boolean => id !== undefined && (byId.get(id)!.callFrame.url.endsWith('/profile-host.ts') || harness(parentOf.get(id)));
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const ms = profile.timeDeltas[index]! / 1000;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)' || harness(id)) return;
    total += ms;
    const where = url.replace(/^.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^file:\/\/.*?\/(core|host|cli|plugins|auth|testkit)\//, '$1/');
    const name = `${functionName || '(anonymous)'} ${where || ''}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    const area = !url ? `(${functionName || 'native'})` : url.startsWith('node:') ? 'node' : (/^(@[^/]+\/[^/]+|[^/]+)/.exec(where)?.[1] ?? where);
    byArea.set(area, (byArea.get(area) ?? 0) + ms);
  });
  const top = (map: Map<string, number>, count: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, ms]) => `  ${ms.toFixed(1).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${name}`).join('\n');
  return `self time while serving, ${total.toFixed(0)} ms in all; by area:\n${top(byArea, 12)}\nby function:\n${top(byFunction, 25)}\n`;
}
