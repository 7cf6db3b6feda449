import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createKernel, silentLogger, type Kernel } from '@gauzy-mcp/core';
import { DrainingStdioTransport, serveKernelOverStdio } from '@gauzy-mcp/core/internal';
import type { Sandbox } from '@gauzy-mcp/testkit';
import { captureEarlyAnswers, INITIALIZE_VERSIONS } from '../src/early-start/capture.js';
import { EarlyStdio } from '../src/early-start/early-stdio.js';
import { sentWasStale } from '../src/early-start/refresh.js';
import { readEarlyAnswers, startCacheDir, startCacheKey, writeEarlyAnswers, type EarlyAnswers } from '../src/early-start/start-cache.js';
import { allPlugins, createSandbox } from './helpers.js';

const initialize = (id: number | string, protocolVersion: string) => ({ jsonrpc: '2.0', id, method: 'initialize', params: { protocolVersion, capabilities: {}, clientInfo: { name: 'test', version: '1' } } });
const initialized = { jsonrpc: '2.0', method: 'notifications/initialized' };
const line = (message: unknown) => `${JSON.stringify(message)}\n`;

/** Every line written to a stream, as they come. */
function collect(stream: Readable): { lines: string[]; raw(): string; next(count: number): Promise<string[]> } {
  const lines: string[] = [];
  let buffered = '';
  let raw = '';
  const waiters: Array<() => void> = [];
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    raw += chunk;
    buffered += chunk;
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
      lines.push(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
    }
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    lines,
    raw: () => raw,
    async next(count) {
      while (lines.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return lines.slice(0, count);
    },
  };
}

/** The kernel's own stdio serving, fed `messages`: its answers, by id. */
async function kernelAnswers(kernel: Kernel, messages: unknown[], answers: number): Promise<Map<unknown, string>> {
  const input = new PassThrough();
  const output = new PassThrough();
  const seen = collect(output);
  const handle = serveKernelOverStdio(kernel, silentLogger, new DrainingStdioTransport(input, output));
  for (const message of messages) input.write(line(message));
  const lines = await seen.next(answers);
  await handle.close();
  return new Map(lines.map((text) => [(JSON.parse(text) as { id: unknown }).id, text]));
}

describe('stdio early start against the kernel it stands in for', () => {
  let sandbox: Sandbox;
  let kernel: Kernel;
  let answers: EarlyAnswers;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    const { superAdmin } = sandbox.seed.users;
    kernel = createKernel({ plugins: await allPlugins(), inventory: { toolsets: ['all'] }, gauzyBaseUrl: sandbox.url, credentials: superAdmin, transport: 'stdio', log: silentLogger });
    answers = await captureEarlyAnswers(kernel);
  });
  after(async () => {
    await sandbox.close();
  });

  test('it keeps an initialize answer for every initialize-era revision, and every tools/list page', () => {
    assert.deepEqual(Object.keys(answers.initialize).sort(), [...INITIALIZE_VERSIONS].sort());
    for (const pages of Object.values(answers.toolsList)) {
      const first = JSON.parse(pages['']!) as { tools: unknown[]; nextCursor?: string };
      assert.ok(first.tools.length > 0);
      // 201 tools in pages of 200: the second page is kept under the first page's cursor.
      assert.ok(first.nextCursor && pages[first.nextCursor], 'the second page is kept');
    }
  });

  for (const version of INITIALIZE_VERSIONS) {
    test(`${version}: what it answers early is byte for byte what the kernel answers`, async () => {
      const cursor = (JSON.parse(Object.values(answers.toolsList)[0]!['']!) as { nextCursor: string }).nextCursor;
      const messages = [initialize(1, version), initialized, { jsonrpc: '2.0', id: 'list', method: 'tools/list' }, { jsonrpc: '2.0', id: 3, method: 'tools/list', params: { cursor } }, { jsonrpc: '2.0', id: 4, method: 'ping' }];
      const fromKernel = await kernelAnswers(kernel, messages, 4);
      const input = new PassThrough();
      const output = new PassThrough();
      const seen = collect(output);
      const early = new EarlyStdio(answers, input, output);
      for (const message of messages) input.write(line(message));
      const fromEarly = await seen.next(4);
      for (const text of fromEarly) assert.equal(text, fromKernel.get((JSON.parse(text) as { id: unknown }).id));
      early.release();
    });
  }

  test('after the hand-over the kernel serves the same connection: its initialize answer is checked and dropped', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const seen = collect(output);
    const early = new EarlyStdio(answers, input, output);
    input.write(line(initialize(1, '2025-06-18')) + line(initialized) + line({ jsonrpc: '2.0', id: 2, method: 'tools/list' }));
    await seen.next(2);
    // Waits for the kernel: a call, and what comes after it even when it could be answered early.
    input.write(line({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'get_server_info', arguments: {} } }) + line({ jsonrpc: '2.0', id: 4, method: 'ping' }));
    await early.loadNow;
    const handover = early.handOver();
    const handle = serveKernelOverStdio(kernel, silentLogger, new DrainingStdioTransport(handover.input, handover.output));
    input.write(line({ jsonrpc: '2.0', id: 5, method: 'tools/list' }));
    const all = await seen.next(5);
    assert.deepEqual(all.map((text) => (JSON.parse(text) as { id: unknown }).id), [1, 2, 3, 4, 5]);
    const call = JSON.parse(all[2]!) as { result: { isError?: boolean; content: unknown[] } };
    assert.ok(!call.result.isError && call.result.content.length > 0, all[2]);
    assert.equal(all[4], all[1]!.replace('"id":2', '"id":5'), 'the kernel lists what was listed early');
    assert.equal(seen.lines.length, 5, 'the replayed initialize was not answered to the client');
    assert.equal(sentWasStale(early.sent, await captureEarlyAnswers(kernel)), false, 'what was sent early is what the kernel answers');
    await handle.close();
  });

  test('an early initialize or tools/list that was not what the kernel answers is found out', async () => {
    const staleInitialize: EarlyAnswers = { ...answers, initialize: { ...answers.initialize, '2025-06-18': answers.initialize['2025-06-18']!.replace('Ever Gauzy', 'Other Gauzy') } };
    const negotiated = Object.keys(answers.toolsList)[0]!;
    const staleList: EarlyAnswers = { ...answers, toolsList: { ...answers.toolsList, [negotiated]: { ...answers.toolsList[negotiated], '': answers.toolsList[negotiated]!['']!.replace('list_projects', 'list_projectz') } } };
    for (const [stale, asks] of [[staleInitialize, [initialize(1, '2025-06-18')]], [staleList, [initialize(1, negotiated), { jsonrpc: '2.0', id: 2, method: 'tools/list' }]]] as const) {
      const input = new PassThrough();
      const output = new PassThrough();
      const seen = collect(output);
      const early = new EarlyStdio(stale, input, output);
      for (const message of asks) input.write(line(message));
      await seen.next(asks.length);
      assert.equal(sentWasStale(early.sent, answers), true);
      early.release();
    }
  });
});

