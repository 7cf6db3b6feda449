// Memory per idle 2025-revision session and per open WebSocket, at 1,000 and 10,000 of each (issue #13). The host
// runs in a child process (memory-host.ts) so the clients' own sockets and buffers are not counted; after each
// step the child collects garbage twice and reports its heap. Run: node --import tsx
// bench/src/memory.ts (from the root); `npm run bench` runs it too.
import './require-current-build.js';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { initializeRequest, openSession, SESSION_REVISION } from './modern-call.js';
import { writeSuiteResult } from './results.js';

const COUNTS = (process.env.BENCH_MEMORY_COUNTS ?? '1000,10000').split(',').map(Number);
const child = fork(fileURLToPath(new URL('./memory-host.ts', import.meta.url)), [], {
  execArgv: ['--expose-gc', '--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
let pending: ((message: HostReport) => void) | undefined;
interface HostReport {
  url?: string;
  heapUsed: number;
  rss: number;
  sessions: number;
  webSockets: number;
}
child.on('message', (message) => pending?.(message as HostReport));
const ask = (command: string) =>
  new Promise<HostReport>((resolve) => {
    pending = resolve;
    child.send(command);
  });
const ready = await new Promise<HostReport>((resolve) => (pending = resolve));
const mcpUrl = ready.url!;
const wsUrl = mcpUrl.replace(/^http/, 'ws').replace(/\/mcp$/, '/ws');

function openSocket(index: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl);
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify(initializeRequest(index))));
    socket.once('message', () => {
      socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
      resolve(socket);
    });
  });
}

/** Opens `count` of something, 32 at a time, and returns them. */
async function openMany<T>(count: number, open: (index: number) => Promise<T>): Promise<T[]> {
  const opened: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < count) opened.push(await open(next++));
    }),
  );
  return opened;
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const rows: Array<{ kind: string; count: number; heapPerItemKiB: number; rssPerItemKiB: number; live: number }> = [];
for (const count of COUNTS) {
  const before = await ask('measure');
  const sessions = await openMany(count, async (index) => (await openSession(mcpUrl, { id: index }))['mcp-session-id']);
  const withSessions = await ask('measure');
  rows.push({ kind: 'idle 2025-06-18 session', count, heapPerItemKiB: kib((withSessions.heapUsed - before.heapUsed) / count), rssPerItemKiB: kib((withSessions.rss - before.rss) / count), live: withSessions.sessions });
  await openMany(sessions.length, async (index) => {
    const response = await fetch(mcpUrl, { method: 'DELETE', headers: { 'mcp-session-id': sessions[index]!, 'mcp-protocol-version': SESSION_REVISION } });
    await response.text();
  });

  const beforeSockets = await ask('measure');
  const sockets = await openMany(count, openSocket);
  const withSockets = await ask('measure');
  rows.push({ kind: 'idle WebSocket (initialized)', count, heapPerItemKiB: kib((withSockets.heapUsed - beforeSockets.heapUsed) / count), rssPerItemKiB: kib((withSockets.rss - beforeSockets.rss) / count), live: withSockets.webSockets });
  await Promise.all(sockets.map((socket) => new Promise<void>((resolve) => (socket.once('close', () => resolve()), socket.close(1000)))));
  process.stderr.write(`measured ${count}\n`);
}
child.send('exit');

writeSuiteResult({ suite: 'memory', node: process.version, rows });
process.stderr.write(
  ['\n| what | count | heap per item | RSS per item | live on the host |', '|---|---|---|---|---|', ...rows.map((row) => `| ${row.kind} | ${row.count} | ${row.heapPerItemKiB} KiB | ${row.rssPerItemKiB} KiB | ${row.live} |`), ''].join('\n'),
);
