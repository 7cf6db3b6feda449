# syntax=docker/dockerfile:1
#
# The remote host, `gauzy-mcp serve`, as an image. Build: docker build -t gauzy-mcp .  (compose.yaml runs it with Redis.)
#
# Inside a container the host binds 0.0.0.0, which the development identity (shared Gauzy accounts) refuses,
# so the image is production-shaped: it serves per-user OAuth tokens and starts only when given
#   API_BASE_URL            the Gauzy API origin (without /api)
#   GAUZY_MCP_OAUTH_ISSUER  the authorization server whose tokens it accepts (or mount an auth config and pass
#                           --auth-config /config/auth.json to run it in the same process; its "host" must then be 0.0.0.0)
#   GAUZY_MCP_STATE_KEY     32 bytes, base64 or hex (openssl rand -base64 32): seals users' Gauzy tokens and sessions
#   GAUZY_MCP_PUBLIC_URL    the URL clients reach it at (tokens are issued for <url>/mcp)
# and, for more than one instance, REDIS_URL. Without them it exits naming what is missing. The host's config
# file works too: mount it and pass --config /config/host.json.
#
# The Node image's multi-platform index digest for the tag (bump both together).
ARG NODE_IMAGE=node:20.19.5-bookworm-slim@sha256:9e70124bd00f47dd023e349cd587132ae61892acc0e47ed641416c3e18f401c3

FROM ${NODE_IMAGE} AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# The pnpm the repository's scripts pin (scripts/test/container-files.test.ts holds them equal).
RUN npm install --global pnpm@12.21.0 && npm cache clean --force
WORKDIR /src
# The store is filled from the lockfile alone, so this layer is reused until a dependency changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml .pnpmfile.cjs ./
RUN pnpm fetch
COPY . .
RUN pnpm install --frozen-lockfile --prefer-offline \
  && pnpm run build \
  && pnpm --filter gauzy-mcp deploy --prod /opt/gauzy-mcp

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3001 \
    GAUZY_MCP_DATA_DIR=/data
# Signing keys of an in-process authorization server live here (a volume, so they survive a restart).
RUN mkdir -p /data && chown node:node /data
WORKDIR /app
# Only the deployed CLI: its dist, bin and production dependencies. Owned by root, so the process cannot change its own code.
COPY --from=build --chown=root:root /opt/gauzy-mcp /app
# The image's unprivileged "node" user (uid 1000).
USER node
VOLUME ["/data"]
EXPOSE 3001
# No curl in the slim image: node asks /health itself (plain HTTP: with GAUZY_MCP_TLS_CERT_FILE set, override it).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3001) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "/app/bin/gauzy-mcp.js", "serve"]
