/**
 * Slows password guessing on the sign-in page: after `maxFailures` wrong passwords for one email from
 * one address within the window, further attempts are refused until the window passes. Kept per
 * process; Gauzy's own login limits still apply behind it.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Seconds to wait, or 0 when this attempt may go ahead. */
  retryAfter(ip: string, email: string): number {
    const entry = this.failures.get(key(ip, email));
    if (!entry || entry.resetAt <= Date.now()) return 0;
    return entry.count >= this.maxFailures ? Math.ceil((entry.resetAt - Date.now()) / 1000) : 0;
  }

  failed(ip: string, email: string): void {
    const id = key(ip, email);
    const entry = this.failures.get(id);
    if (!entry || entry.resetAt <= Date.now()) this.failures.set(id, { count: 1, resetAt: Date.now() + this.windowMs });
    else entry.count++;
    if (this.failures.size > 10_000) for (const [stale, value] of this.failures) if (value.resetAt <= Date.now()) this.failures.delete(stale);
  }

  succeeded(ip: string, email: string): void {
    this.failures.delete(key(ip, email));
  }
}

const key = (ip: string, email: string) => `${ip}\u0000${email.trim().toLowerCase()}`;
