// A Gauzy-bound read through the host against the same Gauzy request sent directly, one in flight (issue #13's
// "≤ 1.1×" figure). Against the bundled sandbox by default; set API_BASE_URL (and GAUZY_EMAIL/GAUZY_PASSWORD)
// to measure against a real Gauzy. Run: npm run bench:gauzy-bound (from the root).
import './require-current-build.js';
import { subscribe } from 'node:diagnostics_channel';
import { nodeExchange } from '@gauzy-mcp/core/internal';
import { benchGauzy, startBenchHost } from './bench-host.js';
import { measurePaired, table, type Measurement } from './measure.js';
import { repeated, writeSuiteResult } from './results.js';
import { JSON_HEADERS, modernHeaders, toolCall } from './modern-call.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1000);
const gauzy = await benchGauzy();
const gauzyUrl = gauzy.url;
const { email, password } = gauzy.seed.users.superAdmin;

// Every Gauzy request the host sends, so the direct baseline replays exactly those (published by the Gauzy client
// on its diagnostics channel; nobody else listens, so measuring costs nothing when it is not).
const sent: string[] = [];
subscribe('gauzy-mcp:gauzy-request', (message) => {
  const { method, url } = message as { method: string; url: string };
  if (url.startsWith(gauzyUrl)) sent.push(`${method} ${url.slice(gauzyUrl.length)}`);
});
const host = await startBenchHost(gauzy);

const login = (await (await fetch(`${gauzyUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })).json()) as { token: string; user: { tenantId: string; employee?: { organizationId: string } } };
const headers = { authorization: `Bearer ${login.token}`, 'tenant-id': login.user.tenantId };
const organizationId = login.user.employee?.organizationId ?? ((await (await fetch(`${gauzyUrl}/api/user-organization?relations[]=organization`, { headers })).json()) as { items: { organizationId: string }[] }).items[0]!.organizationId;
const viaHost = async () => {
  const response = await fetch(host.mcpUrl, {
    method: 'POST',
    headers: { ...JSON_HEADERS, ...modernHeaders('list_projects') },
    body: JSON.stringify(toolCall('list_projects', { take: 5, organizationId }, true)),
  });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"isError":true')) throw new Error(`host: ${response.status} ${text.slice(0, 300)}`);
  return text;
};

await viaHost();
sent.length = 0;
await viaHost();
const replay = sent.splice(0);
if (replay.some((line) => !line.startsWith('GET '))) throw new Error(`list_projects sent more than reads: ${replay.join(', ')}`);
// The same Gauzy request(s) the host sent for one call, in the same order, with a token of the same user, sent by
// the host's own exchange (node:http on keep-alive agents) and parsed, so the ratio is the host's and the hop's alone.
const exchange = nodeExchange();
const get = async (url: string) => {
  const reply = await exchange(url, { method: 'GET', headers: { accept: 'application/json', ...headers }, signal: AbortSignal.timeout(30_000) });
  if (reply.status !== 200) throw new Error(`direct ${url}: ${reply.status}`);
  JSON.parse(Buffer.from(reply.body).toString('utf8'));
};
const direct = async () => {
  for (const line of replay) await get(`${gauzyUrl}${line.slice(4)}`);
};
process.stderr.write(`one list_projects call sends ${replay.length} Gauzy request(s):\n${replay.map((line) => `  ${line}`).join('\n')}\n`);

const rows: Measurement[] = [];
for (let round = 0; round < 3; round++) {
  rows.push(
    ...(await measurePaired(
      { name: `direct GET /api/organization-projects (round ${round + 1})`, operation: direct },
      { name: `host 2026-07-28 tools/call list_projects (round ${round + 1})`, operation: viaHost },
      { iterations: ITERATIONS },
    )),
  );
}
process.stderr.write(`\nGauzy at ${gauzyUrl}${gauzy.isSandbox ? ' (sandbox)' : ''}, one in flight, the two alternating, ${ITERATIONS} iterations a row\n${table(rows, rows[0])}\n`);
const pairs = [0, 1, 2].map((round) => ({ direct: rows[2 * round]!, host: rows[2 * round + 1]! }));
for (const [round, { direct: a, host: b }] of pairs.entries()) process.stderr.write(`round ${round + 1}: p50 ${(b.p50 / a.p50).toFixed(2)}×, p99 ${(b.p99 / a.p99).toFixed(2)}×\n`);
writeSuiteResult({
  suite: 'gauzy-bound',
  gauzy: gauzy.isSandbox ? 'sandbox' : gauzyUrl,
  requests: replay,
  iterations: ITERATIONS,
  directP50: repeated(pairs.map((pair) => pair.direct.p50)),
  directP99: repeated(pairs.map((pair) => pair.direct.p99)),
  hostP50: repeated(pairs.map((pair) => pair.host.p50)),
  hostP99: repeated(pairs.map((pair) => pair.host.p99)),
  ratioP50: repeated(pairs.map((pair) => pair.host.p50 / pair.direct.p50)),
  ratioP99: repeated(pairs.map((pair) => pair.host.p99 / pair.direct.p99)),
});
await host.close();
await gauzy.close();
