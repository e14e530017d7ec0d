/** GraphQL subscriptions over WebSocket (the graphql-ws protocol) on the HTTP server's own port and path. */
import type { Server } from 'node:http';
import { type DocumentNode, GraphQLError, type GraphQLSchema, getOperationAST, parse, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Config } from '../core/config';
import { ErrorCode } from '../core/errors';
import type { Logger } from '../core/logger';
import type { Context } from '../graphql/context';
import { formatError } from './format-error';
import { limitViolation } from './plugins/query-limits';

/** What the WebSocket endpoint needs: the HTTP server to share, the schema, limits, and each operation's context. */
export interface SubscriptionOptions {
  server: Server;
  path: string;
  schema: GraphQLSchema;
  config: Config;
  logger: Logger;
  /** Largest message a client may send, as the HTTP body limit. */
  maxPayload: number;
  context: () => Context;
}

/** The running endpoint: dispose() completes every subscription and closes every socket (1001). */
export interface SubscriptionServer {
  dispose(): Promise<void>;
}

type Checked = { document: DocumentNode } | { errors: readonly GraphQLError[] };

/**
 * Parses and checks a subscription as the HTTP path checks a query: graphql's rules, then the depth, alias and
 * cost limits with the client's variables. Queries and mutations are refused here: they go over HTTP.
 */
function check(
  config: Config,
  schema: GraphQLSchema,
  query: string,
  variables: Record<string, unknown>,
  name?: string | null,
): Checked {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    throw error;
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return { errors: invalid };
  const operation = getOperationAST(document, name);
  if (operation && operation.operation !== 'subscription') {
    return {
      errors: [
        new GraphQLError(
          `This WebSocket serves subscriptions only; send ${operation.operation} operations over HTTP POST.`,
          {
            nodes: [operation],
            extensions: { code: ErrorCode.BAD_USER_INPUT },
          },
        ),
      ],
    };
  }
  try {
    const violation = limitViolation(config.limits, schema, document, variables, name);
    return violation ? { errors: [violation] } : { document };
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    throw error;
  }
}

/** Starts graphql-ws on `path` of the HTTP server, with the per-connection and init-time limits of config.subscriptions. */
export function startSubscriptions(options: SubscriptionOptions): SubscriptionServer {
  const { config, schema, logger } = options;
  const wsServer = new WebSocketServer({ server: options.server, path: options.path, maxPayload: options.maxPayload });
  const format = formatError(config.errorDetails);
  const cleanup = useServer(
    {
      schema,
      connectionInitWaitTimeout: config.subscriptions.initTimeoutMs,
      onSubscribe: (ctx, _id, payload) => {
        // The subscription being started is already in ctx.subscriptions.
        const open = Object.keys(ctx.subscriptions).length;
        if (open > config.subscriptions.perConnection) {
          return [
            new GraphQLError(
              `This connection holds ${config.subscriptions.perConnection} subscriptions, the most allowed; complete one first.`,
              {
                extensions: { code: ErrorCode.TOO_MANY_SUBSCRIPTIONS, limit: config.subscriptions.perConnection },
              },
            ),
          ];
        }
        const variables = payload.variables ?? {};
        const checked = check(config, schema, payload.query, variables, payload.operationName);
        if ('errors' in checked) return checked.errors;
        return {
          schema,
          document: checked.document,
          variableValues: variables,
          operationName: payload.operationName,
          contextValue: options.context(),
        };
      },
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => {
          const formatted = format(error.toJSON(), error);
          // The HTTP status that the query-limit errors carry means nothing on a socket.
          const { http: _http, ...extensions } = formatted.extensions ?? {};
          return { ...formatted, extensions };
        }),
    },
    wsServer,
  );
  wsServer.on('error', (err) => logger.error({ err }, 'WebSocket server error'));
  return {
    dispose: async () => {
      await cleanup.dispose();
    },
  };
}
