import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LazyAbortController } from '../src/lazy-abort.js';

test('a lazily made cancel signal aborts as an eager one would, whether it is read before or after the abort', () => {
  const readFirst = new LazyAbortController();
  const signal = readFirst.signal;
  let heard: unknown;
  signal.addEventListener('abort', () => (heard = signal.reason));
  assert.equal(signal.aborted, false);
  assert.equal(readFirst.signal, signal, 'one signal per controller');
  readFirst.abort('gone');
  assert.equal(signal.aborted, true);
  assert.equal(heard, 'gone');

  // The client left before the handler looked: the signal it then reads is already aborted, with the reason.
  const abortedFirst = new LazyAbortController();
  abortedFirst.abort('gone');
  abortedFirst.abort('again');
  assert.equal(abortedFirst.signal.aborted, true);
  assert.equal(abortedFirst.signal.reason, 'gone');
  const withoutReason = new LazyAbortController();
  withoutReason.abort();
  assert.equal((withoutReason.signal.reason as Error).name, 'AbortError');
});
