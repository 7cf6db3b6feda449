// Host benchmark: the remote host over HTTP on loopback against a bare Fastify JSON round trip (the floor
// DESIGN.md asks for), in the same run, same clients. Repeated in rounds: each round measures the floor and then
// every scenario, so each ratio compares figures taken minutes apart at most. Run: npm run bench:host (from the
// root); `npm run bench` runs it too and writes its figures into BENCHMARKS.md.
import './require-current-build.js';
import { createServer } from 'node:http';
import { silentLogger } from '@gauzy-mcp/core';
import { createGauzyHttp, GauzySession } from '@gauzy-mcp/core/internal';
import { createBearerAuthenticator } from '@gauzy-mcp/host';
import autocannon from 'autocannon';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import Fastify from 'fastify';
import { benchSandbox, startBenchHost } from './bench-host.js';
import { measure } from './measure.js';
import { JSON_HEADERS, MODERN_META, modernHeaders, openSession, toolCall as call } from './modern-call.js';
import { median, repeated, writeSuiteResult, type Repeated } from './results.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 500);

const sandbox = await benchSandbox();
const admin = sandbox.seed.users.superAdmin;
const host = await startBenchHost(sandbox);

// The floor: Fastify parsing a JSON-RPC body and answering a fixed tool result, nothing else.
const floor = Fastify({ logger: false });
const cannedResult = { content: [{ type: 'text', text: 'gauzy-mcp' }], structuredContent: { name: 'gauzy-mcp' } };
floor.post('/mcp', async (request) => ({ jsonrpc: '2.0', id: (request.body as { id: number }).id, result: cannedResult }));
await floor.listen({ host: '127.0.0.1', port: 0 });
const floorUrl = `http://127.0.0.1:${(floor.server.address() as { port: number }).port}/mcp`;

// OAuth mode: a JWT checked against the issuer's (cached) keys on every request, the user's Gauzy tokens read
// from the vault on every Gauzy-bound call.
const { publicKey, privateKey } = await generateKeyPair('ES256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' };
const issuerServer = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${(issuerServer.address() as { port: number }).port}`;
const oauthHost = await startBenchHost(sandbox, { mode: 'oauth', issuer, jwksUrl: `${issuer}/jwks` });
const benchSession = new GauzySession(createGauzyHttp({ gauzyBaseUrl: sandbox.url, log: silentLogger }), { credentials: admin, log: silentLogger });
await benchSession.signIn();
await oauthHost.vault.put('bench-user', benchSession.snapshot()!);
const bearer = await new SignJWT({ scope: 'mcp.read mcp.write' }).setProtectedHeader({ alg: 'ES256', kid: 'bench' }).setIssuer(issuer).setAudience(oauthHost.mcpUrl).setSubject('bench-user').setExpirationTime('1h').sign(privateKey);
const auth = { authorization: `Bearer ${bearer}` };

const post = async (url: string, body: unknown, headers: Record<string, string>) => {
  const response = await fetch(url, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) });
  const bytes = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${response.status}: ${Buffer.from(bytes).toString('utf8').slice(0, 300)}`);
  return bytes;
};

const session = await openSession(host.mcpUrl);

interface Scenario {
  key: string;
  name: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}
