import { createHash, randomUUID } from 'node:crypto';
import { fieldMessages } from '../dto-validation.js';
import { callerFor, type AuthState } from '../engine/guards.js';
import type { RouteRegistry } from '../engine/route-registry.js';
import { requireCaller } from '../engine/route-registry.js';
import { normalizeRelations, serialize } from '../engine/serialize.js';
import { badRequest, GauzyHttpError, unauthorized } from '../http-errors.js';
import { signJwt, verifyJwt } from '../jwt.js';
import type { Row, SandboxStore } from '../store.js';

export const hashPassword = (password: string) => createHash('sha256').update(`gauzy-sandbox:${password}`).digest('hex');

export interface TokenState extends AuthState {
  accessTokenTtlSeconds: number;
  /** Every access token issued (so `expireAccessTokens()` can revoke them all). */
  issuedAccessTokens: Set<string>;
  /** Refresh token → user id; rotation deletes the old entry. */
  refreshTokens: Map<string, string>;
  /**
   * Refresh tokens no longer valid and why (Gauzy's token table keeps them with status ROTATED or REVOKED;
   * presenting one answers 401 `Token is rotated` / `Token is revoked`).
   */
  spentRefreshTokens?: Map<string, 'rotated' | 'revoked'>;
}

/** UnauthorizedException(`Token is ${status}`) from Gauzy's token service: Nest keeps `error`. */
const spentToken = (status: 'rotated' | 'revoked') =>
  new GauzyHttpError(401, { message: `Token is ${status}`, error: 'Unauthorized', statusCode: 401 });

function spend(tokens: TokenState, token: string, status: 'rotated' | 'revoked'): void {
  tokens.refreshTokens.delete(token);
  (tokens.spentRefreshTokens ??= new Map()).set(token, status);
}

const REFRESH_TTL_SECONDS = 7 * 24 * 3600;

export function issueTokens(store: SandboxStore, tokens: TokenState, userId: string): { token: string; refresh_token: string } {
  const caller = callerFor(userId, store);
  if (!caller) throw unauthorized();
  const iat = Math.floor(Date.now() / 1000);
  // `jti` keeps two tokens issued in the same second distinct (revocation and rotation are per token).
  const token = signJwt({
    id: caller.user.id, tenantId: caller.tenantId, organizationId: caller.employee?.organizationId ?? caller.user.lastOrganizationId ?? null,
    employeeId: caller.employee?.id ?? null, role: caller.role.name, permissions: [...caller.permissions],
    iat, exp: iat + tokens.accessTokenTtlSeconds, jti: randomUUID(),
  }, tokens.jwtSecret);
  const refresh_token = signJwt({ id: caller.user.id, email: caller.user.email, tenantId: caller.tenantId, role: caller.role.name, iat, exp: iat + REFRESH_TTL_SECONDS, jti: randomUUID() }, `${tokens.jwtSecret}:refresh`);
  tokens.issuedAccessTokens.add(token);
  tokens.refreshTokens.set(refresh_token, String(caller.user.id));
  return { token, refresh_token };
}

/** The user as Gauzy's login/me answer it: role object, and `employee` when one exists. */
export function renderUser(store: SandboxStore, user: Row, options: { role?: boolean; employee?: boolean; organization?: boolean } = {}) {
  const out = serialize('user', user, store, options.role ? ['role'] : []);
  if (options.employee) {
    const employee = store.list('employee').find((e) => e.userId === user.id && !e.deletedAt);
    if (employee) out.employee = serialize('employee', employee, store, options.organization ? ['organization'] : []);
  }
  return out;
}

export function registerAuthRoutes(registry: RouteRegistry, store: SandboxStore, tokens: TokenState): void {
  registry.serve('POST', '/api/auth/login', ({ body }) => {
    const messages = [
      ...fieldMessages('email', { type: 'email', required: true }, body.email),
      // UserPasswordDTO: IsNotEmpty only (no IsString).
      ...fieldMessages('password', { type: 'any', required: true }, body.password),
    ];
    if (messages.length) throw badRequest(messages);
    const email = String(body.email).toLowerCase();
    const user = store.list('user').find((u) => String(u.email).toLowerCase() === email && !u.deletedAt);
    if (!user || user.isActive === false || user.hash !== hashPassword(String(body.password))) throw unauthorized();
    user.lastLoginAt = new Date().toISOString();
    const pair = issueTokens(store, tokens, user.id);
    return { body: { user: renderUser(store, user, { role: true, employee: true }), ...pair } };
  });

  registry.serve('POST', '/api/auth/refresh-token', ({ body }) => {
    const given = body.refresh_token;
    if (typeof given !== 'string' || !verifyJwt(given, `${tokens.jwtSecret}:refresh`)) throw unauthorized();
    const spent = tokens.spentRefreshTokens?.get(given);
    if (spent) throw spentToken(spent);
    if (!tokens.refreshTokens.has(given)) throw unauthorized();
    const userId = tokens.refreshTokens.get(given) as string;
    spend(tokens, given, 'rotated'); // rotation: the presented token is spent
    return { body: issueTokens(store, tokens, userId) };
  });

  registry.serve('POST', '/api/auth/logout', ({ body }) => {
    if (typeof body.refresh_token === 'string' && tokens.refreshTokens.has(body.refresh_token)) spend(tokens, body.refresh_token, 'revoked');
    return { body: undefined };
  });

  registry.serve('GET', '/api/auth/authenticated', ({ request }) => {
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    const ok = !!token && !tokens.revokedAccessTokens.has(token) && !!verifyJwt(token, tokens.jwtSecret);
    return { body: ok };
  });

  registry.serve('GET', '/api/user/me', (input) => {
    const caller = requireCaller(input);
    const relations = normalizeRelations(input.query.relations);
    const truthy = (v: unknown) => v === true || v === 'true';
    return {
      body: renderUser(store, caller.user, {
        role: relations.includes('role'),
        employee: truthy(input.query.includeEmployee) || relations.includes('employee'),
        organization: truthy(input.query.includeOrganization),
      }),
    };
  });
}
