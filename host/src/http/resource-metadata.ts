import type { FastifyInstance } from 'fastify';

/**
 * RFC 9728 protected-resource metadata: where a client that got a 401 learns which authorization server
 * issues tokens for this host and which scopes exist. Served at the root and at the path-aware location.
 */
export function registerProtectedResourceMetadata(app: FastifyInstance, options: { resource(): string; issuer: string }): void {
  const document = () => ({
    resource: options.resource(),
    authorization_servers: [options.issuer],
    scopes_supported: ['mcp.read', 'mcp.write', 'mcp.admin'],
    bearer_methods_supported: ['header'],
    resource_name: 'Ever Gauzy (gauzy-mcp)',
  });
  for (const url of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
    app.get(url, async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(document()));
  }
}
