import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { PAGE_STYLE } from './pages.js';

const STYLE_SOURCE = `'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`;

/**
 * Headers for every HTML page the auth server renders. The pages run no script and load nothing: their
 * one inline style is allowed by its hash. They may not be framed (clickjacking the consent button), and a
 * form may lead only back here and, after the redirects that end an interaction, to the client's redirect
 * origin: browsers hold a form's redirects to the form-action of the page that sent it.
 */
export function pageSecurityHeaders(formTargets: readonly string[] | 'no form'): Record<string, string> {
  const formAction = formTargets === 'no form' ? "'none'" : ["'self'", ...formTargets].join(' ');
  return {
    'content-security-policy': `default-src 'none'; style-src ${STYLE_SOURCE}; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

/** Sends one of the HTML pages with its security headers; a page with a form names where the form may lead. */
export function sendPage(reply: FastifyReply, html: string, options: { status?: number; formTargets?: readonly string[] } = {}): FastifyReply {
  return reply
    .code(options.status ?? 200)
    .headers(pageSecurityHeaders(options.formTargets ?? 'no form'))
    .type('text/html; charset=utf-8')
    .send(html);
}

/**
 * Pages oidc-provider renders itself (a form_post response, the logout confirmation) carry their own inline
 * script and forms to the client: they get the framing and sniffing protection, not a policy they would break.
 */
export const PROVIDER_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * The form-action source for a client's redirect URI: its origin for http(s), its scheme for a native app's
 * private-use scheme. Anything that would not read as one plain source is left out (the redirect is then
 * blocked by the browser, which fails closed).
 */
export function formTargetOf(redirectUri: string): string | undefined {
  const url = URL.parse(redirectUri);
  if (!url) return undefined;
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    return /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(url.host) ? `${url.protocol}//${url.host}` : undefined;
  }
  return /^[a-z][a-z0-9+.-]*:$/i.test(url.protocol) && !SCRIPTABLE_SCHEMES.has(url.protocol.toLowerCase()) ? url.protocol : undefined;
}

const SCRIPTABLE_SCHEMES = new Set(['javascript:', 'data:', 'blob:', 'file:', 'filesystem:']);
