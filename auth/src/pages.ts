/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`=]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The pages' only style, inline; the Content-Security-Policy allows it by its hash (page-security.ts). */
export const PAGE_STYLE = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}
label{display:block;margin:.8rem 0 .2rem}input,select{width:100%;padding:.5rem;font-size:1rem}
button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem}.error{color:#a40000}.muted{color:#555}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Ever Gauzy MCP</title><style>${PAGE_STYLE}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

/** Sign in with the Gauzy account: works without JavaScript, every value escaped, CSRF token in the form. */
export function signInPage(input: { action: string; csrf: string; clientName: string; email?: string; error?: string }): string {
  return page(
    'Sign in with Ever Gauzy',
    `<p class="muted">${escapeHtml(input.clientName)} asks to use Ever Gauzy as you.</p>
${input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ''}
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="csrf" value="${escapeHtml(input.csrf)}">
<label for="email">Gauzy email</label><input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(input.email ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
  );
}

/** Consent: who asks (name and redirect host), for which scopes, in which organization. */
export function consentPage(input: {
  action: string;
  csrf: string;
  clientName: string;
  redirectHost: string;
  scopes: readonly string[];
  organizations: ReadonlyArray<{ id: string; name?: string }>;
  selectedOrganizationId?: string;
}): string {
  const describe: Record<string, string> = { 'mcp.read': 'read your Gauzy data', 'mcp.write': 'create and change Gauzy data', 'mcp.admin': 'administrative tools' };
  const organizations =
    input.organizations.length > 1
      ? `<label for="organization">Organization</label><select id="organization" name="organizationId">${input.organizations
          .map((org) => `<option value="${escapeHtml(org.id)}"${org.id === input.selectedOrganizationId ? ' selected' : ''}>${escapeHtml(org.name ?? org.id)}</option>`)
          .join('')}</select>`
      : '';
  return page(
    'Allow access?',
    `<p><strong>${escapeHtml(input.clientName)}</strong> (returns to <code>${escapeHtml(input.redirectHost)}</code>) asks to:</p>
<ul>${input.scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code>: ${escapeHtml(describe[scope] ?? scope)}</li>`).join('')}</ul>
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="csrf" value="${escapeHtml(input.csrf)}">
${organizations}
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

export function errorPage(message: string): string {
  return page('Something went wrong', `<p class="error" role="alert">${escapeHtml(message)}</p>`);
}
