# syntax=docker/dockerfile:1
# The portal in production: a supervisor and WEB_CONCURRENCY workers of express + Next + Payload
# (one per core by default; see src/process/server.ts and docs/operations.md).
# Debian-based (glibc) so the registry binaries of sharp and libsql work as they do in CI.

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
# `next build` needs no database and no secrets (see src/core/env.ts, NEXT_PHASE).
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
RUN groupadd --system portal && useradd --system --gid portal --home-dir /app portal
COPY --from=build --chown=portal:portal /app/package.json /app/package-lock.json /app/next.config.ts /app/tsconfig.json ./
COPY --from=build --chown=portal:portal /app/node_modules ./node_modules
COPY --from=build --chown=portal:portal /app/.next ./.next
COPY --from=build --chown=portal:portal /app/.server ./.server
COPY --from=build --chown=portal:portal /app/src ./src
COPY --from=build --chown=portal:portal /app/collections ./collections
COPY --from=build --chown=portal:portal /app/public ./public
RUN mkdir -p media data && chown portal:portal media data
USER portal
EXPOSE 3000
VOLUME ["/app/media"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Node directly (not npm) so SIGTERM reaches the server's graceful shutdown; the condition is
# explained in scripts/bundle.mjs, the heap limit in docs/benchmark.md (as `npm start`).
CMD ["node", "--max-old-space-size=384", "--max-semi-space-size=32", "--conditions=production", "--enable-source-maps", ".server/server.mjs"]
