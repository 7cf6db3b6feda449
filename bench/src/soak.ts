// Soak test: the remote host under mixed load for SOAK_SECONDS (default 600): 2026-07-28 stateless reads and
// writes, 2025-06-18 sessions opened and ended, WebSocket clients long-lived and churning, all at once, with the
// heap sampled after a full collection every 10 s. Passes (exit 0) when nothing failed that was not meant to and
// the heap ends within 5% of its warm-up figure. Run: npm run bench:soak (from the root).
//
// The host and the Gauzy sandbox run on this process's main thread, the clients in a worker thread of it: the
// clients get the second core instead of taking the host's event loop, and the main thread's heap (which is
// what is sampled) holds the host and the sandbox only.
import './require-current-build.js';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { JsonSchemaValidator, jsonSchemaValidator } from '@modelcontextprotocol/client';

const SAMPLE_EVERY_S = 10;
const FLAT_WITHIN = 0.05;
/** Long enough for the slowest honest answer under this load; past it a request counts as a hang. */
const REQUEST_TIMEOUT_MS = 30_000;
/** How long a sample waits for the requests in flight to finish before it is taken anyway. */
const QUIESCE_TIMEOUT_MS = 10_000;
/** Errors are counted without bound, but only this many distinct messages are kept (memory must stay flat here too). */
const KEPT_MESSAGES = 10;
const WORKERS = { modernReaders: 12, modernWriters: 4, sessions: 10, webSocketsLongLived: 4, webSocketsChurning: 2 };

const KINDS = {
  modernRead: '2026-07-28 reads',
  modernWrite: '2026-07-28 writes (create, update, delete)',
  sessionCall: '2025-06-18 session calls',
  sessionLifecycle: '2025-06-18 session open and end (initialize, initialized, DELETE)',
  webSocketCall: 'WebSocket calls',
  webSocketLifecycle: 'WebSocket connect and close',
} as const;
type Kind = keyof typeof KINDS;

/** Main thread to clients. */
type Command = { type: 'pause' } | { type: 'resume' } | { type: 'stop' };
/** Clients to main thread. */
type Report =
  | { type: 'started' }
  | { type: 'paused'; drained: boolean; requests: number; errors: number; heapUsedBytes: number }
  | { type: 'done'; figures: ClientFigures };

interface ClientFigures {
  kinds: Array<{ kind: string; requests: number; p50Ms: number; p99Ms: number; errors: number }>;
  requests: number;
  /** An ErrorLog's fields: what crosses the thread boundary is a plain copy. */
  errors: Pick<ErrorLog, 'count' | 'messages' | 'unkept'>;
  deliberate: { expected: number; answered: number };
  churn: { sessions: number; webSockets: number };
}

interface Sample {
  t: number;
  heapUsedBytes: number;
  /** C++ memory tied to the main thread's JavaScript objects (sockets, zlib, buffers): in RSS, not in the heap. */
  externalBytes: number;
  /** The clients' own heap (their thread's isolate), after their own collection: RSS holds it too. */
  clientsHeapUsedBytes: number;
  rssBytes: number;
  sessionsActive: number;
  webSocketsOpen: number;
}

/** Counted without bound; the first few distinct messages kept with their counts. */
class ErrorLog {
  count = 0;
  messages: Record<string, number> = {};
  unkept = 0;
  add(message: string): void {
    this.count++;
    const key = message.replace(/\s+/g, ' ').slice(0, 300);
    if (key in this.messages || Object.keys(this.messages).length < KEPT_MESSAGES) this.messages[key] = (this.messages[key] ?? 0) + 1;
    else this.unkept++;
  }
}

/**
 * Latencies in log-spaced buckets 2% wide, so a percentile is off by at most 2%: constant memory however long the
 * run (measure.ts keeps and sorts every latency, which over ten minutes would itself be a growing heap).
 */
