import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { DrainingStdioTransport } from '../src/protocol/draining-stdio.js';

// The SDK's stdio transport closes when stdin ends and drops the requests still in flight; a client that writes
// its requests and closes its end got no answers for them (issue #15: five calls unanswered, a tools/list cut).

function wired(drainTimeoutMs?: number) {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const transport = new DrainingStdioTransport(input, output, drainTimeoutMs);
  const received: JSONRPCMessage[] = [];
  let closed = 0;
  transport.onmessage = (message) => received.push(message);
  transport.onclose = () => closed++;
  return { input, transport, received, lines: () => written.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: number; result?: unknown }), closed: () => closed };
}

test('when stdin ends, the requests already received are answered before the transport closes', async () => {
  const { input, transport, received, lines, closed } = wired();
  await transport.start();
  const big = 'x'.repeat(200_000);
  input.write('{"jsonrpc":"2.0","id":1,"method":"tools/list"}\n{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
  input.end('{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"a"}}');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(received.length, 3, 'the last line counts without its newline');
  assert.equal(closed(), 0, 'still open: two requests are unanswered');
  // The answers come later than the end of input, as slow tool calls do.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await transport.send({ jsonrpc: '2.0', id: 2, result: { content: [] } });
  assert.equal(closed(), 0);
  await transport.send({ jsonrpc: '2.0', id: 1, result: { tools: [], padding: big } });
  await transport.drained;
  assert.equal(closed(), 1);
  assert.deepEqual(lines().map((line) => line.id), [2, 1]);
  assert.equal(((lines()[1]!.result as { padding: string }).padding).length, big.length, 'the large answer is whole');
});

test('with nothing pending, the end of stdin closes at once; a request that never answers is given up after the drain timeout', async () => {
  const quiet = wired();
  await quiet.transport.start();
  quiet.input.end();
  await quiet.transport.drained;
  assert.equal(quiet.closed(), 1);

  const stuck = wired(30);
  await stuck.transport.start();
  stuck.input.end('{"jsonrpc":"2.0","id":9,"method":"tools/call"}\n');
  await stuck.transport.drained;
  assert.equal(stuck.closed(), 1);
  await assert.rejects(stuck.transport.send({ jsonrpc: '2.0', id: 9, result: {} }), /closed/);
});

test('a line that is not JSON is reported and skipped; the next one is read', async () => {
  const { input, transport, received } = wired();
  const errors: Error[] = [];
  transport.onerror = (error) => errors.push(error);
  await transport.start();
  input.write('not json\n{"jsonrpc":"2.0","method":"ping","id":3}\n');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(errors.length, 1);
  assert.deepEqual(received.map((message) => (message as { id?: number }).id), [3]);
});
