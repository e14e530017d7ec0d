import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../graphql/context';
import type { Logger } from '../../core/logger';

/** Logs one line per GraphQL request: operation, duration, database round trips and error codes. */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ request, errors, operationName }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          logger.info(
            {
              operation: operationName ?? request.operationName ?? null,
              durationMs: Math.round(ms * 10) / 10,
              roundTrips: contextValue.roundTrips.count,
              errors: errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