const scenario = (key: string, name: string, url: string, body: unknown, headers: Record<string, string>): Scenario => ({ key, name, url, body, headers });
const floorCall = scenario('floor', 'bare Fastify JSON round trip', floorUrl, call('x', {}, false), {});
const modernInfo = scenario('modern', 'host 2026-07-28 tools/call get_server_info', host.mcpUrl, call('get_server_info', {}, true), modernHeaders('get_server_info'));
const sessionInfo = scenario('session', 'host 2025-06-18 session tools/call get_server_info', host.mcpUrl, call('get_server_info', {}, false), session);
const modernProjects = scenario('modernGauzy', 'host 2026-07-28 tools/call list_projects (reaches the sandbox)', host.mcpUrl, call('list_projects', { take: 5 }, true), modernHeaders('list_projects'));
const oauthInfo = scenario('oauth', 'host OAuth 2026-07-28 tools/call get_server_info (JWT checked)', oauthHost.mcpUrl, call('get_server_info', {}, true), { ...modernHeaders('get_server_info'), ...auth });
const oauthProjects = scenario('oauthGauzy', 'host OAuth 2026-07-28 tools/call list_projects (JWT + vault + sandbox)', oauthHost.mcpUrl, call('list_projects', { take: 5 }, true), { ...modernHeaders('list_projects'), ...auth });
const toolsList = scenario('toolsList', `host 2026-07-28 tools/list, every toolset (${host.toolCount} tools)`, host.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: MODERN_META } }, { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' });
const throughputScenarios = [floorCall, modernInfo, sessionInfo, modernProjects, oauthInfo, oauthProjects];
const latencyScenarios = [floorCall, modernInfo, sessionInfo, modernProjects, toolsList];

// A load generator that is not itself the bottleneck (fetch is, at 16 in flight), in a worker thread so it does
// not share the event loop of the servers it measures.
const cannon = async (entry: Scenario) => {
  const result = await autocannon({ url: entry.url, method: 'POST', connections: 16, workers: 1, duration: SECONDS, headers: { ...JSON_HEADERS, ...entry.headers }, body: JSON.stringify(entry.body) });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${entry.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { perSecond: result.requests.average, p99: result.latency.p99 };
};

/** Mean time the host itself spent on its `/mcp` requests (Fastify's elapsed time, from the request to the last byte written). */
const hostMs = (metrics: typeof host.metrics) => {
  const { sum, count } = metrics.httpDuration.total({ route: '/mcp' });
  return { sum, count };
};

for (const entry of latencyScenarios) await post(entry.url, entry.body, entry.headers);
const throughput = new Map<string, { perSecond: number[]; ratio: number[]; p99: number[] }>();
const latency = new Map<string, { p50: number[]; p99: number[]; ratio: number[] }>();
const toolsListAtHost: number[] = [];
let toolsListBytes = 0;
for (let round = 1; round <= ROUNDS; round++) {
  process.stderr.write(`round ${round} of ${ROUNDS}\n`);
  let floorP50 = 0;
  for (const entry of latencyScenarios) {
    const before = hostMs(host.metrics);
    const measured = await measure(entry.name, () => post(entry.url, entry.body, entry.headers), { iterations: ITERATIONS, concurrency: 1 });
    if (entry === floorCall) floorP50 = measured.p50;
    if (entry === toolsList) {
      const after = hostMs(host.metrics);
      toolsListAtHost.push(((after.sum - before.sum) / (after.count - before.count)) * 1000);
      toolsListBytes = (await post(entry.url, entry.body, entry.headers)).byteLength;
    }
    const row = latency.get(entry.key) ?? { p50: [], p99: [], ratio: [] };
    row.p50.push(measured.p50);
    row.p99.push(measured.p99);
    row.ratio.push(measured.p50 / floorP50);
    latency.set(entry.key, row);
  }
  let floorRate = 0;
  for (const entry of throughputScenarios) {
    const measured = await cannon(entry);
    if (entry === floorCall) floorRate = measured.perSecond;
    const row = throughput.get(entry.key) ?? { perSecond: [], ratio: [], p99: [] };
    row.perSecond.push(measured.perSecond);
    row.ratio.push(measured.perSecond / floorRate);
    row.p99.push(measured.p99);
    throughput.set(entry.key, row);
  }
}

// What checking the bearer token costs by itself, with the issuer's keys already fetched: the host's own
// authenticator, called in a loop.
const authenticator = createBearerAuthenticator({
  issuer,
  jwksUrl: `${issuer}/jwks`,
  algorithms: ['ES256'],
  audience: () => oauthHost.mcpUrl,
  resourceMetadataUrl: () => `${oauthHost.url}/.well-known/oauth-protected-resource/mcp`,
  vault: oauthHost.vault,
  http: createGauzyHttp({ gauzyBaseUrl: sandbox.url, log: silentLogger }),
  log: silentLogger,
});
const validations: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const count = 2000;
  await authenticator.authenticate({ authorization: auth.authorization });
  const started = performance.now();
  for (let index = 0; index < count; index++) await authenticator.authenticate({ authorization: auth.authorization });
  validations.push(((performance.now() - started) / count) * 1000);
}

const names = Object.fromEntries([...throughputScenarios, ...latencyScenarios].map((entry) => [entry.key, entry.name]));
const summarize = (rows: Map<string, Record<string, number[]>>) =>
  Object.fromEntries([...rows].map(([key, row]) => [key, { name: names[key], ...Object.fromEntries(Object.entries(row).map(([field, values]) => [field, repeated(values)])) }]));
const throughputSummary = summarize(throughput) as Record<string, { name: string; perSecond: Repeated; ratio: Repeated; p99: Repeated }>;
const devRate = throughputSummary.modern!.perSecond.median;
const oauthRate = throughputSummary.oauth!.perSecond.median;
// At saturation, the time a request costs is the inverse of the rate: the OAuth extra per request is the difference.
const oauthExtraUs = (1 / oauthRate - 1 / devRate) * 1e6;
const validationUs = median(validations);
const result = {
  suite: 'host',
  rounds: ROUNDS,
  secondsPerThroughputRun: SECONDS,
  iterationsPerLatencyRun: ITERATIONS,
  throughput: throughputSummary,
  latency: summarize(latency),
  toolsList: { bytes: toolsListBytes, tools: host.toolCount, hostMs: repeated(toolsListAtHost) },
  tokenValidation: { microseconds: repeated(validations), oauthExtraMicroseconds: Math.round(oauthExtraUs), shareOfOauthExtra: Math.round((validationUs / oauthExtraUs) * 100) / 100 },
};
writeSuiteResult(result);

const ratio = (value: number) => `${value.toFixed(2)}×`;
process.stderr.write(
  [
    `\nautocannon, 16 connections, ${SECONDS} s a run, ${ROUNDS} rounds (median, and each round's ratio)`,
    '| scenario | req/s | p99 ms | throughput vs floor | per round |',
    '|---|---|---|---|---|',
    ...Object.values(throughputSummary).map((row) => `| ${row.name} | ${Math.round(row.perSecond.median)} | ${row.p99.median} | ${ratio(row.ratio.median)} | ${row.ratio.rounds.map(ratio).join(' ')} |`),
    `\none in flight, ${ITERATIONS} requests a run (median over rounds)`,
    '| scenario | p50 ms | p99 ms | p50 vs floor |',
    '|---|---|---|---|',
    ...Object.values(result.latency as Record<string, { name: string; p50: Repeated; p99: Repeated; ratio: Repeated }>).map((row) => `| ${row.name} | ${row.p50.median} | ${row.p99.median} | ${ratio(row.ratio.median)} |`),
    `\ntools/list at the host: ${toolsListBytes} bytes, ${result.toolsList.hostMs.median} ms mean host time (rounds: ${result.toolsList.hostMs.rounds.join(', ')})`,
    `token validation: ${result.tokenValidation.microseconds.median} µs a request; the OAuth path costs ${result.tokenValidation.oauthExtraMicroseconds} µs more a request than development identity, so validation explains ${Math.round(result.tokenValidation.shareOfOauthExtra * 100)}% of it`,
    `node ${process.version}, sandbox and hosts in this process, autocannon in a worker thread`,
    '',
  ].join('\n'),
);

await oauthHost.close();
issuerServer.close();
await host.close();
await floor.close();
await sandbox.close();