describe('what the early start answers, and what it leaves to the kernel', () => {
  const answers: EarlyAnswers = {
    initialize: { '2025-06-18': '{"protocolVersion":"2025-06-18","capabilities":{},"serverInfo":{"name":"s","version":"1"}}' },
    toolsList: { '2025-06-18': { '': '{"tools":[],"nextCursor":"c2"}', c2: '{"tools":[]}' } },
  };

  /** Feeds lines to a fresh early start: what it answered, and what it keeps for the kernel (in order). */
  async function feed(texts: string[], given: EarlyAnswers | 'none' = answers): Promise<{ answered: unknown[]; kept: string[]; keptRaw: string; early: EarlyStdio }> {
    const input = new PassThrough();
    const output = new PassThrough();
    const seen = collect(output);
    const early = new EarlyStdio(given === 'none' ? undefined : given, input, output, 10_000);
    input.write(texts.join(''));
    await new Promise((resolve) => setImmediate(resolve));
    const handover = early.handOver();
    input.end();
    const kept = collect(handover.input);
    await new Promise((resolve) => handover.input.on('end', resolve));
    return { answered: seen.lines.map((text) => (JSON.parse(text) as { id: unknown }).id), kept: kept.lines, keptRaw: kept.raw(), early };
  }

  test('with nothing kept it answers nothing and hands every byte over, the unfinished line too', async () => {
    const texts = [line(initialize(1, '2025-06-18')), '\n', line({ jsonrpc: '2.0', id: 2, method: 'tools/list' }), '{"jsonrpc":"2.0","id":3,'];
    const { answered, keptRaw } = await feed(texts, 'none');
    assert.deepEqual(answered, []);
    assert.equal(keptRaw, texts.join(''));
  });

  test('initialize and the tools/list pages are answered; initialize and initialized are replayed, initialize under its own id', async () => {
    const { answered, kept } = await feed([line(initialize(7, '2025-06-18')), line(initialized), line({ jsonrpc: '2.0', id: 8, method: 'tools/list' }), line({ jsonrpc: '2.0', id: 'p', method: 'tools/list', params: { cursor: 'c2' } })]);
    assert.deepEqual(answered, [7, 8, 'p']);
    assert.equal(kept.length, 2);
    const replayed = JSON.parse(kept[0]!) as { id: string; method: string; params: unknown };
    assert.equal(replayed.method, 'initialize');
    assert.match(replayed.id, /^gauzy-mcp-early-initialize-/);
    assert.deepEqual(replayed.params, initialize(7, '2025-06-18').params);
    assert.deepEqual(JSON.parse(kept[1]!), initialized);
  });

  const leftToTheKernel: Array<[string, string[]]> = [
    ['a revision it kept no answer for', [line(initialize(1, '2024-01-01'))]],
    ['an initialize without clientInfo', [line({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {} } })]],
    ['an initialize whose params are a list', [line({ jsonrpc: '2.0', id: 1, method: 'initialize', params: [] })]],
    ['an initialize with a fractional id', [line(initialize(1.5, '2025-06-18'))]],
    ['a message that is not JSON', ['{oops\n']],
    ['a batch', [line([initialize(1, '2025-06-18')])]],
    ['a tools/list before initialize', [line({ jsonrpc: '2.0', id: 1, method: 'tools/list' })]],
    ['a ping before initialize', [line({ jsonrpc: '2.0', id: 1, method: 'ping' })]],
    ['a second initialize', [line(initialize(1, '2025-06-18')), line(initialize(2, '2025-06-18'))]],
    ['a tools/list with a cursor it does not know', [line(initialize(1, '2025-06-18')), line({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: { cursor: 'nope' } })]],
    ['a tools/list with a parameter it does not know', [line(initialize(1, '2025-06-18')), line({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: { filter: 'x' } })]],
    ['a notification other than initialized', [line(initialize(1, '2025-06-18')), line({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1 } })]],
  ];
  for (const [what, texts] of leftToTheKernel) {
    test(`${what}: kept for the kernel, as it came`, async () => {
      const { answered, kept } = await feed(texts);
      const last = texts.at(-1)!.trim();
      assert.ok(!answered.includes(2) && (texts.length > 1 || answered.length === 0), `answered ${JSON.stringify(answered)}`);
      assert.equal(kept.at(-1), last);
    });
  }

  test('once a request waits for the kernel, nothing after it is answered early', async () => {
    const { answered, kept } = await feed([line(initialize(1, '2025-06-18')), line({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'x' } }), line({ jsonrpc: '2.0', id: 3, method: 'tools/list' }), line({ jsonrpc: '2.0', id: 4, method: 'ping' })]);
    assert.deepEqual(answered, [1]);
    assert.deepEqual(kept.slice(1).map((text) => (JSON.parse(text) as { id: number }).id), [2, 3, 4]);
  });

  test('the kernel starts loading once tools are listed, when a request needs it, when input ends, or when the client is quiet', async () => {
    const settled = async (early: EarlyStdio) => Promise.race([early.loadNow.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 30))]);
    const make = (idleMs = 10_000) => {
      const input = new PassThrough();
      return { input, early: new EarlyStdio(answers, input, new PassThrough(), idleMs) };
    };
    const quietAfterInitialize = make();
    quietAfterInitialize.input.write(line(initialize(1, '2025-06-18')));
    assert.equal(await settled(quietAfterInitialize.early), false, 'an initialize alone does not start it (the tools/list is coming)');
    quietAfterInitialize.input.write(line({ jsonrpc: '2.0', id: 2, method: 'tools/list' }));
    assert.equal(await settled(quietAfterInitialize.early), true);
    const call = make();
    call.input.write(line({ jsonrpc: '2.0', id: 1, method: 'tools/call' }));
    assert.equal(await settled(call.early), true);
    assert.ok(call.input.isPaused(), 'what comes after it stays in stdin until the kernel reads it');
    const ended = make();
    ended.input.end();
    assert.equal(await settled(ended.early), true);
    const long = make();
    long.input.write(line(initialize(1, '2025-06-18')) + 'x'.repeat(70 * 1024));
    assert.equal(await settled(long.early), true, 'a line longer than any it answers');
    const quiet = make(5);
    assert.equal(await settled(quiet.early), true);
    assert.equal(await settled(new EarlyStdio(undefined, new PassThrough(), new PassThrough())), true, 'with nothing kept it does not wait');
    for (const each of [quietAfterInitialize, call, ended, long, quiet]) each.early.release();
  });
});

