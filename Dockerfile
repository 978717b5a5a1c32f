# The API alone; Neo4j runs as its own service (docker-compose.yml), so no Java is needed here.
# tests/unit/deploy/dockerfile.test.ts holds this file to its rules, and
# tests/integration/platform/service/production-image.int.test.ts lays out the final stage as written here and
# runs every command of docs/operators.md in it.
FROM node:26-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY dashboard ./dashboard
RUN npm run build

# The runtime dependencies alone, installed as the integration test installs them: no compiler, no test tools, and
# no optional packages: the only one is PDF.js's @napi-rs/canvas (35 MB of native renderer), which ingestion, reading
# text only, never loads; the service itself never reads a PDF.
FROM node:26-bookworm-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund

FROM node:26-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Inside a container the published port arrives on the container's own interface, not on its loopback.
ENV HOST=0.0.0.0
# Everything below is owned by root and only readable by the `node` user the container runs as.
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The IDE's browser script is served from its source file (its CSP hash is computed from it at start-up).
COPY --from=build /app/src/web/ide/browser/ide.js ./src/web/ide/browser/ide.js
COPY package.json ./
# `npm run seed`, `token` and `records:*` pass through run-command.js: it answers --help and refuses unknown options
# from commands.json, and build-if-developing.js, without a compiler, only checks dist/.
COPY scripts/run-command.js scripts/build-if-developing.js scripts/script-arguments.js ./scripts/
COPY src/cli/commands.json ./src/cli/commands.json
COPY cypher ./cypher
COPY seed ./seed
COPY schema ./schema
# The one place the `node` user writes: `npm run records:export -- backups/records.jsonl` (a volume in compose).
RUN install -d -o node -g node -m 0700 backups
EXPOSE 4000
USER node
# The service starts itself again with V8's heap sized from MEMORY_LIMIT_MB, which defaults to the container's
# memory limit (docker run --memory, compose's mem_limit): docs/operators.md "Memory".
CMD ["node", "dist/src/index.js"]
