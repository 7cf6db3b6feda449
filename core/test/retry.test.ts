import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs, shouldRetry } from '../src/gauzy/retry.js';

test('creates are retried only on 429; idempotent calls also on 502/503/504 and connection errors', () => {
  assert.equal(shouldRetry('POST', { status: 503 }), false);
  assert.equal(shouldRetry('POST', { connectionError: true }), false);
  assert.equal(shouldRetry('POST', { status: 429 }), true);
  for (const status of [502, 503, 504]) assert.equal(shouldRetry('GET', { status }), true);
  assert.equal(shouldRetry('GET', { status: 500 }), false);
  assert.equal(shouldRetry('GET', { status: 404 }), false);
  assert.equal(shouldRetry('PUT', { connectionError: true }), true);
  assert.equal(shouldRetry('DELETE', { status: 503 }), true);
});

test('backoff grows exponentially with jitter, capped, and Retry-After wins', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
  assert.equal(retryDelayMs(policy, 1, null, () => 0), 50);
  assert.equal(retryDelayMs(policy, 1, null, () => 1), 100);
  assert.equal(retryDelayMs(policy, 3, null, () => 1), 400);
  assert.equal(retryDelayMs(policy, 10, null, () => 1), 1000);
  assert.equal(retryDelayMs(policy, 1, '2', () => 0), 2000);
  assert.equal(parseRetryAfter('abc'), undefined);
  assert.ok((parseRetryAfter(new Date(Date.now() + 3000).toUTCString()) ?? 0) > 1000);
});
