import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j, { type Driver } from 'neo4j-driver';
import * as best from './best-cypher';

/**
 * The comparison server: @neo4j/graphql 7 over the same database and model, served by @apollo/server with
 * express, like the service. Run as its own process by bench/run.ts; prints "LISTENING <url>" when ready.
 * Each response carries extensions.roundTrips: the statements the request sent, counted at the driver.
 */

/** A `@cypher` field: the statement as a GraphQL block string and the column it returns. */
const cypher = (statement: string, column: string): string =>
  `@cypher(statement: """\n${statement}\n""", columnName: "${column}")`;

/**
 * The peer's schema at its idiomatic best: the model as @node types with relationship properties, so that
 * lookup, events filtered and the nested query are its generated queries; search, stances, timeline,
 * neighborhood and path are `@cypher` fields running the statements of bench/best-cypher.ts (the ones the
 * raw floor runs), returning nodes, or types without @node for flat stances and for nodes with their edges.
 */
export const TYPE_DEFS = /* GraphQL */ `
  type Evidence @relationshipProperties {
    evidenceQuotes: [String!]
    evidenceArticles: [String!]
  }
  type RoleProps @relationshipProperties {
    title: String
    start: String
    evidenceQuotes: [String!]
    evidenceArticles: [String!]
  }
  type Entity @node(labels: ["Entity"]) {
    id: ID!
    name: String!
    aliases: [String!]
    roles: [Entity!]! @relationship(type: "HOLDS_ROLE", direction: OUT, properties: "RoleProps")
    initiated: [Event!]! @relationship(type: "INITIATED", direction: OUT, properties: "Evidence")
    opposed: [Event!]! @relationship(type: "OPPOSED", direction: OUT, properties: "Evidence")
    supported: [Event!]! @relationship(type: "SUPPORTED", direction: OUT, properties: "Evidence")
    targetedBy: [Event!]! @relationship(type: "TARGETS", direction: IN, properties: "Evidence")
  }
  type Event @node(labels: ["Event", "Entity"]) {
    id: ID!
    name: String!
    date: String
    eventType: String
    initiatedBy: [Entity!]! @relationship(type: "INITIATED", direction: IN, properties: "Evidence")
    opposedBy: [Entity!]! @relationship(type: "OPPOSED", direction: IN, properties: "Evidence")
    supportedBy: [Entity!]! @relationship(type: "SUPPORTED", direction: IN, properties: "Evidence")
    targets: [Entity!]! @relationship(type: "TARGETS", direction: OUT, properties: "Evidence")
    concerns: [Entity!]! @relationship(type: "CONCERNS", direction: OUT, properties: "Evidence")
  }
  type NodeRef {
    id: ID!
    name: String!
  }
  type Edge {
    type: String!
    from: ID!
    to: ID!
    quotes: [String!]!
  }
  type Subgraph {
    nodes: [NodeRef!]!
    edges: [Edge!]!
  }
  type Stance {
    actorId: ID!
    actorName: String!
    eventId: ID!
    eventName: String!
    date: String
    quotes: [String!]!
    articles: [String!]!
  }
  type Query {
    search(text: String!, query: String!, first: Int!): [Entity!]! ${cypher(`${best.SEARCH_ROWS}\nRETURN node`, 'node')}
    stances(by: String!, phrase: String!, first: Int!): [Stance!]! ${cypher(best.STANCES, 'stance')}
    timeline(id: ID!, first: Int!): [Event!]! ${cypher(`${best.TIMELINE_ROWS}\nRETURN event`, 'event')}
    neighborhood1(id: ID!, first: Int!): Subgraph! ${cypher(best.neighborhood(1), 'subgraph')}
    neighborhood2(id: ID!, first: Int!): Subgraph! ${cypher(best.neighborhood(2), 'subgraph')}
    neighborhood3(id: ID!, first: Int!): Subgraph! ${cypher(best.neighborhood(3), 'subgraph')}
    path(from: ID!, to: ID!): Subgraph ${cypher(best.PATH, 'subgraph')}
  }
`;

/** A driver whose sessions count the statements they run into `counter.n`. */
export function countingDriver(driver: Driver, counter: { n: number }): Driver {
  const wrapTx = <T extends object>(tx: T): T =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'run' && typeof value === 'function') {
          return (...args: unknown[]) => {
            counter.n += 1;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  return new Proxy(driver, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'session' && typeof value === 'function') {
        return (...args: unknown[]) => {
          const session = (value as (...a: unknown[]) => object).apply(target, args);
          return new Proxy(session, {
            get(s, p, r) {
              const v = Reflect.get(s, p, r) as unknown;
              if (typeof v !== 'function') return v;
              if (p === 'run') return wrapTx(s as { run: unknown }).run;
              if (['executeRead', 'executeWrite', 'readTransaction', 'writeTransaction'].includes(p as string)) {
                return (work: (tx: object) => unknown, ...rest: unknown[]) =>
                  (v as (...a: unknown[]) => unknown).call(s, (tx: object) => work(wrapTx(tx)), ...rest);
              }
              if (p === 'beginTransaction') {
                return (...a: unknown[]) => wrapTx((v as (...x: unknown[]) => object).apply(s, a));
              }
              return (v as (...a: unknown[]) => unknown).bind(s);
            },
          });
        };
      }
      if (prop === 'executeQuery' && typeof value === 'function') {
        return (...args: unknown[]) => {
          counter.n += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The driver pool of the peer: the same as the service's and the raw floor's. */
export const PEER_POOL_SIZE = 50;

interface Ctx {
  executionContext: Driver;
  counter: { n: number };
}

async function main(): Promise<void> {
  const driver = neo4j.driver(
    process.env.NEO4J_URI!,
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
    // The service's pool size (src/core/database.ts), so that neither side queues on fewer connections.
    { maxConnectionPoolSize: PEER_POOL_SIZE },
  );
  const schema = await new Neo4jGraphQL({
    typeDefs: TYPE_DEFS,
    driver,
    features: { filters: { String: { LT: true, LTE: true, GT: true, GTE: true } } },
  }).getSchema();
  const app = express();
  const server = createServer(app);
  const apollo = new ApolloServer<Ctx>({
    schema,
    introspection: true,
    plugins: [
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response, contextValue }) {
              if (response.body.kind !== 'single') return;
              const result = response.body.singleResult;
              result.extensions = { ...result.extensions, roundTrips: contextValue.counter.n };
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async () => {
        const counter = { n: 0 };
        return { executionContext: countingDriver(driver, counter), counter };
      },
    }),
  );
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`LISTENING http://127.0.0.1:${port}\n`);
  const stop = () => {
    void apollo.stop().then(() => driver.close().then(() => process.exit(0)));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`neo4j-graphql server failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
