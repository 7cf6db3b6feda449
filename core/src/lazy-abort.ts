/**
 * A call's cancel signal, made when something first reads it. Node's AbortController costs about 8 µs to make
 * (its EventTarget), as much as the rest of a call that never reaches Gauzy, and such calls never read it; a
 * call that does reach Gauzy reads it for its requests. Aborting before the first read is kept: the signal is
 * then made aborted, with the same reason.
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
