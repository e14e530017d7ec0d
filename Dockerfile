# The GraphQL API, without a database.
#
# This image has no Java and no Maven, so it cannot start the embedded Neo4j that `npm start` starts
# when NEO4J_URI is unset: NEO4J_URI and NEO4J_PASSWORD must ALWAYS be set, to a Neo4j 5 server, a
# cluster or Aura. docker-compose.yml does that for the Neo4j container it runs alongside.
#
#   docker build -t sanctuary-graph .
#   docker run -p 127.0.0.1:4000:4000 -e NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io -e NEO4J_PASSWORD=... sanctuary-graph

# ---- build: compile with every dependency, then drop the dev ones ----
FROM node:20-bookworm-slim AS build
WORKDIR /app

# Dependencies first: editing a source file does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund
# git keeps no empty folders, and COPY fails on a missing one: make sure every folder the runtime
# stage copies exists, even while it is still empty in a fresh checkout.
RUN mkdir -p cypher schema ingest/corpus ingest/annotations

# ---- runtime: production dependencies, compiled code and the data files read at run time ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app

# src/core/paths.ts finds the project root as the folder holding both package.json and tsconfig.build.json.
COPY --from=build --chown=node:node /app/package.json /app/tsconfig.build.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/cypher ./cypher
COPY --from=build --chown=node:node /app/schema ./schema
COPY --from=build --chown=node:node /app/ingest/corpus ./ingest/corpus
COPY --from=build --chown=node:node /app/ingest/annotations ./ingest/annotations

USER node
EXPOSE 4000

# Liveness only (slim images have no curl); docker-compose.yml checks readiness on /readyz instead.
# The start period covers migrations and loading the sample corpus into an empty graph.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "dist/src/main.js"]
