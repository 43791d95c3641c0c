# syntax=docker/dockerfile:1
# Kontakta's container image: `docker build -t kontakta .`, or `docker compose up` (compose.yaml).
#
#   build    every dependency (npm ci) and the web app (vite build)
#   install  the production install: the server's dependencies only, with the project's own Node 24
#            (the npm registry's `node` package) in node_modules/.bin/node
#   runtime  Debian slim, the install and the built web app: no npm, no compiler, one Node
#
# `scripts/test-production-install.sh` runs the install stage's steps in the test command, where
# Docker is not available; change them together.

ARG NODE_IMAGE=node:24-bookworm-slim
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
COPY packages/domain/package.json packages/domain/
COPY packages/contract/package.json packages/contract/
COPY packages/server/package.json packages/server/
COPY packages/web/package.json packages/web/
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web

FROM ${NODE_IMAGE} AS install
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY packages/domain/package.json packages/domain/
COPY packages/contract/package.json packages/contract/
COPY packages/server/package.json packages/server/
COPY packages/web/package.json packages/web/
# The server workspace and the root (whose one dependency is Node 24 itself): the web app's
# libraries are bundled into its dist by the build, so they are left out.
# Node's C headers (67 MB) only serve compiling native addons, which a running server never does.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --workspace=@kontakta/server --include-workspace-root --no-audit --no-fund \
    && rm -rf node_modules/node/node_modules/node-*/include
COPY packages/domain/src packages/domain/src
COPY packages/contract/src packages/contract/src
COPY packages/server/src packages/server/src
COPY packages/server/bin packages/server/bin
COPY --from=build /src/packages/web/dist packages/web/dist

FROM ${RUNTIME_IMAGE} AS runtime
# The server runs as kontakta (uid and gid 10001): it owns its data volume and nothing else; the
# code in /app is root's and read-only to it.
RUN groupadd --gid 10001 kontakta \
    && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /var/lib/kontakta \
       --shell /usr/sbin/nologin kontakta \
    && install -d -o kontakta -g kontakta -m 0700 /var/lib/kontakta
COPY --from=install /app /app
WORKDIR /app
# Production is Kontakta's default mode: it refuses to start until the configuration is complete
# (see the README's configuration table and compose.yaml). NODE_ENV is for libraries only.
ENV NODE_ENV=production \
    PORT=3000 \
    KONTAKTA_HOST=0.0.0.0 \
    KONTAKTA_DATA_DIR=/var/lib/kontakta
VOLUME ["/var/lib/kontakta"]
USER 10001:10001
EXPOSE 3000
# No curl in the image: the project's own Node asks /readyz (the database answers).
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["/app/node_modules/.bin/node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node flags: packages/server/src/server-node-flags.ts (a smaller young generation, a capped old one).
ENTRYPOINT ["/app/node_modules/.bin/node", "--max-semi-space-size=16", "--max-old-space-size=512", "/app/packages/server/bin/kontakta.js"]
CMD ["serve"]
