/**
 * Waits until `condition` holds, checking every few milliseconds; past `timeoutMs` it fails naming `what`. For
 * events a test cannot await directly (a poll that runs on a timer): the test fails rather than hangs, and no
 * timing is asserted.
 */
export async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
