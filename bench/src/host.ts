// Host benchmark: the remote host over HTTP on loopback against a bare Fastify JSON round trip (the floor
// DESIGN.md asks for), in the same run, same client (fetch with keep-alive). Run: npm run bench:host (from the root).
import { createServer } from 'node:http';
import { silentLogger } from '@gauzy-mcp/core';
import { createGauzyHttp, GauzySession } from '@gauzy-mcp/core/internal';
import { startHost } from '@gauzy-mcp/host';
import { createSandbox, loadSandboxEntities } from '@gauzy-mcp/testkit';
import autocannon from 'autocannon';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import Fastify from 'fastify';
import { DEFAULT_PLUGIN_PACKAGES, importFromCli } from 'gauzy-mcp';
import { measure, table } from './measure.js';
import { JSON_HEADERS, modernHeaders, toolCall as call } from './modern-call.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
const sandbox = await createSandbox({ seed: 'demo', entities: await loadSandboxEntities(DEFAULT_PLUGIN_PACKAGES, importFromCli) });
const admin = sandbox.seed.users.superAdmin;
const host = await startHost({
  input: {
    port: 0,
    gauzy: { baseUrl: sandbox.url, sandbox: true },
    identity: { mode: 'development', accounts: [{ name: 'bench', email: admin.email, password: admin.password }] },
    limits: { rateLimitMax: 1_000_000_000 },
    // The whole catalog, as before default toolsets (get_server_info is in the diagnostics toolset).
    inventory: { toolsets: ['all'] },
  },
  env: {},
  log: silentLogger,
  importModule: importFromCli,
});

// The floor: Fastify parsing a JSON-RPC body and answering a fixed tool result, nothing else.
const floor = Fastify({ logger: false });
const cannedResult = { content: [{ type: 'text', text: 'gauzy-mcp' }], structuredContent: { name: 'gauzy-mcp' } };
floor.post('/mcp', async (request) => ({ jsonrpc: '2.0', id: (request.body as { id: number }).id, result: cannedResult }));
await floor.listen({ host: '127.0.0.1', port: 0 });
const floorUrl = `http://127.0.0.1:${(floor.server.address() as { port: number }).port}/mcp`;

const post = async (url: string, body: unknown, headers: Record<string, string>) => {
  const response = await fetch(url, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${response.status}: ${text}`);
  return text;
};
const modernCall = (name: string, args: Record<string, unknown>) => () =>
  post(host.mcpUrl, call(name, args, true), modernHeaders(name));

const init = await fetch(host.mcpUrl, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } }) });
const session = { 'mcp-session-id': init.headers.get('mcp-session-id')!, 'mcp-protocol-version': '2025-06-18' };
await init.text();
const legacyCall = (name: string) => () => post(host.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: {} } }, session);

await modernCall('list_projects', { take: 5 })();
for (const concurrency of [1, 16]) {
  const base = await measure(`bare Fastify JSON round trip (c=${concurrency})`, () => post(floorUrl, { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'x' } }, {}), { iterations: ITERATIONS, concurrency });
  const modernLocal = await measure(`host 2026-07-28 tools/call get_server_info (c=${concurrency})`, modernCall('get_server_info', {}), { iterations: ITERATIONS, concurrency });
  const legacyLocal = await measure(`host 2025-06-18 session tools/call get_server_info (c=${concurrency})`, legacyCall('get_server_info'), { iterations: ITERATIONS, concurrency });
  const modernGauzy = await measure(`host 2026-07-28 tools/call list_projects, reaches Gauzy (c=${concurrency})`, modernCall('list_projects', { take: 5 }), { iterations: ITERATIONS, concurrency });
  process.stderr.write(`\nconcurrency ${concurrency}\n${table([base, modernLocal, legacyLocal, modernGauzy], base)}\n`);
}
// Throughput with a load generator that is not itself the bottleneck (fetch is, at 16 in flight), in a worker
// thread so it does not share the event loop of the servers it measures.
const cannon = async (name: string, url: string, body: unknown, headers: Record<string, string>) => {
  const result = await autocannon({ url, method: 'POST', connections: 16, workers: 1, duration: Number(process.env.BENCH_SECONDS ?? 5), headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { name, perSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
};
const rows = [
  await cannon('bare Fastify JSON round trip', floorUrl, call('x', {}, false), {}),
  await cannon('host 2026-07-28 tools/call get_server_info', host.mcpUrl, call('get_server_info', {}, true), modernHeaders('get_server_info')),
  await cannon('host 2025-06-18 session tools/call get_server_info', host.mcpUrl, call('get_server_info', {}, false), session),
  await cannon('host 2026-07-28 tools/call list_projects (reaches Gauzy)', host.mcpUrl, call('list_projects', { take: 5 }, true), modernHeaders('list_projects')),
];
// The same calls in OAuth mode: a JWT checked against the issuer's keys on every request, and the
// user's Gauzy tokens read from the vault on every Gauzy-bound call.
const { publicKey, privateKey } = await generateKeyPair('ES256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' };
const issuerServer = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${(issuerServer.address() as { port: number }).port}`;
const oauthHost = await startHost({
  input: { port: 0, gauzy: { baseUrl: sandbox.url, sandbox: true }, identity: { mode: 'oauth', issuer, jwksUrl: `${issuer}/jwks` }, limits: { rateLimitMax: 1_000_000_000 }, inventory: { toolsets: ['all'] } },
  env: {},
  log: silentLogger,
  importModule: importFromCli,
});
const benchSession = new GauzySession(createGauzyHttp({ gauzyBaseUrl: sandbox.url, log: silentLogger }), { credentials: admin, log: silentLogger });
await benchSession.signIn();
await oauthHost.vault.put('bench-user', benchSession.snapshot()!);
const bearer = await new SignJWT({ scope: 'mcp.read mcp.write' }).setProtectedHeader({ alg: 'ES256', kid: 'bench' }).setIssuer(issuer).setAudience(oauthHost.mcpUrl).setSubject('bench-user').setExpirationTime('1h').sign(privateKey);
const auth = { authorization: `Bearer ${bearer}` };
rows.push(
  await cannon('host OAuth 2026-07-28 tools/call get_server_info (JWT checked)', oauthHost.mcpUrl, call('get_server_info', {}, true), { ...modernHeaders('get_server_info'), ...auth }),
  await cannon('host OAuth 2026-07-28 tools/call list_projects (JWT + vault + Gauzy)', oauthHost.mcpUrl, call('list_projects', { take: 5 }, true), { ...modernHeaders('list_projects'), ...auth }),
);
await oauthHost.close();
issuerServer.close();

const floorRate = rows[0]!.perSecond;
process.stderr.write(
  `\nautocannon, 16 connections\n| scenario | req/s | p50 ms | p99 ms | throughput vs floor |\n|---|---|---|---|---|\n${rows
    .map((row) => `| ${row.name} | ${row.perSecond} | ${row.p50} | ${row.p99} | ${(row.perSecond / floorRate).toFixed(2)}× |`)
    .join('\n')}\n`,
);

await host.close();
await floor.close();
await sandbox.close();
process.stderr.write(`\nnode ${process.version}, ${ITERATIONS} iterations per scenario, fetch over loopback, sandbox and host in this process.\n`);
