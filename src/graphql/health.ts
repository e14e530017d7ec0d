import { Ctx, Directive, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { NEVER_CACHED } from './cache-control';
import { namedQuery } from '../core/named-queries';
import type { Context } from './context';

// The database's state now, not the graph's: an answer from a cache would hide an outage.
@Directive(NEVER_CACHED)
@ObjectType({ description: 'Whether the service can reach its database, and what that database is.' })
export class Health {
  @Field({ description: 'True when Neo4j answered.' })
  ok!: boolean;

  @Field({ description: 'Neo4j version, e.g. 5.26.30.' })
  neo4jVersion!: string;

  @Field({ description: 'Neo4j edition: community or enterprise.' })
  neo4jEdition!: string;

  @Field(() => Int, { description: 'Number of nodes in the database.' })
  nodeCount!: number;

  @Field(() => Int, { description: 'Number of relationships in the database.' })
  relationshipCount!: number;
}

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: 'Database reachability, version and size.' })
  async health(@Ctx() ctx: Context): Promise<Health> {
    const [row] = await ctx.db.read<{ version: string; edition: string; nodes: number; rels: number }>(
      namedQuery('graphql/health'),
      {},
      ctx.roundTrips,
    );
    if (!row) throw new Error('dbms.components() returned no Neo4j Kernel row');
    return {
      ok: true,
      neo4jVersion: row.version,
      neo4jEdition: row.edition,
      nodeCount: row.nodes,
      relationshipCount: row.rels,
    };
  }
}
