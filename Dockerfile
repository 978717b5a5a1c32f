# The API alone; Neo4j runs as its own service (docker-compose.yml), so no Java is needed here.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY dashboard ./dashboard
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Inside a container the published port arrives on the container's own interface, not on its loopback.
ENV HOST=0.0.0.0
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The IDE's browser script is served from its source file (its CSP hash is computed from it at start-up).
COPY --from=build /app/src/web/ide/browser/ide.js ./src/web/ide/browser/ide.js
COPY package.json ./
COPY cypher ./cypher
COPY seed ./seed
COPY schema ./schema
EXPOSE 4000
USER node
CMD ["node", "dist/src/index.js"]
