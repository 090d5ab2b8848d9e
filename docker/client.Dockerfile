# syntax=docker/dockerfile:1
#
# Atrium SPA (@atrium/client) served by nginx, which is also the reverse proxy in front of the
# API server replicas (see nginx.conf). Build context: the repository root.
#   docker build -f docker/client.Dockerfile -t atrium-client .
#
# The client's generated GraphQL code is committed (packages/client/src/generated), so the
# image builds without running codegen or the server build.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginx:1.28-alpine
ARG PNPM_VERSION=10.34.8

FROM ${NODE_IMAGE} AS build
ARG PNPM_VERSION
ENV CI=true \
    npm_config_store_dir=/pnpm/store
RUN npm install --global "pnpm@${PNPM_VERSION}" \
 && pnpm --version
WORKDIR /repo
# Manifests first, so the install layer is rebuilt only when dependencies change; the store is
# the same BuildKit cache mount as in server.Dockerfile.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json schema.graphql ./
COPY packages/server/package.json packages/server/
COPY packages/client/package.json packages/client/
RUN --mount=type=cache,id=atrium-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --prefer-offline --filter "@atrium/client..."
COPY packages/client/ packages/client/
# `build` = tsc --noEmit && vite build  ->  packages/client/dist
RUN pnpm --filter @atrium/client build \
 && test -f packages/client/dist/index.html

# ---------------------------------------------------------------------------------------------
FROM ${NGINX_IMAGE} AS runtime
# The image's default server block is replaced; files in conf.d are included inside `http {}`.
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /repo/packages/client/dist /usr/share/nginx/html
EXPOSE 80
# busybox wget is part of the alpine image; /nginx-healthz is answered by nginx itself.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
    CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1/nginx-healthz"]
