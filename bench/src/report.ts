// `npm run bench`: runs every suite in its own process, then writes the figures, each beside its target and the
// previous run's, into BENCHMARKS.md (between the generated-section markers) and bench/results/latest.json.
// Every suite measures the built packages (npm run build first). The 10-minute soak runs on its own
// (npm run bench:soak); its last result (bench/results/soak.json) is reported here too.
import './require-current-build.js';
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogSizes, loadPlugins } from 'gauzy-mcp';
import type { Repeated } from './results.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const resultsDir = join(root, 'bench', 'results');
const latestPath = join(resultsDir, 'latest.json');
const START = '<!-- bench:generated:start -->';
const END = '<!-- bench:generated:end -->';

function runSuite(file: string, env: Record<string, string> = {}): any {
  const out = join(tmpdir(), `gauzy-mcp-bench-${process.pid}-${file.replace(/\W/g, '_')}.json`);
  process.stderr.write(`\n== ${file}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'src', file)], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env, BENCH_OUT: out } });
  if (run.status !== 0) throw new Error(`${file} failed (exit ${run.status})`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

const previous = existsSync(latestPath) ? (JSON.parse(readFileSync(latestPath, 'utf8')) as Figures) : undefined;
const host = runSuite('host.ts');
const gauzyBound = runSuite('gauzy-bound.ts', { BENCH_ITERATIONS: process.env.BENCH_GAUZY_ITERATIONS ?? '500' });
const stdio = runSuite('stdio-start.ts');
const memory = runSuite('memory.ts');
const catalog = catalogSizes(await loadPlugins());
const soakPath = join(resultsDir, 'soak.json');
const soak = existsSync(soakPath) ? JSON.parse(readFileSync(soakPath, 'utf8')) : undefined;

interface Figures {
  date: string;
  machine: string;
  figures: Record<string, number>;
}
const m = (value: Repeated) => value.median;
const memoryRow = (kind: string, count: number) => memory.rows.find((row: { kind: string; count: number }) => row.kind.startsWith(kind) && row.count === count)?.heapPerItemKiB;
const figures: Record<string, number> = {
  modernThroughputRatio: m(host.throughput.modern.ratio),
  sessionThroughputRatio: m(host.throughput.session.ratio),
  oauthThroughputRatio: m(host.throughput.oauth.ratio),
  floorPerSecond: Math.round(m(host.throughput.floor.perSecond)),
  modernPerSecond: Math.round(m(host.throughput.modern.perSecond)),
  sessionPerSecond: Math.round(m(host.throughput.session.perSecond)),
  modernLatencyRatio: m(host.latency.modern.ratio),
  sessionLatencyRatio: m(host.latency.session.ratio),
  modernP99Ms: m(host.latency.modern.p99),
  floorP99Ms: m(host.latency.floor.p99),
  gauzyBoundP50Ratio: m(gauzyBound.ratioP50),
  gauzyBoundP99Ratio: m(gauzyBound.ratioP99),
  toolsListHostMs: m(host.toolsList.hostMs),
  toolsListBytes: host.toolsList.bytes,
  stdioStartMs: m(stdio.stdioMs),
  stdioFirstCallMs: m(stdio.firstCallMs),
  stdioFirstStartMs: m(stdio.firstStartListMs),
  stdioFirstStartCallMs: m(stdio.firstStartCallMs),
  tokenValidationUs: m(host.tokenValidation.microseconds),
  tokenValidationShare: host.tokenValidation.shareOfOauthExtra,
  ...Object.fromEntries(
    [1000, 10000].flatMap((count) => [
      [`sessionHeapKiB${count}`, memoryRow('idle 2025', count)],
      [`webSocketHeapKiB${count}`, memoryRow('idle WebSocket', count)],
    ]).filter((pair) => pair[1] !== undefined),
  ),
};
const machine = `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`;
const date = new Date().toISOString().slice(0, 10);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(latestPath, `${JSON.stringify({ date, machine, figures } satisfies Figures, null, 2)}\n`);

const x = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(2)}×`);
const num = (value: number | undefined, unit = '') => (value === undefined ? '—' : `${Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(value < 10 ? 2 : 1)}${unit}`);
const was = (key: string, format: (value: number | undefined) => string) => format(previous?.figures[key]);
const rounds = (value: Repeated, format: (value: number) => string) => value.rounds.map(format).join(' · ');
const tokens = (bytes: number) => `≈${Math.round(bytes / 4).toLocaleString('en-US')} tokens`;

const lines = [
  START,
  `## Current figures (\`npm run bench\`, ${date}, ${machine})`,
  '',
  `Written by \`npm run bench\` (source: \`bench/src/report.ts\`); the hand-written history of how each figure got here follows below.`,
  `Each host figure is the median over ${host.rounds} rounds, and each ratio compares two figures of the same round. The`,
  `"previous" column is the run before this one${previous ? ` (${previous.date}, ${previous.machine})` : ' (none recorded)'}.`,
  '',
  '| figure | target | this run | per round | previous |',
  '|---|---|---|---|---|',
  `| 2026-07-28 \`tools/call\` without Gauzy, throughput vs bare Fastify (${num(figures.modernPerSecond)} vs ${num(figures.floorPerSecond)} req/s) | ≥ 0.25× | ${x(figures.modernThroughputRatio)} | ${rounds(host.throughput.modern.ratio, x)} | ${was('modernThroughputRatio', x)} |`,
  `| 2025-06-18 session \`tools/call\` without Gauzy, throughput vs floor (${num(figures.sessionPerSecond)} req/s) | ≥ 0.25× | ${x(figures.sessionThroughputRatio)} | ${rounds(host.throughput.session.ratio, x)} | ${was('sessionThroughputRatio', x)} |`,
  `| OAuth 2026-07-28 \`tools/call\` (JWT checked), throughput vs floor | | ${x(figures.oauthThroughputRatio)} | ${rounds(host.throughput.oauth.ratio, x)} | ${was('oauthThroughputRatio', x)} |`,
  `| one call in flight, 2026-07-28, p50 vs the floor's (p99 ${num(figures.modernP99Ms, ' ms')} vs ${num(figures.floorP99Ms, ' ms')}) | ≤ 1.3× | ${x(figures.modernLatencyRatio)} | ${rounds(host.latency.modern.ratio, x)} | ${was('modernLatencyRatio', x)} |`,
  `| one call in flight, 2025-06-18 session, p50 vs the floor's | ≤ 1.3× | ${x(figures.sessionLatencyRatio)} | ${rounds(host.latency.session.ratio, x)} | ${was('sessionLatencyRatio', x)} |`,
  `| Gauzy-bound read (\`list_projects\`, ${gauzyBound.gauzy}) vs the same Gauzy request sent directly, c=1, p50 | ≤ 1.1× | ${x(figures.gauzyBoundP50Ratio)} | ${rounds(gauzyBound.ratioP50, x)} | ${was('gauzyBoundP50Ratio', x)} |`,
  `| the same, p99 | | ${x(figures.gauzyBoundP99Ratio)} | ${rounds(gauzyBound.ratioP99, x)} | ${was('gauzyBoundP99Ratio', x)} |`,
  `| \`tools/list\` of every pack (${host.toolsList.tools} tools, ${num(figures.toolsListBytes)} bytes), the host's own time per request | < 1 ms | ${num(figures.toolsListHostMs, ' ms')} | ${rounds(host.toolsList.hostMs, (v) => num(v, ' ms'))} | ${was('toolsListHostMs', (v) => num(v, ' ms'))} |`,
  `| stdio cold start, spawn to the first \`tools/list\` answer (${stdio.tools} tools; node alone: ${num(m(stdio.bareNodeMs), ' ms')}), with the answers the previous start kept | < 300 ms | ${num(figures.stdioStartMs, ' ms')} (max ${num(stdio.stdioMaxMs, ' ms')}) | ${rounds(stdio.stdioMs, (v) => num(Math.round(v)))} | ${was('stdioStartMs', (v) => num(v, ' ms'))} |`,
  `| the same start, spawn to the first \`tools/call\` answer (the kernel loaded) | | ${num(figures.stdioFirstCallMs, ' ms')} | ${rounds(stdio.firstCallMs, (v) => num(Math.round(v)))} | ${was('stdioFirstCallMs', (v) => num(v, ' ms'))} |`,
  `| a first start (no answers kept: a new install or config), to \`tools/list\` and to \`tools/call\` | | ${num(figures.stdioFirstStartMs, ' ms')}; ${num(figures.stdioFirstStartCallMs, ' ms')} | | ${was('stdioFirstStartMs', (v) => num(v, ' ms'))} |`,
  ...[1000, 10000].flatMap((count) => [
    `| heap per idle 2025-06-18 session, ${count.toLocaleString('en-US')} open | < 20 KiB | ${num(figures[`sessionHeapKiB${count}`], ' KiB')} | | ${was(`sessionHeapKiB${count}`, (v) => num(v, ' KiB'))} |`,
    `| heap per open WebSocket (initialized), ${count.toLocaleString('en-US')} open | < 20 KiB | ${num(figures[`webSocketHeapKiB${count}`], ' KiB')} | | ${was(`webSocketHeapKiB${count}`, (v) => num(v, ' KiB'))} |`,
  ]),
  `| bearer-token check with the issuer's keys cached, per request; its share of what OAuth mode adds per request (${num(host.tokenValidation.oauthExtraMicroseconds, ' µs')}) | | ${num(figures.tokenValidationUs, ' µs')}, ${Math.round(figures.tokenValidationShare! * 100)}% | ${rounds(host.tokenValidation.microseconds, (v) => num(v))} | ${was('tokenValidationUs', (v) => num(v, ' µs'))} |`,
  `| two instances behind one Redis, throughput vs one | ≥ 1.7× | not measured by this suite | | |`,
  soak
    ? `| soak (\`npm run bench:soak\`, ${soak.date}, ${soak.seconds} s, ${num(soak.requests)} requests): unexpected errors; heap growth after warm-up (least-squares line) | 0; within 5% | ${soak.unexpectedErrors.count}; ${soak.heap.growthPercent >= 0 ? '+' : ''}${soak.heap.growthPercent}% (${soak.passed ? 'pass' : 'fail'}) | | |`
    : '| soak (`npm run bench:soak`) | 0 errors; heap within 5% | not run | | |',
  '',
  `The catalog a model reads: every pack ${num(catalog.bytes)} bytes (${catalog.tools} tools, ${tokens(catalog.bytes)}); the default toolsets (${catalog.defaultToolsets.names.join(', ')}) ${num(catalog.defaultToolsets.bytes)} bytes (${catalog.defaultToolsets.tools} tools, ${tokens(catalog.defaultToolsets.bytes)}). Per pack: ${catalog.packs.map((pack) => `${pack.name} ${num(pack.bytes)} B (${pack.tools})`).join(', ')}. Catalog mode (\`GAUZY_MCP_CATALOG\`, \`X-MCP-Catalog\`, \`/mcp/catalog\`; target ≤ 8 KB): ${num(catalog.catalogMode.stateful.bytes)} bytes for its ${catalog.catalogMode.stateful.tools} meta-tools (${tokens(catalog.catalogMode.stateful.bytes)}), ${num(catalog.catalogMode.stateless.bytes)} bytes (${catalog.catalogMode.stateless.tools}) on a stateless request, ${(catalog.bytes / catalog.catalogMode.stateful.bytes).toFixed(0)}× less than every pack. Tokens are estimated at 4 bytes each.`,
  END,
];

const benchmarksPath = join(root, 'BENCHMARKS.md');
const current = readFileSync(benchmarksPath, 'utf8');
const block = lines.join('\n');
const next = current.includes(START) ? current.replace(new RegExp(`${START}[\\s\\S]*?${END}`), block) : current.replace(/^# Benchmarks\n/, `# Benchmarks\n\n${block}\n`);
writeFileSync(benchmarksPath, next);
process.stderr.write(`\nwrote the figures into BENCHMARKS.md and ${latestPath}\n`);