describe('where the answers are kept, and under what key', () => {
  let scratch: string;
  let files: Record<string, string>;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'gauzy-mcp-start-cache-'));
    files = {};
    for (const name of ['@gauzy-mcp/core', '@gauzy-mcp/plugin-a']) {
      const dir = join(scratch, name.replace('/', '+'));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '1.0.0' }));
      writeFileSync(join(dir, 'index.js'), 'export {};\n');
      files[name] = join(dir, 'index.js');
    }
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const resolve = (name: string) => pathToFileURL(files[name]!).href;
  const key = (env: NodeJS.ProcessEnv) => startCacheKey(env, ['@gauzy-mcp/plugin-a'], resolve);

  test('the key follows the configuration and the packages, never the password', () => {
    const env = { API_BASE_URL: 'http://127.0.0.1:3400', GAUZY_AUTH_EMAIL: 'a@b.c', GAUZY_AUTH_PASSWORD: 'one', HOME: '/x' };
    const base = key(env);
    assert.match(base!, /^[0-9a-f]{64}$/);
    assert.equal(key({ ...env, GAUZY_AUTH_PASSWORD: 'two', HOME: '/y', GAUZY_MCP_START_CACHE: '/z' }), base);
    assert.notEqual(key({ ...env, GAUZY_MCP_TOOLSETS: 'all' }), base);
    assert.notEqual(key({ ...env, API_BASE_URL: 'http://127.0.0.1:3401' }), base);
    assert.notEqual(startCacheKey(env, [], resolve), base);
    // A pack rebuilt in place: its entry's size or time changes.
    writeFileSync(files['@gauzy-mcp/plugin-a']!, 'export const changed = 1;\n');
    const rebuilt = key(env);
    assert.notEqual(rebuilt, base);
    utimesSync(files['@gauzy-mcp/core']!, new Date(2001, 1, 1), new Date(2001, 1, 1));
    assert.notEqual(key(env), rebuilt);
    // An upgrade that leaves the entry the same size and time still changes the version.
    const before = key(env);
    writeFileSync(join(scratch, '@gauzy-mcp+core', 'package.json'), JSON.stringify({ version: '1.0.1' }));
    assert.notEqual(key(env), before);
    assert.equal(startCacheKey(env, ['@gauzy-mcp/missing'], (name) => (name in files ? resolve(name) : (() => { throw new Error('not found'); })())), undefined);
  });

  test('the directory: GAUZY_MCP_START_CACHE, off, or the user cache', () => {
    assert.equal(startCacheDir({ GAUZY_MCP_START_CACHE: '/tmp/here' }), '/tmp/here');
    for (const off of ['off', 'OFF', 'false', '0', 'no']) assert.equal(startCacheDir({ GAUZY_MCP_START_CACHE: off }), undefined);
    assert.equal(startCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }), '/var/cache/me/gauzy-mcp');
    assert.match(startCacheDir({})!, /\.cache\/gauzy-mcp$/);
  });

  test('kept answers read back the same, for their key only; a damaged file reads as none', () => {
    const dir = join(scratch, 'cache');
    const answers: EarlyAnswers = { initialize: { a: '{"x":1}', b: '{"x":1}' }, toolsList: { a: { '': '{"tools":[]}' } } };
    const keyA = 'a'.repeat(64);
    writeEarlyAnswers(dir, keyA, answers);
    assert.deepEqual(readEarlyAnswers(dir, keyA), answers);
    assert.equal(readEarlyAnswers(dir, 'b'.repeat(64)), undefined);
    const [file] = readdirSync(dir);
    assert.equal(statSync(join(dir, file!)).mode & 0o777, 0o600, 'readable by the user only');
    const stored = JSON.parse(readFileSync(join(dir, file!), 'utf8')) as { texts: string[] };
    assert.equal(stored.texts.length, 2, 'the same text is stored once');
    for (const damaged of ['{', '{"format":1}', JSON.stringify({ ...stored, initialize: { a: 99 } }), JSON.stringify({ ...stored, key: 'a'.repeat(63) + 'b' })]) {
      writeFileSync(join(dir, file!), damaged);
      assert.equal(readEarlyAnswers(dir, keyA), undefined, damaged.slice(0, 40));
    }
  });

  test('only the newest few files are kept', () => {
    const dir = join(scratch, 'many');
    for (let index = 0; index < 12; index++) {
      const key = index.toString(16).padEnd(64, '0');
      writeEarlyAnswers(dir, key, { initialize: {}, toolsList: {} });
      const written = join(dir, `stdio-${key.slice(0, 32)}.json`);
      utimesSync(written, new Date(2020, 0, 1, 0, index), new Date(2020, 0, 1, 0, index));
    }
    writeEarlyAnswers(dir, 'f'.repeat(64), { initialize: {}, toolsList: {} });
    const left = readdirSync(dir);
    assert.equal(left.length, 8);
    assert.ok(left.includes(`stdio-${'f'.repeat(32)}.json`));
    assert.ok(!left.includes(`stdio-${'0'.repeat(32)}.json`), 'the oldest went');
  });
});
