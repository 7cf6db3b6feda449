import type { Kernel, Logger } from '@gauzy-mcp/core';
import { captureEarlyAnswers } from './capture.js';
import type { EarlyStdio } from './early-stdio.js';
import type { EarlyStart } from './index.js';
import { removeEarlyAnswers, writeEarlyAnswers, type EarlyAnswers } from './start-cache.js';

/**
 * Once the kernel serves, asks it for the answers a next start may give early, checks the ones this start gave
 * against them, and keeps them when they changed. Runs after the hand-over, on its own: a failure here costs the
 * next start its head start, never this one an answer.
 */
export function refreshEarlyAnswers(kernel: Kernel, early: EarlyStart, log: Logger): void {
  const { cache } = early;
  if (!cache) return;
  setImmediate(() => {
    void (async () => {
      const fresh = await captureEarlyAnswers(kernel);
      if (sentWasStale(early.front.sent, fresh)) {
        // The key missed a change (a package rebuilt in place, say): what the client got first was not this server's.
        log.warn('the answers given before the server had loaded were out of date; the client may need to list the tools again', {});
      }
      if (!early.answers || !sameAnswers(early.answers, fresh)) writeEarlyAnswers(cache.dir, cache.key, fresh);
    })().catch((error: unknown) => {
      log.debug('could not keep the answers for the next start', { error });
      try {
        removeEarlyAnswers(cache.dir, cache.key);
      } catch {
        // Nothing kept, nothing to remove.
      }
    });
  });
}

/** Whether anything answered early differs from what the kernel answers now. */
export function sentWasStale(sent: EarlyStdio['sent'], fresh: EarlyAnswers): boolean {
  if (sent.initialize && fresh.initialize[sent.initialize.version] !== sent.initialize.text) return true;
  return sent.toolsList.some(({ version, cursor, text }) => fresh.toolsList[version]?.[cursor] !== text);
}

function sameAnswers(a: EarlyAnswers, b: EarlyAnswers): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
