import { parse as parseForm } from 'node:querystring';
import type { FastifyInstance } from 'fastify';

/** Registrations carry a few hundred bytes of metadata (an inline jwks a few KB); nothing legitimate is near this. */
export const JSON_BODY_LIMIT = 64 * 1024;
/** Token requests and the sign-in and consent forms. */
export const FORM_BODY_LIMIT = 16 * 1024;

/** Keys that reshape objects when a body is merged or copied into one; no OAuth parameter or metadata uses them. */
const POISONED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A body refused before any handler sees it, with the OAuth error to answer. */
export class RefusedBody extends Error {
  constructor(
    readonly statusCode: number,
    readonly oauthError: 'invalid_request' | 'invalid_client_metadata',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The only bodies the Fastify-parsed routes (token, registration, the interaction forms) accept: a JSON
 * object and a form, each size-limited, neither with a prototype-shaping key at any depth. Everything
 * else is refused with 415 before it reaches oidc-provider or the pages.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT }, (_request, body, done) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body as string);
    } catch {
      return done(new RefusedBody(400, 'invalid_request', 'the request body is not valid JSON'), undefined);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return done(new RefusedBody(400, 'invalid_request', 'the request body must be a JSON object'), undefined);
    const problem = shapeProblem(parsed);
    if (problem) return done(new RefusedBody(400, 'invalid_client_metadata', problem), undefined);
    done(null, parsed);
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
    const form = parseForm(body as string);
    const poisoned = Object.keys(form).find((key) => POISONED_KEYS.has(key));
    if (poisoned) return done(new RefusedBody(400, 'invalid_request', `the parameter ${poisoned} is not allowed`), undefined);
    done(null, form);
  });
}

/** What is wrong with a parsed JSON body's shape: a prototype-shaping key, or nesting no metadata has. */
function shapeProblem(value: unknown, depth = 0): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  // 64 KiB of brackets nests 32k deep: the walk stops long before the stack would.
  if (depth > 32) return 'the JSON nests deeper than 32 levels';
  for (const key of Object.keys(value)) {
    if (POISONED_KEYS.has(key)) return `the key ${key} is not allowed`;
    const problem = shapeProblem((value as Record<string, unknown>)[key], depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/** An error on the way to a handler (a refused body, Fastify's own checks, a rate limit) as an OAuth error body. */
export function oauthRefusal(error: unknown, path: string): { statusCode: number; body: { error: string; error_description: string } } | undefined {
  if (error instanceof RefusedBody) {
    // Poisoned metadata is a registration problem; anywhere else it is a malformed request.
    const code = error.oauthError === 'invalid_client_metadata' && !path.startsWith('/oauth2/register') ? 'invalid_request' : error.oauthError;
    return { statusCode: error.statusCode, body: { error: code, error_description: error.message } };
  }
  const { code, statusCode, error: limited, error_description: described } = error as { code?: string; statusCode?: number; error?: string; error_description?: string };
  if (statusCode === 429) return { statusCode, body: { error: limited ?? 'rate_limited', error_description: described ?? 'Too many requests.' } };
  const refusal = (status: number, description: string) => ({ statusCode: status, body: { error: 'invalid_request', error_description: description } });
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return refusal(413, `the request body is larger than ${path.startsWith('/oauth2/register') ? JSON_BODY_LIMIT : FORM_BODY_LIMIT} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return refusal(415, 'send application/x-www-form-urlencoded (or application/json to the registration endpoint)');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return refusal(400, 'the Content-Length does not match the body');
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return refusal(statusCode, 'the request could not be read');
  return undefined;
}
