// Kernel benchmark: what MCP dispatch costs on top of the Gauzy call it wraps, measured in one run on
// one machine. Baseline: the same Gauzy request sent directly with fetch. Run: npm run bench:kernel (from the root)
// (or `node --import tsx bench/src/kernel.ts`).
import './require-current-build.js';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { connectInMemory, createSandbox, kernelOptionsFor, loadSandboxEntities } from '@gauzy-mcp/testkit';
import { DEFAULT_PLUGIN_PACKAGES, importFromCli, loadPlugins } from 'gauzy-mcp';
import { measure, table } from './measure.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
const sandbox = await createSandbox({ seed: 'demo', entities: await loadSandboxEntities(DEFAULT_PLUGIN_PACKAGES, importFromCli) });
const kernel = createKernel({ plugins: await loadPlugins(), inventory: { toolsets: ['all'] }, log: silentLogger, ...kernelOptionsFor(sandbox, 'superAdmin') });
const client = await connectInMemory(kernel.serverFactory);
await client.call('list_projects', { take: 5 });

const login = (await (await fetch(`${sandbox.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@ever.co', password: 'admin' }) })).json()) as { token: string };
const listUrl = `${sandbox.url}/api/organization-projects?where[organizationId]=${sandbox.seed.organizationId}&where[tenantId]=${sandbox.seed.tenantId}&order[createdAt]=DESC&take=5&skip=0`;
const headers = { authorization: `Bearer ${login.token}`, 'tenant-id': sandbox.seed.tenantId };

const rows = [];
for (const concurrency of [1, 16]) {
  const baseline = await measure(`direct fetch GET /api/organization-projects (c=${concurrency})`, async () => (await fetch(listUrl, { headers })).json(), { iterations: ITERATIONS, concurrency });
  const viaMcp = await measure(`tools/call list_projects via MCP (c=${concurrency})`, () => client.call('list_projects', { take: 5 }), { iterations: ITERATIONS, concurrency });
  const local = await measure(`tools/call get_server_info, no Gauzy call (c=${concurrency})`, () => client.call('get_server_info', {}), { iterations: ITERATIONS, concurrency });
  const list = await measure(`tools/list, ${kernel.inventory.tools.length} tools (c=${concurrency})`, () => client.client.listTools(), { iterations: ITERATIONS, concurrency });
  process.stderr.write(`\nconcurrency ${concurrency}\n${table([baseline, viaMcp, local, list], baseline)}\n`);
  rows.push(baseline, viaMcp, local, list);
}
await client.close();
await sandbox.close();
process.stderr.write(`\nnode ${process.version}, ${ITERATIONS} iterations per scenario, in-memory MCP transport, sandbox on loopback.\n`);
