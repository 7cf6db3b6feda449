/** A scripted failure: matched before auth, consumed one hit at a time. */
export interface FaultRule {
  method?: string;
  /** Matched against the path without the query string. */
  path?: string | RegExp;
  /** Hits before the rule is used up (default 1; Infinity allowed). */
  times?: number;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Destroy the socket (the client sees a connection reset). */
  reset?: boolean;
}

interface ActiveRule extends FaultRule { id: string; remaining: number }

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  add(rule: FaultRule): string {
    const id = `fault-${this.nextId++}`;
    this.rules.push({ ...rule, id, remaining: rule.times ?? 1 });
    return id;
  }

  remove(id: string): void {
    this.rules = this.rules.filter((r) => r.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  /** Whether a rule still has hits left: a test waits for `false` to know its request reached the sandbox. */
  isPending(id: string): boolean {
    return this.rules.some((r) => r.id === id);
  }

  /** Finds the first live rule for this request and consumes one hit. */
  take(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && (!r.method || r.method.toUpperCase() === method.toUpperCase()) &&
      (r.path === undefined || (typeof r.path === 'string' ? r.path === path : r.path.test(path))));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.remove(rule.id);
    return rule;
  }
}