class LatencyHistogram {
  private static readonly MIN_MS = 0.01;
  private static readonly RATIO = 1.02;
  private readonly counts = new Uint32Array(1000);
  count = 0;
  record(ms: number): void {
    const index = ms <= LatencyHistogram.MIN_MS ? 0 : Math.ceil(Math.log(ms / LatencyHistogram.MIN_MS) / Math.log(LatencyHistogram.RATIO));
    this.counts[Math.min(this.counts.length - 1, index)]!++;
    this.count++;
  }
  /** The bucket's upper bound: never lower than the latency seen. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const target = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let index = 0; index < this.counts.length; index++) {
      seen += this.counts[index]!;
      if (seen >= target) return Math.round(LatencyHistogram.MIN_MS * LatencyHistogram.RATIO ** index * 100) / 100;
    }
    return Infinity;
  }
}

const gaugeValue = (metric: { render(): string[] }, line = /./) =>
  metric
    .render()
    .filter((text) => !text.startsWith('#') && line.test(text))
    .reduce((sum, text) => sum + Number(text.slice(text.lastIndexOf(' ') + 1)), 0);

/** Main thread: the sandbox, the host, the samples and the report. */
async function soak(gc: () => void): Promise<void> {
  const { benchSandbox, startBenchHost } = await import('./bench-host.js');

  const seconds = Number(process.env.SOAK_SECONDS ?? 600);
  if (!(seconds > 0)) throw new Error(`SOAK_SECONDS must be a positive number of seconds, not ${process.env.SOAK_SECONDS}`);
  const warmupSeconds = Math.round(Math.min(seconds * 0.1, 30) * 10) / 10;

  const sandbox = await benchSandbox();
  const host = await startBenchHost(sandbox);
  // The sandbox records every request it serves, in this heap: left alone, that log would be the growth measured.
  const clearSandboxLog = setInterval(() => sandbox.clearRequests(), 1000);
  const errors = new ErrorLog();

  // On node 20, tsx's loader hooks serve the main thread only: the worker registers them itself before loading this file.
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const clients = new Worker(bootstrap, { eval: true, workerData: { mcpUrl: host.mcpUrl, wsUrl: `${host.url.replace(/^http/, 'ws')}/ws` } });
  const reports: Report[] = [];
  let onReport: (() => void) | undefined;
  let clientsFailed: Error | undefined;
  clients.on('message', (report: Report) => {
    reports.push(report);
    onReport?.();
  });
  clients.on('error', (error) => {
    clientsFailed = error;
    onReport?.();
  });
  const next = async <T extends Report['type']>(type: T, timeoutMs: number): Promise<Extract<Report, { type: T }> | undefined> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const at = reports.findIndex((report) => report.type === type);
      if (at >= 0) return reports.splice(at, 1)[0] as Extract<Report, { type: T }>;
      if (clientsFailed) throw clientsFailed;
      const left = deadline - performance.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        onReport = resolve;
        setTimeout(resolve, left).unref();
      });
      onReport = undefined;
    }
  };
  const send = (command: Command) => clients.postMessage(command);

  const samples: Sample[] = [];
  let started = 0;
  const elapsed = () => (performance.now() - started) / 1000;
  let pausedMs = 0;
  let progress = { requests: 0, errors: 0, heapUsedBytes: 0 };
  const sample = async (): Promise<Sample> => {
    sandbox.clearRequests();
    // Twice, a turn apart: WeakRef targets live to the end of the turn that read them, and finalizers run after a
    // collection, so what they release is collectable only by the second one. Then the lowest of three such
    // readings a little apart: sockets and timers of the last requests settle over a few turns, and one reading
    // taken before they did swung the heap by 10% in a 10-minute run.
    let memory = process.memoryUsage();
    for (let reading = 0; reading < 3; reading++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      gc();
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      const now = process.memoryUsage();
      if (reading === 0 || now.heapUsed < memory.heapUsed) memory = now;
    }
    return { t: Math.round(elapsed() * 10) / 10, heapUsedBytes: memory.heapUsed, externalBytes: memory.external, clientsHeapUsedBytes: progress.heapUsedBytes, rssBytes: memory.rss, sessionsActive: gaugeValue(host.metrics.sessions), webSocketsOpen: gaugeValue(host.metrics.webSockets) };
  };
  /**
   * Taken with the clients paused and nothing in flight: a leak is what stays when no request runs, and what a
   * few dozen requests hold at the moment of the collection would otherwise swing one sample by several percent.
   */
  const quiescentSample = async () => {
    const pausedAt = performance.now();
    send({ type: 'pause' });
    const paused = await next('paused', QUIESCE_TIMEOUT_MS + 5000);
    if (!paused?.drained) errors.add(`clients: requests still in flight ${QUIESCE_TIMEOUT_MS / 1000} s after a pause for a sample (a hang?)`);
    if (paused) progress = paused;
    samples.push(await sample());
    send({ type: 'resume' });
    pausedMs += performance.now() - pausedAt;
  };
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

  let figures: ClientFigures | undefined;
  let drained: Sample | undefined;
  let loadSeconds = 0;
  try {
    if (!(await next('started', 120_000))) throw new Error('the clients did not start within 120 s');
    started = performance.now();
    process.stderr.write(`[soak] ${seconds} s against ${host.mcpUrl} (warm-up ${warmupSeconds} s), node ${process.version}\n`);
    const sampleAt = [...new Set([warmupSeconds, ...Array.from({ length: Math.floor(seconds / SAMPLE_EVERY_S) }, (_, i) => (i + 1) * SAMPLE_EVERY_S), seconds])].sort((a, b) => a - b);
    let reported = 0;
    for (const at of sampleAt) {
      await sleep(Math.max(0, at * 1000 - (performance.now() - started)));
      await quiescentSample();
      if (elapsed() - reported >= 30 || at === seconds) {
        reported = elapsed();
        process.stderr.write(`[soak] ${at} s of ${seconds}: ${progress.requests} requests, ${progress.errors + errors.count} unexpected errors, heap ${mib(samples.at(-1)!.heapUsedBytes)} MiB\n`);
      }
    }
    loadSeconds = elapsed() - pausedMs / 1000;
    send({ type: 'stop' });
    figures = (await next('done', REQUEST_TIMEOUT_MS + 10_000))?.figures;
    if (!figures) errors.add(`clients: still busy ${(REQUEST_TIMEOUT_MS + 10_000) / 1000} s after the stop (a hang?)`);

    // Every client has ended its session or socket: the host should hold none (a socket is counted until its close handshake ends).
    for (let wait = 0; wait < 20 && (gaugeValue(host.metrics.sessions) > 0 || gaugeValue(host.metrics.webSockets) > 0); wait++) await sleep(100);
    drained = await sample();
    if (drained.sessionsActive > 0) errors.add(`host: still counts ${drained.sessionsActive} live sessions after every client ended its own`);
    if (drained.webSocketsOpen > 0) errors.add(`host: still counts ${drained.webSocketsOpen} open sockets after every client closed its own`);
  } finally {
    await clients.terminate();
    clearInterval(clearSandboxLog);
    await host.close();
    await sandbox.close();
  }
  const host5xx = gaugeValue(host.metrics.httpRequests, /status="5\d\d"/);

  // ---- Figures ----
  const warm = samples.find((candidate) => candidate.t >= warmupSeconds - 0.5) ?? samples[0]!;
  const end = samples.at(-1)!;
  const after = samples.filter((candidate) => candidate.t >= warm.t);
  const heaps = after.map((candidate) => candidate.heapUsedBytes);
  // Least squares over every post-warm-up sample: one odd sample (a collection that came late) moves it little,
  // so the verdict reads the fitted line's growth from warm-up to the end, not the last sample's.
  const fit = (() => {
    if (after.length < 2) return { slopePerSecond: 0, at: (_t: number) => warm.heapUsedBytes };
    const xs = after.map((candidate) => candidate.t);
    const ys = after.map((candidate) => candidate.heapUsedBytes);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const sxx = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
    const slopePerSecond = sxx === 0 ? 0 : xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0) / sxx;
    return { slopePerSecond, at: (t: number) => my + slopePerSecond * (t - mx) };
  })();
  const slopeKiBPerMin = Math.round((fit.slopePerSecond * 60) / 1024);
  const growth = (fit.at(end.t) - fit.at(warm.t)) / fit.at(warm.t);
  const lastSampleGrowth = (end.heapUsedBytes - warm.heapUsedBytes) / warm.heapUsedBytes;
  const flat = Math.abs(growth) <= FLAT_WITHIN;
  const unexpected = (figures?.errors.count ?? 0) + errors.count;
  const messages = { ...figures?.errors.messages, ...errors.messages };
  const kinds = (figures?.kinds ?? []).map((row) => ({ ...row, perSecond: Math.round(row.requests / loadSeconds) }));
  const requests = figures?.requests ?? progress.requests;
  const date = new Date().toISOString().slice(0, 10);
  const cores = availableParallelism();
  const passed = unexpected === 0 && flat;
  const result = {
    date,
    node: process.version,
    cores,
    seconds,
    loadSeconds: Math.round(loadSeconds * 10) / 10,
    workers: WORKERS,
    passed,
    requests,
    perSecond: Math.round(requests / loadSeconds),
    kinds,
    churn: figures?.churn,
    deliberateErrors: figures?.deliberate,
    unexpectedErrors: { count: unexpected, messages, messagesNotKept: (figures?.errors.unkept ?? 0) + errors.unkept },
    host5xx,
    heap: {
      warmupSeconds,
      warmup: { t: warm.t, heapUsedBytes: warm.heapUsedBytes, rssBytes: warm.rssBytes },
      end: { t: end.t, heapUsedBytes: end.heapUsedBytes, rssBytes: end.rssBytes },
      minHeapUsedBytes: Math.min(...heaps),
      maxHeapUsedBytes: Math.max(...heaps),
      growthPercent: Math.round(growth * 1000) / 10,
      lastSampleGrowthPercent: Math.round(lastSampleGrowth * 1000) / 10,
      flat,
      slopeKiBPerMin,
      afterClientsStopped: drained,
    },
    samples,
  };
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../results/soak.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);

  const lines = [
    `## Soak, ${date}, node ${process.version}, ${cores} cores, ${seconds} s`,
    '',
    `Host and Gauzy sandbox on the main thread, clients in a worker thread, load for ${result.loadSeconds} s: ${WORKERS.modernReaders} 2026-07-28 readers and ${WORKERS.modernWriters} writers (stateless POSTs), ${WORKERS.sessions} 2025-06-18 session workers (reads and writes; each session ended with DELETE after 20-59 calls), ${WORKERS.webSocketsLongLived} long-lived WebSocket clients and ${WORKERS.webSocketsChurning} churning ones (both eras). A write creates, updates and deletes a task.`,
    '',
    '| kind | requests | req/s | p50 ms | p99 ms | errors |',
    '|---|---|---|---|---|---|',
    ...kinds.map((row) => `| ${row.kind} | ${row.requests} | ${row.perSecond} | ${row.p50Ms} | ${row.p99Ms} | ${row.errors} |`),
    `| all | ${requests} | ${result.perSecond} | | | ${unexpected} |`,
    '',
    'The deliberate unknown-tool calls are in the counts of their kind (2026-07-28 reads, 2025-06-18 session calls) and not among its errors.',
    '',
    figures
      ? `Churn: ${figures.churn.sessions} sessions ended with DELETE, ${figures.churn.webSockets} WebSocket connections opened and closed. Deliberate errors (a call to an unknown tool, JSON-RPC -32602 expected): ${figures.deliberate.answered} of ${figures.deliberate.expected} answered as expected. Host 5xx answers: ${host5xx}.`
      : `The clients never reported their figures. Host 5xx answers: ${host5xx}.`,
    '',
    `Unexpected errors: ${unexpected}${unexpected ? '' : '.'}`,
    ...Object.entries(messages).map(([message, count]) => `- ${count}× ${message}`),
    ...(result.unexpectedErrors.messagesNotKept ? [`- ${result.unexpectedErrors.messagesNotKept} more with other messages`] : []),
    '',
    `Heap of the host and sandbox after gc(), clients paused: ${mib(warm.heapUsedBytes)} MiB at warm-up end (${warm.t} s), ${mib(end.heapUsedBytes)} MiB at the end (${end.t} s), min ${mib(Math.min(...heaps))}, max ${mib(Math.max(...heaps))} MiB; growth on the least-squares line ${growth >= 0 ? '+' : ''}${result.heap.growthPercent}% (${flat ? 'flat' : 'not flat'}: within ${FLAT_WITHIN * 100}% is flat; ${slopeKiBPerMin} KiB/min; last sample against warm-up ${lastSampleGrowth >= 0 ? '+' : ''}${result.heap.lastSampleGrowthPercent}%). Process RSS ${mib(warm.rssBytes)} → ${mib(end.rssBytes)} MiB.${drained ? ` After the clients stopped: heap ${mib(drained.heapUsedBytes)} MiB, ${drained.sessionsActive} sessions, ${drained.webSocketsOpen} sockets.` : ''}`,
    '',
    '| t s | heapUsed MiB | external MiB | clients heapUsed MiB | process rss MiB | sessions active | WebSockets open |',
    '|---|---|---|---|---|---|---|',
    ...samples.map((row) => `| ${row.t} | ${mib(row.heapUsedBytes)} | ${mib(row.externalBytes)} | ${mib(row.clientsHeapUsedBytes)} | ${mib(row.rssBytes)} | ${row.sessionsActive} | ${row.webSocketsOpen} |`),
    '',
    `**${passed ? 'Pass' : 'Fail'}**${passed ? '' : `: ${[unexpected ? `${unexpected} unexpected errors` : '', flat ? '' : 'the heap is not flat'].filter(Boolean).join(', ')}`}. Figures in bench/results/soak.json.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = passed ? 0 : 1;
  // Everything is closed: anything still holding the loop open is a leak worth naming, not a reason to hang.
  setTimeout(() => {
    process.stderr.write(`[soak] still running 5 s after closing; open: ${process.getActiveResourcesInfo().join(', ')}\n`);
    process.exit(process.exitCode ?? 1);
  }, 5000).unref();
}

type Answer = { id?: unknown; result?: Record<string, unknown>; error?: { code: number; message: string; data?: { code?: string } } };
type ToolResult = { isError?: boolean; content?: unknown; structuredContent?: unknown };
interface Tool {
  name: string;
  inputSchema: { properties?: Record<string, { enum?: string[] }>; required?: string[] };
}
/** A caller's view of the host: how one era or transport sends a tool call and a listing. */
interface Channel {
  kind: Kind;
  call(name: string, args: Record<string, unknown>): Promise<ToolResult>;
  list(): Promise<unknown>;
}

/** Worker thread: every client, until the main thread says stop. */
async function runClients(port: NonNullable<typeof parentPort>, { mcpUrl, wsUrl }: { mcpUrl: string; wsUrl: string }): Promise<void> {
  const { Client } = await import('@modelcontextprotocol/client');
  const { AjvJsonSchemaValidator } = await import('@modelcontextprotocol/client/validators/ajv');
  const { WebSocketClientTransport } = await import('@gauzy-mcp/testkit');
  const { JSON_HEADERS, MODERN_META, modernHeaders, openSession, toolCall } = await import('./modern-call.js');

  // The SDK's default validator compiles every outputSchema object it is handed, and its Ajv keeps each one: a
  // long-lived client that lists the tools again and then calls one grows by the listing's compiled schemas
  // (about 250 KiB a listing here, never freed until the client goes). Each distinct schema compiled once, for
  // every client, keeps the clients' own memory flat over a long run.
  const ajv = new AjvJsonSchemaValidator();
  const compiled = new Map<string, JsonSchemaValidator<unknown>>();
  const jsonSchemaValidator: jsonSchemaValidator = {
    getValidator<T>(schema: Parameters<jsonSchemaValidator['getValidator']>[0]) {
      const key = JSON.stringify(schema);
      let validate = compiled.get(key);
      if (!validate) compiled.set(key, (validate = ajv.getValidator(schema)));
      return validate as JsonSchemaValidator<T>;
    },
  };

  const stats = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, { requests: 0, errors: 0, latency: new LatencyHistogram() }])) as Record<Kind, { requests: number; errors: number; latency: LatencyHistogram }>;
  const errors = new ErrorLog();
  const deliberate = { expected: 0, answered: 0 };
  const churn = { sessions: 0, webSockets: 0 };
  const fail = (kind: Kind, message: string) => {
    stats[kind].errors++;
    errors.add(`${KINDS[kind]}: ${message}`);
  };
  const describe = (error: unknown) => {
    const { message, cause } = error as Error & { cause?: { code?: string; message?: string } };
    return cause ? `${message} (${cause.code ?? cause.message})` : message;
  };
  const totalRequests = () => Object.values(stats).reduce((sum, kind) => sum + kind.requests, 0);

  // A pause for a sample: no new exchange starts, and the main thread hears once the last one in flight ends.
  let stopping = false;
  let gate: { opened: Promise<void>; open(): void } | undefined;
  let inFlight = 0;
  let onIdle: (() => void) | undefined;
  port.on('message', async (command: Command) => {
    if (command.type === 'pause') {
      let open!: () => void;
      gate = { opened: new Promise<void>((resolve) => (open = resolve)), open };
      const idle = inFlight === 0 || (await Promise.race([new Promise<boolean>((resolve) => (onIdle = () => resolve(true))), sleep(QUIESCE_TIMEOUT_MS, false, { ref: false })]));
      onIdle = undefined;
      globalThis.gc?.();
      port.postMessage({ type: 'paused', drained: idle, requests: totalRequests(), errors: errors.count, heapUsedBytes: process.memoryUsage().heapUsed } satisfies Report);
    } else {
      if (command.type === 'stop') stopping = true;
      gate?.open();
      gate = undefined;
    }
  });
  /** Times one exchange; a throw is an error of its kind, and the answer is undefined. */
  const timed = async <T>(kind: Kind, operation: () => Promise<T>): Promise<T | undefined> => {
    while (gate) await gate.opened;
    inFlight++;
    const started = performance.now();
    try {
      return await operation();
    } catch (error) {
      fail(kind, describe(error));
      return undefined;
    } finally {
      stats[kind].requests++;
      stats[kind].latency.record(performance.now() - started);
      if (--inFlight === 0) onIdle?.();
    }
  };
  // A failed exchange answers at once: without a pause a worker would spin on a broken host.
  const pauseAfter = async (answer: unknown) => {
    if (answer === undefined) await sleep(50);
  };
  const toolResult = (name: string, result: unknown): ToolResult => {
    const tool = result as ToolResult;
    if (tool.isError) throw new Error(`${name} answered isError: ${JSON.stringify(tool.content).slice(0, 200)}`);
    return tool;
  };

  // ---- HTTP, both eras ----
  let nextId = 1;
  const parseAnswer = (text: string, contentType: string | null, id: number): Answer => {
    if (!contentType?.includes('text/event-stream')) return JSON.parse(text) as Answer;
    for (const event of text.split(/\r?\n\r?\n/)) {
      const data = event
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (!data) continue;
      const message = JSON.parse(data) as Answer;
      if (message.id === id) return message;
    }
    throw new Error(`an event stream without the answer to request ${id}: ${text.slice(0, 200)}`);
  };
  const post = async (message: object, headers: Record<string, string>) => {
    const response = await fetch(mcpUrl, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(message), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    return { response, text: await response.text() };
  };
  /** One JSON-RPC request over HTTP: the answer's result, or a throw for anything but a 200 carrying it. */
  const rpc = async (method: string, params: Record<string, unknown>, headers: Record<string, string>, expectUnknownTool = false) => {
    const id = nextId++;
    const { response, text } = await post({ jsonrpc: '2.0', id, method, params }, headers);
    const what = `${method}${params.name ? ` ${params.name}` : ''}`;
    if (response.status !== 200) throw new Error(`${what}: HTTP ${response.status}: ${text.slice(0, 200)}`);
    const answer = parseAnswer(text, response.headers.get('content-type'), id);
    if (answer.id !== id) throw new Error(`${what}: the answer carries id ${JSON.stringify(answer.id)}, the request ${id}`);
    if (expectUnknownTool) {
      if (answer.error?.code !== -32602 || answer.error.data?.code !== 'GMCP_ERR_UNKNOWN_TOOL') throw new Error(`a call to an unknown tool answered ${text.slice(0, 200)} instead of the unknown-tool error`);
      deliberate.answered++;
      return undefined;
    }
    if (answer.error) throw new Error(`${what}: JSON-RPC ${answer.error.code}: ${answer.error.message}`);
    if (!answer.result) throw new Error(`${what}: an answer with neither result nor error`);
    return answer.result;
  };
  const modern: Channel = {
    kind: 'modernRead',
    call: async (name, args) => toolResult(name, await rpc('tools/call', toolCall(name, args, true).params, modernHeaders(name))),
    list: () => rpc('tools/list', { _meta: MODERN_META }, { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' }),
  };

  // ---- What the writes send: read from the host's own listing, not assumed ----
  const listing = (await modern.list()) as { tools: Tool[] };
  const schemaOf = (name: string) => {
    const tool = listing.tools.find((candidate) => candidate.name === name);
    if (!tool) throw new Error(`the host lists no ${name}; the soak's writes need it`);
    return { properties: tool.inputSchema.properties ?? {}, required: tool.inputSchema.required ?? [] };
  };
  const create = schemaOf('create_task');
  const update = schemaOf('update_task');
  const remove = schemaOf('delete_task');
  for (const field of ['title', 'projectId']) if (!create.properties[field]) throw new Error(`create_task takes no ${field}`);
  const unmet = create.required.filter((field) => field !== 'title' && field !== 'projectId');
  if (unmet.length) throw new Error(`create_task also requires ${unmet.join(', ')}`);
  const idField = (name: string, schema: { required: string[] }) => {
    if (schema.required.length !== 1) throw new Error(`${name} requires ${schema.required.join(', ') || 'nothing'}, not one task id`);
    return schema.required[0]!;
  };
  const updateId = idField('update_task', update);
  const deleteId = idField('delete_task', remove);
  const statuses = update.properties.status?.enum ?? [];
  const changes = (n: number): Record<string, unknown> => ({
    ...(update.properties.title ? { title: `soak task ${n} (updated)` } : {}),
    ...(statuses.length ? { status: statuses[n % statuses.length] } : {}),
  });
  if (!Object.keys(changes(0)).length) throw new Error('update_task takes neither title nor status');
  const projects = (await modern.call('list_projects', { take: 5 })).structuredContent as { items?: Array<{ id?: string }> } | undefined;
  const projectId = projects?.items?.[0]?.id;
  if (!projectId) throw new Error('list_projects answered no project to create tasks in');

  const READS: Array<[string, Record<string, unknown>] | 'list'> = [['list_projects', { take: 5 }], ['get_server_info', {}], ['list_tasks', { take: 5 }], ['list_projects', { take: 5 }], ['get_server_info', {}], ['list_tasks', { take: 5 }], 'list'];
  const read = (channel: Channel, step: number) => {
    const choice = READS[step % READS.length]!;
    return timed(channel.kind, () => (choice === 'list' ? channel.list() : channel.call(choice[0], choice[1])));
  };
  let taskNumber = 0;
  /** Create, change and delete one task: the sandbox keeps every row in the sampled heap, so writes must not pile up. */
  const writeCycle = async (channel: Channel, kind: Kind) => {
    const n = taskNumber++;
    const created = await timed(kind, () => channel.call('create_task', { title: `soak task ${n}`, projectId }));
    if (!created) return pauseAfter(created);
    const id = (created.structuredContent as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string') {
      fail(kind, `create_task answered no task id: ${JSON.stringify(created.structuredContent).slice(0, 200)}`);
      return pauseAfter(undefined);
    }
    await timed(kind, () => channel.call('update_task', { [updateId]: id, ...changes(n) }));
    await pauseAfter(await timed(kind, () => channel.call('delete_task', { [deleteId]: id })));
  };

  const modernReader = async (worker: number) => {
    for (let step = worker; !stopping; step++) {
      if (step % 101 === 0) {
        deliberate.expected++;
        await timed('modernRead', () => rpc('tools/call', toolCall('no_such_tool', {}, true).params, modernHeaders('no_such_tool'), true));
      } else await pauseAfter(await read(modern, step));
    }
  };
  const modernWriter = async () => {
    const writes: Channel = { ...modern, kind: 'modernWrite' };
    while (!stopping) await writeCycle(writes, 'modernWrite');
  };

  const endSession = async (headers: Record<string, string>) => {
    const response = await fetch(mcpUrl, { method: 'DELETE', headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    if (response.status !== 200 && response.status !== 204) throw new Error(`DELETE: HTTP ${response.status}: ${text.slice(0, 200)}`);
    churn.sessions++;
  };
  const sessionWorker = async (worker: number) => {
    for (let round = 0; !stopping; round++) {
      const headers = await timed('sessionLifecycle', () => openSession(mcpUrl, { timeoutMs: REQUEST_TIMEOUT_MS }));
      if (!headers) {
        await pauseAfter(headers);
        continue;
      }
      const session: Channel = {
        kind: 'sessionCall',
        call: async (name, args) => toolResult(name, await rpc('tools/call', toolCall(name, args, false).params, headers)),
        list: () => rpc('tools/list', {}, headers),
      };
      // Sessions of different lengths, so their ends (the host's churn) do not bunch up.
      const calls = 20 + ((worker * 7 + round * 13) % 40);
      for (let step = 0; step < calls && !stopping; step++) {
        if (step === 5) {
          deliberate.expected++;
          await timed('sessionCall', () => rpc('tools/call', toolCall('no_such_tool', {}, false).params, headers, true));
        } else if (step % 10 === 9) await writeCycle(session, 'sessionCall');
        else await pauseAfter(await read(session, worker + step));
      }
      await timed('sessionLifecycle', () => endSession(headers));
    }
  };

  // ---- WebSocket, both eras ----
  const connect = async (era: '2025-06-18' | '2026-07-28') => {
    const client =
      era === '2026-07-28'
        ? new Client({ name: 'soak', version: '1' }, { jsonSchemaValidator, versionNegotiation: { mode: { pin: '2026-07-28' } } })
        : new Client({ name: 'soak', version: '1' }, { jsonSchemaValidator, versionNegotiation: { mode: 'legacy' }, supportedProtocolVersions: [era] });
    // Socket errors and messages the SDK could not handle reach here and nowhere else.
    client.onerror = (error) => fail('webSocketLifecycle', `socket: ${describe(error)}`);
    await client.connect(new WebSocketClientTransport(wsUrl), { timeout: REQUEST_TIMEOUT_MS });
    if (client.getNegotiatedProtocolVersion() !== era) throw new Error(`asked for ${era}, negotiated ${client.getNegotiatedProtocolVersion()}`);
    return client;
  };
  const overSocket = (client: InstanceType<typeof Client>): Channel => ({
    kind: 'webSocketCall',
    call: async (name, args) => toolResult(name, await client.callTool({ name, arguments: args }, { timeout: REQUEST_TIMEOUT_MS })),
    list: () => client.listTools(undefined, { timeout: REQUEST_TIMEOUT_MS }),
  });
  const eraOf = (n: number) => (n % 2 === 0 ? '2026-07-28' : '2025-06-18');
  const longLivedSocket = async (worker: number) => {
    while (!stopping) {
      const client = await timed('webSocketLifecycle', () => connect(eraOf(worker)));
      if (!client) {
        await pauseAfter(client);
        continue;
      }
      let dropped = false;
      client.onclose = () => {
        if (!stopping) dropped = true;
      };
      const channel = overSocket(client);
      for (let step = worker; !stopping && !dropped; step++) {
        if (step % 10 === 9) await writeCycle(channel, 'webSocketCall');
        else await pauseAfter(await read(channel, step));
      }
      if (dropped) fail('webSocketLifecycle', 'the host closed a long-lived socket');
      await timed('webSocketLifecycle', () => client.close());
    }
  };
  const churningSocket = async (worker: number) => {
    for (let round = 0; !stopping; round++) {
      const client = await timed('webSocketLifecycle', () => connect(eraOf(worker + round)));
      if (!client) {
        await pauseAfter(client);
        continue;
      }
      const channel = overSocket(client);
      for (let step = 0; step < 1 + (round % 3); step++) await pauseAfter(await read(channel, worker + round + step));
      await timed('webSocketLifecycle', () => client.close());
      churn.webSockets++;
    }
  };

  port.postMessage({ type: 'started' } satisfies Report);
  const workers = [
    ...Array.from({ length: WORKERS.modernReaders }, (_, worker) => modernReader(worker)),
    ...Array.from({ length: WORKERS.modernWriters }, () => modernWriter()),
    ...Array.from({ length: WORKERS.sessions }, (_, worker) => sessionWorker(worker)),
    ...Array.from({ length: WORKERS.webSocketsLongLived }, (_, worker) => longLivedSocket(worker)),
    ...Array.from({ length: WORKERS.webSocketsChurning }, (_, worker) => churningSocket(worker)),
  ];
  // Each worker catches its own failures; one that still throws is a soak bug, reported rather than lost.
  await Promise.all(workers.map((worker) => worker.catch((error: unknown) => errors.add(`a client worker died: ${describe(error)}`))));
  const figures: ClientFigures = {
    kinds: (Object.keys(KINDS) as Kind[]).map((kind) => ({ kind: KINDS[kind], requests: stats[kind].requests, p50Ms: stats[kind].latency.quantile(0.5), p99Ms: stats[kind].latency.quantile(0.99), errors: stats[kind].errors })),
    requests: totalRequests(),
    errors,
    deliberate,
    churn,
  };
  port.postMessage({ type: 'done', figures } satisfies Report);
}

// Last, so that the constants and classes above exist by the time either side runs.
if (!isMainThread) {
  await runClients(parentPort!, workerData as { mcpUrl: string; wsUrl: string });
} else if (typeof globalThis.gc !== 'function') {
  // Heap figures are comparable only after a full collection, and gc() exists only when node starts with the flag.
  const child = spawn(process.execPath, ['--expose-gc', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await soak(globalThis.gc);
}
