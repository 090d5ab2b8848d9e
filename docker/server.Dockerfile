# syntax=docker/dockerfile:1
#
# Atrium API server (@atrium/server). Build context: the repository root.
#   docker build -f docker/server.Dockerfile -t atrium-server .
#
# Stages: base (Node + pnpm) -> deps (build tools, workspace install) -> build (tsc, then a
# production-only `pnpm deploy`) -> runtime (slim Node, non-root, compiled code + prod deps).

ARG NODE_IMAGE=node:20-bookworm-slim
ARG PNPM_VERSION=10.34.8

FROM ${NODE_IMAGE} AS base
ARG PNPM_VERSION
# pnpm from npm rather than corepack: corepack's pinned signing keys can lag behind pnpm releases.
# npm_config_store_dir puts pnpm's content-addressed store on the BuildKit cache mount below.
ENV CI=true \
    npm_config_store_dir=/pnpm/store
RUN npm install --global "pnpm@${PNPM_VERSION}" \
 && pnpm --version
WORKDIR /repo

# ---------------------------------------------------------------------------------------------
FROM base AS deps
# better-sqlite3 compiles from source when no prebuilt binary can be fetched; argon2 may too.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# Manifests first, so the install layer is rebuilt only when dependencies change. The store is
# a BuildKit cache mount shared by both Dockerfiles; --prefer-offline downloads only what the
# cache does not hold (it may have been pruned).
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json ./
COPY packages/server/package.json packages/server/
COPY packages/client/package.json packages/client/
RUN --mount=type=cache,id=atrium-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --prefer-offline --filter "@atrium/server..."

# ---------------------------------------------------------------------------------------------
FROM deps AS build
COPY schema.graphql ./
COPY packages/server/ packages/server/
# `build` = tsc -p tsconfig.build.json && node dist/scripts/emit-schema.js
RUN pnpm --filter "@atrium/server..." build
# A self-contained copy of the package with production dependencies only, native modules built
# on this same base image (and loaded once here to prove it). dist/ is copied explicitly in the
# runtime stage, so it does not matter whether the pack rules of `deploy` include it.
RUN --mount=type=cache,id=atrium-pnpm-store,target=/pnpm/store \
    pnpm --filter @atrium/server deploy --prod --legacy --prefer-offline /out \
 && node -e "new (require('/out/node_modules/better-sqlite3'))(':memory:').close(); require('/out/node_modules/argon2')"

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
# Code and dependencies stay owned by root (read-only for the app); only data/ is writable.
COPY --from=build /out/package.json ./package.json
COPY --from=build /out/node_modules ./node_modules
COPY --from=build /repo/packages/server/dist ./dist
COPY docker/healthcheck.cjs ./healthcheck.cjs
# data/ holds the outbox (mail .eml / SMS .json when no transport is configured) and, if
# DATABASE_URL is left at its SQLite default, the database file. A named volume mounted here
# inherits the node user's ownership.
RUN mkdir -p /app/data/outbox \
 && chown -R node:node /app/data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "/app/healthcheck.cjs"]
# Node gets SIGTERM (directly, or through the init process compose adds) and shuts down gracefully.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
