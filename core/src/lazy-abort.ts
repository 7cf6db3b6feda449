/**
 * A call's cancel signal, made when something first reads it. Making Node's AbortController (an EventTarget) for
 * every request was the largest single entry in the host's profile of calls that never reach Gauzy (64 of 858 ms
 * over 8,000 `get_server_info` calls), and such calls never read it; a call that does reach Gauzy reads it for
 * its requests. Aborting before the first read is kept: the signal is then made aborted, with the same reason.
 */
export class LazyAbortController {
  private controller?: AbortController;
  private aborted = false;
  private reason: unknown;

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
  }
}
