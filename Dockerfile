# The backend (serving the chat widget and the local desk) as compiled JavaScript.
#   build:   every dependency (better-sqlite3 compiles here, hence python3, make and g++), then
#            the widget (web/dist) and the backend (tsc → backend/dist), then the dev tools pruned.
#   runtime: node, the production node_modules and the built files only; runs as the image's
#            unprivileged `node` user.
# The compiled server finds its files relative to itself, as from the sources: backend/dist →
# ../knowledge/playbooks and ../../web/dist. So the layout under /app mirrors the repository.

FROM node:20.20-bookworm-slim AS build
# Build tools of a throw-away stage: Debian's current (security-updated) versions, not pins.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY backend/package.json backend/package.json
COPY web/package.json web/package.json
RUN npm ci --no-audit --no-fund
COPY backend backend
COPY web web
RUN npm run build -w web && npm run build -w backend && npm prune --omit=dev --no-audit --no-fund

FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/backend/package.json backend/package.json
COPY --from=build /app/backend/dist backend/dist
COPY --from=build /app/backend/knowledge backend/knowledge
COPY --from=build /app/web/dist web/dist
RUN mkdir -p /data && chown 1000:1000 /data
# The node image's unprivileged `node` user, by number so that runAsNonRoot-style checks can verify it.
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "backend/dist/main.js"]
