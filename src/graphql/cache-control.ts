/** Apollo's @cacheControl directive, declared in the schema so that types and fields can carry cache hints. */
import {
  DirectiveLocation,
  GraphQLBoolean,
  GraphQLDirective,
  GraphQLEnumType,
  GraphQLInt,
  specifiedDirectives,
} from 'graphql';

/** PUBLIC answers may be shared by every client; PRIVATE ones belong to one caller. */
const CacheControlScope = new GraphQLEnumType({
  name: 'CacheControlScope',
  values: { PUBLIC: {}, PRIVATE: {} },
});

/**
 * The definition Apollo Server documents for its cacheControl plugin (which reads the directive from the
 * schema's AST, so type-graphql's @Directive is enough to give a hint).
 */
export const cacheControlDirective = new GraphQLDirective({
  name: 'cacheControl',
  description: 'How long an answer that reaches this type or field may be cached, and by whom (docs/caching.md).',
  locations: [
    DirectiveLocation.FIELD_DEFINITION,
    DirectiveLocation.OBJECT,
    DirectiveLocation.INTERFACE,
    DirectiveLocation.UNION,
  ],
  args: {
    maxAge: { type: GraphQLInt },
    scope: { type: CacheControlScope },
    inheritMaxAge: { type: GraphQLBoolean },
  },
});

/** The directives of the schema: graphql's own and @cacheControl. */
export const SCHEMA_DIRECTIVES = [...specifiedDirectives, cacheControlDirective];

/** The hint of what must never be cached: live state (health), the results of writes, change events. */
export const NEVER_CACHED = '@cacheControl(maxAge: 0)';
