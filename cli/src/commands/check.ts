import { isGauzyMcpError, silentLogger } from '@gauzy-mcp/core';
import { GauzyHttp, normalizeGauzyBaseUrl } from '@gauzy-mcp/core/internal';

/*
 * `gauzy-mcp check [--config host.json]`: what would stop the server from working, found before a user does.
 * Without a config it checks the stdio environment (API_BASE_URL and the account, signed in for real, so a
 * wrong password shows); with one, the host's config, each configured account's sign-in, Redis and the
 * authorization server's keys. Each finding is a line with its fix; any failure exits 1.
 */

export interface CheckLine {
  ok: boolean;
  what: string;
  detail: string;
}

type Write = (line: string) => void;

/** Signs in to Gauzy as the account: the one check that proves address, reachability and password at once. */
async function signIn(baseUrl: string, email: string, password: string): Promise<CheckLine> {
  const what = `Gauzy sign-in as ${email}`;
  try {
    await new GauzyHttp({ baseUrl, log: silentLogger, timeoutMs: 15_000, retry: { maxAttempts: 1 } }).send({ method: 'POST', route: '/api/auth/login', body: { email, password } }, {});
    return { ok: true, what, detail: `signed in at ${baseUrl}` };
  } catch (error) {
    if (!isGauzyMcpError(error)) return { ok: false, what, detail: String(error) };
    const status = error.details.status as number | undefined;
    if (status === 401 || status === 400) return { ok: false, what, detail: `Gauzy refused the account (HTTP ${status}): check GAUZY_AUTH_EMAIL and the password` };
    if (error.code === 'GMCP_ERR_GAUZY_UNAVAILABLE' || error.code === 'GMCP_ERR_GAUZY_TIMEOUT') return { ok: false, what, detail: `cannot reach Gauzy at ${baseUrl} (${error.message}): is it running, and is the address right?` };
    if (status === 404) return { ok: false, what, detail: `${baseUrl} answers, but has no /api/auth/login: is it Gauzy's API address?` };
    return { ok: false, what, detail: `${error.code}: ${error.message}` };
  }
}

async function checkStdio(env: NodeJS.ProcessEnv): Promise<CheckLine[]> {
  const given = env.API_BASE_URL ?? env.GAUZY_API_BASE_URL;
  if (!given) return [{ ok: true, what: 'Gauzy', detail: 'no API_BASE_URL: stdio serves the bundled sandbox with its demo account' }];
  let baseUrl: string;
  try {
    baseUrl = normalizeGauzyBaseUrl(given);
  } catch (error) {
    return [{ ok: false, what: 'API_BASE_URL', detail: (error as Error).message }];
  }
  const lines: CheckLine[] = [{ ok: true, what: 'API_BASE_URL', detail: baseUrl }];
  if (!env.GAUZY_AUTH_EMAIL || !env.GAUZY_AUTH_PASSWORD) {
    lines.push({ ok: false, what: 'Gauzy account', detail: 'set GAUZY_AUTH_EMAIL and GAUZY_AUTH_PASSWORD (the Gauzy account to act as)' });
    return lines;
  }
  lines.push(await signIn(baseUrl, env.GAUZY_AUTH_EMAIL, env.GAUZY_AUTH_PASSWORD));
  return lines;
}

async function checkHost(path: string | undefined, env: NodeJS.ProcessEnv): Promise<CheckLine[]> {
  // Loaded only here: the host (Fastify, ioredis) is never loaded for the stdio check.
  const { loadHostConfig, createHostState } = await import('@gauzy-mcp/host');
  let config;
  try {
    ({ config } = loadHostConfig({ path, env }));
  } catch (error) {
    const problems = isGauzyMcpError(error) && Array.isArray(error.details.problems) ? (error.details.problems as string[]) : [(error as Error).message];
    return problems.map((problem) => ({ ok: false, what: 'config', detail: problem }));
  }
  const lines: CheckLine[] = [{ ok: true, what: 'config', detail: `${path ?? env.GAUZY_MCP_CONFIG ?? '(environment)'} is valid (${config.mode}, ${config.identity.mode} identity)` }];
  const baseUrl = normalizeGauzyBaseUrl(config.gauzy!.baseUrl, 'gauzy.baseUrl');
  if (config.identity.mode === 'development') {
    for (const account of config.identity.accounts) lines.push(await signIn(baseUrl, account.email, account.password));
  } else {
    const jwksUrl = config.identity.jwksUrl ?? `${config.identity.issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;
    try {
      const response = await fetch(jwksUrl, { signal: AbortSignal.timeout(15_000) });
      const keys = response.ok ? ((await response.json()) as { keys?: unknown[] }).keys : undefined;
      lines.push(Array.isArray(keys) && keys.length > 0
        ? { ok: true, what: 'authorization server keys', detail: `${keys.length} signing key(s) at ${jwksUrl}` }
        : { ok: false, what: 'authorization server keys', detail: `${jwksUrl} answered HTTP ${response.status} without keys: is the issuer right, and is the authorization server running?` });
    } catch (error) {
      lines.push({ ok: false, what: 'authorization server keys', detail: `cannot read ${jwksUrl} (${(error as Error).message}): is the authorization server running at identity.issuer?` });
    }
  }
  if (config.state.redisUrl) {
    try {
      const state = await createHostState(config, silentLogger);
      await state.close();
      lines.push({ ok: true, what: 'Redis', detail: 'reachable' });
    } catch (error) {
      lines.push({ ok: false, what: 'Redis', detail: `${(error as Error).message}: is Redis running, and is state.redisUrl (REDIS_URL) right?` });
    }
  }
  return lines;
}

/** Runs the checks, writes one line each, and answers the exit code: 0 when all pass, 1 otherwise. */
export async function runCheck(args: readonly string[], env: NodeJS.ProcessEnv, write: Write = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  const index = args.indexOf('--config');
  const path = index >= 0 ? args[index + 1] : undefined;
  const lines = path || env.GAUZY_MCP_CONFIG ? await checkHost(path, env) : await checkStdio(env);
  for (const line of lines) write(`${line.ok ? 'ok  ' : 'FAIL'} ${line.what}: ${line.detail}`);
  const failed = lines.filter((line) => !line.ok).length;
  write(failed ? `${failed} problem(s) found.` : 'All checks passed.');
  return failed ? 1 : 0;
}
