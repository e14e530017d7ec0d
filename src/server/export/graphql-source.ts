import { type ExecutionResult, type GraphQLSchema, execute, parse } from 'graphql';
import type { Context } from '../../graphql/context';
import { responseKeyResolver } from '../../graphql/field-resolver';
import { ErrorCode } from '../../core/errors';
import { compareEdges } from './edge-ids';
import { ExportError } from './export-error';
import type { ExportEvidence, ExportNode, FoundEdge } from './model';
import type { Selection } from './selection';

/*
 * Neighborhood, search and path exports run the API's own GraphQL fields against the schema, so they are
 * compiled into the same single Cypher statement, with the same bounds and argument checks, as a client's
 * query; only the selection of fields is fixed here.
 */

const NODE = 'fragment ExportNode on Entity { id kind name aliases origin ... on Event { date } }';
const EDGE = `fragment ExportEdge on Edge {
  type from to origin sourceCount
  evidence { quote confidence article { id title url published origin } }
}`;

const DOCUMENTS = {
  neighborhood: parse(`query ExportNeighborhood($id: ID!, $depth: Int, $types: [String!], $first: Int) {
    graph: neighborhood(id: $id, depth: $depth, types: $types, first: $first) {
      nodes { ...ExportNode } edges { ...ExportEdge }
    }
  } ${NODE} ${EDGE}`),
  search: parse(`query ExportSearch($text: String!, $first: Int) {
    nodes: search(text: $text, first: $first) { ...ExportNode }
  } ${NODE}`),
  path: parse(`query ExportPath($from: ID!, $to: ID!, $maxHops: Int) {
    graph: path(from: $from, to: $to, maxHops: $maxHops) { nodes { ...ExportNode } edges { ...ExportEdge } }
  } ${NODE} ${EDGE}`),
};

/** The GraphQL argument of each query parameter whose name differs (search's text is the parameter q). */
const PARAMETER_OF_ARGUMENT: Record<string, string> = { text: 'q' };

interface GraphNode {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  origin: string;
  date?: string | null;
}

interface GraphEdge {
  type: string;
  from: string;
  to: string;
  origin: string;
  sourceCount: number;
  evidence: {
    quote: string;
    confidence: number | null;
    article: { id: string; title: string | null; url: string | null; published: string | null; origin: string } | null;
  }[];
}

interface Answer {
  graph?: { nodes: GraphNode[]; edges: GraphEdge[] } | null;
  nodes?: GraphNode[];
}

/** The nodes and edges of an export, edges ordered for edgeIds(). */
export interface ExportGraph {
  nodes: ExportNode[];
  edges: FoundEdge[];
}

function toNode(n: GraphNode): ExportNode {
  return { id: n.id, kind: n.kind, name: n.name, aliases: n.aliases, origin: n.origin, date: n.date ?? null };
}

function toEdge(e: GraphEdge): FoundEdge {
  const evidence: ExportEvidence[] = e.evidence.map((ev) => ({
    quote: ev.quote,
    confidence: ev.confidence,
    articleId: ev.article?.id ?? '',
    articleTitle: ev.article?.title ?? null,
    articleUrl: ev.article?.url ?? null,
    articleDate: ev.article?.published ?? null,
    origin: ev.article?.origin ?? e.origin,
  }));
  return { type: e.type, from: e.from, to: e.to, origin: e.origin, sourceCount: e.sourceCount, evidence };
}

/** The variables of the selection's document; absent parameters are left out so the fields' defaults apply. */
function variablesOf(selection: Exclude<Selection, { select: 'all' }>): Record<string, unknown> {
  const { select: _select, ...rest } = selection;
  const variables: Record<string, unknown> = 'q' in rest ? { text: rest.q, first: rest.first } : rest;
  return Object.fromEntries(Object.entries(variables).filter(([, v]) => v !== undefined));
}

/**
 * The first error of an answer: a rejected argument becomes a 400 naming the query parameter; anything else
 * (a database outage, a bug) is thrown as it came, for the router to classify.
 */
function raise(result: ExecutionResult<Answer>): never {
  const [error] = result.errors!;
  const code = error!.extensions?.code;
  if (code === ErrorCode.BAD_USER_INPUT) {
    const argument = String(error!.extensions.argument ?? '');
    const parameter = PARAMETER_OF_ARGUMENT[argument] ?? argument;
    const message = error!.message.replace(/^Argument "[^"]*"/, `Parameter "${parameter}"`);
    throw new ExportError(400, ErrorCode.BAD_USER_INPUT, message, parameter || undefined);
  }
  throw error!.originalError ?? error!;
}

/** Reads a neighborhood, search result or path through the API's GraphQL fields. */
export async function readSelection(
  schema: GraphQLSchema,
  ctx: Context,
  selection: Exclude<Selection, { select: 'all' }>,
): Promise<ExportGraph> {
  const result = (await execute({
    schema,
    document: DOCUMENTS[selection.select],
    variableValues: variablesOf(selection),
    contextValue: ctx,
    fieldResolver: responseKeyResolver,
  })) as ExecutionResult<Answer>;
  if (result.errors?.length) raise(result);
  const data = result.data ?? {};
  if (selection.select === 'search') return { nodes: (data.nodes ?? []).map(toNode), edges: [] };
  const graph = data.graph;
  if (selection.select === 'path') {
    if (!graph) {
      const hops = selection.maxHops === undefined ? 'the default maxHops' : `${selection.maxHops} hops`;
      throw new ExportError(
        404,
        'NOT_FOUND',
        `No path from "${selection.from}" to "${selection.to}" within ${hops} (or one of them is not an entity id)`,
      );
    }
  } else if (!graph || graph.nodes.length === 0) {
    throw new ExportError(404, 'NOT_FOUND', `No entity with id "${selection.id}"`, 'id');
  }
  return { nodes: graph.nodes.map(toNode), edges: graph.edges.map(toEdge).sort(compareEdges) };
}
