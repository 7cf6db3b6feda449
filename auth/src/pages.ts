import { SCOPE_DESCRIPTIONS, scopesAllowedBy } from './scopes.js';

/** The product's name as the pages show it. */
export const PRODUCT_NAME = 'gauzy-mcp';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`=]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The Gauzy a user signs in to: its address's host, and whether it is the bundled sandbox. */
export interface GauzyInstance {
  host: string;
  sandbox: boolean;
}

/**
 * The pages' only style, inline; the Content-Security-Policy allows it by its hash (page-security.ts). It
 * names no font, image or other URL: the pages load nothing. System fonts, light and dark.
 */
export const PAGE_STYLE = `:root{--bg:#f3f4f7;--card:#fff;--text:#151a22;--muted:#5a6372;--line:#e2e5ea;--field:#c9ced7;--field-bg:#fff;--brand:#5046e4;--button:#5046e4;--button-hover:#3e35c8;--brand-soft:#eef0ff;--brand-ink:#3a31b8;--code-bg:#f0f2f5;--danger:#b42318;--danger-soft:#fef3f2;--danger-line:#f9c7c2;--ring:rgba(80,70,228,.4);color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0f1217;--card:#181c23;--text:#e8ebf0;--muted:#a1a9b6;--line:#2a303a;--field:#3a414d;--field-bg:#11151b;--brand:#8a84ff;--button:#5b52ea;--button-hover:#6b63f3;--brand-soft:#232545;--brand-ink:#c3c0ff;--code-bg:#242a33;--danger:#ffb4ab;--danger-soft:#3a1d1b;--danger-line:#6b2b26;--ring:rgba(123,115,255,.5)}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-text-size-adjust:100%}
.shell{max-width:30rem;margin:0 auto;padding:3.5rem 1rem 2rem}
.brand{display:flex;align-items:center;justify-content:center;gap:.6rem;margin:0 0 1.5rem}
.brand-name{font-size:1.2rem;font-weight:700;letter-spacing:-.01em}
.brand-for{color:var(--muted);font-size:.9rem;padding-left:.6rem;border-left:1px solid var(--line)}
.card{background:var(--card);border:1px solid var(--line);border-radius:16px;padding:2rem;box-shadow:0 1px 2px rgba(16,24,40,.04),0 12px 32px rgba(16,24,40,.07);overflow-wrap:anywhere}
h1{font-size:1.5rem;line-height:1.25;letter-spacing:-.015em;margin:0 0 .6rem;text-wrap:balance}
h1+.alert{margin-top:1rem}
.card>:last-child{margin-bottom:0}
h2{font-size:.78rem;font-weight:700;letter-spacing:.07em;text-transform:uppercase;color:var(--muted);margin:1.6rem 0 .5rem}
p{margin:0 0 1rem}
.lead{color:var(--muted);text-wrap:pretty}
.lead strong{color:var(--text)}
.instance{display:flex;align-items:center;gap:.65rem;margin:0 0 1.5rem;padding:.7rem .9rem;border-radius:10px;background:var(--brand-soft);color:var(--brand-ink);font-size:.95rem}
.instance strong{font-weight:650}
.instance svg,.alert svg{flex:none}
.alert{display:flex;align-items:flex-start;gap:.6rem;margin:0 0 1.25rem;padding:.75rem .9rem;border:1px solid var(--danger-line);border-radius:10px;background:var(--danger-soft);color:var(--danger);font-weight:550}
.alert svg{margin-top:.15rem}
.alert p{margin:0}
.alert .ink{fill:var(--danger-soft);stroke:var(--danger-soft)}
.field{margin:0 0 1.1rem}
label{display:block;margin:0 0 .35rem;font-size:.9rem;font-weight:600}
input,select{display:block;width:100%;min-height:2.85rem;padding:.6rem .8rem;border:1px solid var(--field);border-radius:9px;background:var(--field-bg);color:var(--text);font:inherit}
input:focus,select:focus{outline:2px solid transparent;border-color:var(--brand);box-shadow:0 0 0 3px var(--ring)}
.has-error input{border-color:var(--danger)}
.has-error input:focus{border-color:var(--brand)}
.button{display:flex;align-items:center;justify-content:center;width:100%;min-height:2.85rem;padding:.6rem 1rem;border:1px solid transparent;border-radius:9px;font:inherit;font-weight:650;cursor:pointer}
.button:focus-visible{outline:2px solid transparent;box-shadow:0 0 0 2px var(--card),0 0 0 5px var(--ring)}
.primary{background:var(--button);color:#fff}
.primary:hover{background:var(--button-hover)}
.secondary{background:transparent;border-color:var(--field);color:var(--text)}
.secondary:hover{background:var(--code-bg)}
form .submit{margin-top:1.5rem}
.actions{display:grid;grid-template-columns:1fr 1fr;gap:.75rem;margin-top:1.5rem}
.facts{margin:1.25rem 0 1.25rem;border:1px solid var(--line);border-radius:10px}
.facts div{display:flex;justify-content:space-between;gap:1rem;padding:.6rem .9rem;border-top:1px solid var(--line)}
.facts div:first-child{border-top:0}
dt{color:var(--muted);white-space:nowrap}
dd{margin:0;min-width:0;text-align:right;font-weight:500}
code{padding:.1em .35em;border-radius:5px;background:var(--code-bg);font:.86em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.scopes{margin:0;padding:0;list-style:none}
.scopes li{display:flex;gap:.75rem;padding:.55rem 0}
.scopes svg{flex:none;margin-top:.1rem}
.scopes strong{display:block;font-weight:650;text-wrap:pretty}
.scopes span{display:block;color:var(--muted);font-size:.92rem}
.tick-bg{fill:var(--brand-soft)}
.tick{stroke:var(--brand)}
.note{margin:.75rem 0 0;color:var(--muted);font-size:.86rem;text-wrap:pretty}
.hint{margin:.35rem 0 0;color:var(--muted);font-size:.86rem}
.foot{margin:1.5rem 0 0;text-align:center;color:var(--muted);font-size:.82rem;text-wrap:balance}
@media (max-width:30rem){.shell{padding:1.5rem .75rem}.card{padding:1.5rem 1.2rem;border-radius:14px}.brand{margin-bottom:1.1rem}h1{font-size:1.35rem}.facts div{display:block;padding:.55rem .85rem}dt{font-size:.85rem}dd{text-align:left}}`;

/** The logo mark: a G that ends in a connection point. Inline, so the page loads nothing for it. */
const LOGO = `<svg width="34" height="34" viewBox="0 0 34 34" aria-hidden="true" focusable="false"><rect width="34" height="34" rx="9" fill="#5046e4"/><path d="M23.4 11.6A8.5 8.5 0 1 0 25.5 17H18" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/><circle cx="18" cy="17" r="2.6" fill="#fff"/></svg>`;
const SERVER_ICON = `<svg width="18" height="18" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><rect x="2.5" y="3" width="15" height="6" rx="2" fill="none" stroke="currentColor" stroke-width="1.8"/><rect x="2.5" y="11" width="15" height="6" rx="2" fill="none" stroke="currentColor" stroke-width="1.8"/><circle cx="6" cy="6" r="1.1" fill="currentColor"/><circle cx="6" cy="14" r="1.1" fill="currentColor"/></svg>`;
const ALERT_ICON = `<svg width="18" height="18" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><circle cx="10" cy="10" r="9" fill="currentColor"/><path class="ink" d="M10 5.6v5.2" stroke-width="2.2" stroke-linecap="round"/><circle class="ink" cx="10" cy="14.3" r="1.25"/></svg>`;
const TICK = `<svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true" focusable="false"><circle class="tick-bg" cx="11" cy="11" r="11"/><path class="tick" d="M6.8 11.3l2.8 2.8 5.6-6" fill="none" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · ${PRODUCT_NAME}</title><style>${PAGE_STYLE}</style></head><body><div class="shell">
<header class="brand">${LOGO}<span class="brand-name">${PRODUCT_NAME}</span><span class="brand-for">for Ever Gauzy</span></header>
<main class="card"><h1>${escapeHtml(title)}</h1>
${body}
</main>
<footer class="foot">${PRODUCT_NAME} connects AI assistants to Ever Gauzy, as you.</footer>
</div></body></html>`;
}

/** "Gauzy at gauzy.example.com", or the sandbox by name: which Gauzy the password goes to. */
function gauzyLabel(gauzy: GauzyInstance): string {
  return `${gauzy.sandbox ? 'the bundled Gauzy sandbox' : 'Gauzy'} at <strong>${escapeHtml(gauzy.host)}</strong>`;
}

function alert(id: string, message: string): string {
  return `<div class="alert" role="alert" id="${id}">${ALERT_ICON}<p>${escapeHtml(message)}</p></div>`;
}

/** Sign in with the Gauzy account: works without JavaScript, every value escaped, CSRF token in the form. */
export function signInPage(input: { action: string; csrf: string; clientName: string; gauzy: GauzyInstance; email?: string; error?: string }): string {
  const described = input.error ? ' aria-describedby="sign-in-error"' : '';
  return page(
    'Sign in with Ever Gauzy',
    `<p class="lead"><strong>${escapeHtml(input.clientName)}</strong> wants to use Ever Gauzy as you, through ${PRODUCT_NAME}.</p>
<p class="instance">${SERVER_ICON}<span>Signing in to ${gauzyLabel(input.gauzy)}</span></p>
${input.error ? alert('sign-in-error', input.error) : ''}
<form method="post" action="${escapeHtml(input.action)}"${input.error ? ' class="has-error"' : ''}>
<input type="hidden" name="csrf" value="${escapeHtml(input.csrf)}">
<div class="field"><label for="email">Gauzy email</label><input id="email" name="email" type="email" autocomplete="username" required${input.error ? '' : ' autofocus'}${described} value="${escapeHtml(input.email ?? '')}"></div>
<div class="field"><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required${input.error ? ' autofocus' : ''}${described}></div>
<button type="submit" class="button primary submit">Sign in</button>
</form>
<p class="note">Gauzy checks your password; ${PRODUCT_NAME} never stores it.</p>`,
  );
}

/** Consent: who asks (name and redirect host), what it may then do, as whom, in which organization. */
export function consentPage(input: {
  action: string;
  csrf: string;
  clientName: string;
  redirectHost: string;
  gauzy: GauzyInstance;
  account?: { name: string; email: string };
  scopes: readonly string[];
  organizations: ReadonlyArray<{ id: string; name?: string }>;
  selectedOrganizationId?: string;
}): string {
  const selected = input.organizations.find((org) => org.id === input.selectedOrganizationId) ?? input.organizations[0];
  const organizationFact = input.organizations.length === 1 && selected ? `<div><dt>Organization</dt><dd>${escapeHtml(selected.name ?? selected.id)}</dd></div>` : '';
  const organizationChoice =
    input.organizations.length > 1
      ? `<div class="field"><label for="organization">Organization</label><select id="organization" name="organizationId" aria-describedby="organization-hint">${input.organizations
          .map((org) => `<option value="${escapeHtml(org.id)}"${org.id === selected?.id ? ' selected' : ''}>${escapeHtml(org.name ?? org.id)}</option>`)
          .join('')}</select><p class="hint" id="organization-hint">Its tools work in this organization.</p></div>`
      : '';
  const allowed = scopesAllowedBy(input.scopes);
  const described = new Set<string>(allowed);
  const unknown = input.scopes.filter((scope) => !described.has(scope));
  const abilities = [
    ...allowed.map((scope) => ({ summary: SCOPE_DESCRIPTIONS[scope].summary, detail: SCOPE_DESCRIPTIONS[scope].detail })),
    ...unknown.map((scope) => ({ summary: scope, detail: '' })),
  ];
  const who = input.account ? ` as <strong>${escapeHtml(input.account.name || input.account.email)}</strong>${input.account.name ? ` (${escapeHtml(input.account.email)})` : ''}` : '';
  return page(
    'Allow access?',
    `<p class="lead"><strong>${escapeHtml(input.clientName)}</strong> wants to use Ever Gauzy${who}.</p>
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="csrf" value="${escapeHtml(input.csrf)}">
<dl class="facts">
<div><dt>Returns to</dt><dd><code>${escapeHtml(input.redirectHost)}</code></dd></div>
<div><dt>${input.gauzy.sandbox ? 'Gauzy sandbox' : 'Gauzy'}</dt><dd>${escapeHtml(input.gauzy.host)}</dd></div>
${organizationFact}
<div><dt>Scopes</dt><dd>${input.scopes.map((scope) => `<code>${escapeHtml(scope)}</code>`).join(' ')}</dd></div>
</dl>
${organizationChoice}
<h2>It will be able to</h2>
<ul class="scopes">${abilities.map((ability) => `<li>${TICK}<div><strong>${escapeHtml(ability.summary)}</strong>${ability.detail ? `<span>${escapeHtml(ability.detail)}</span>` : ''}</div></li>`).join('')}</ul>
<p class="note">It can never do more than your Gauzy role lets you do.</p>
<div class="actions"><button type="submit" name="decision" value="deny" class="button secondary">Deny</button><button type="submit" name="decision" value="allow" class="button primary">Allow</button></div>
</form>`,
  );
}

export function errorPage(message: string): string {
  return page('Something went wrong', alert('error', message));
}
