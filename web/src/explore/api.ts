/** A failed request: the API's own message (e.g. SERVICE_UNAVAILABLE) or what went wrong on the way. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** A reply nobody waits for any more: a newer request of the same view replaced it (see requests.ts). */
export class StaleReply extends Error {
  constructor() {
    super('A newer request replaced this one.');
  }
}

/**
 * Posts a query to the public /graphql API and returns its data, or throws ApiError with the first error.
 * Views do not call it directly but through their request channel (requests.ts), which passes `signal`.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch {
    if (signal?.aborted) throw new StaleReply();
    throw new ApiError('The service cannot be reached; check your connection and try again.');
  }
  let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    // A cast: the DOM types say `any` here, Node's `unknown` (the unit tests compile this file without the DOM).
    body = (await response.json()) as typeof body;
  } catch {
    if (signal?.aborted) throw new StaleReply();
    throw new ApiError(`The service answered HTTP ${response.status} without a GraphQL response.`);
  }
  // An aborted request can still have been answered: its reply is dropped all the same.
  if (signal?.aborted) throw new StaleReply();
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code);
  if (!body.data) throw new ApiError(`The service answered HTTP ${response.status} with no data.`);
  return body.data;
}

export type Kind = 'PERSON' | 'AGENCY' | 'ORGANIZATION' | 'JURISDICTION' | 'PROGRAM' | 'EVENT';

export interface EntityRef {
  id: string;
  name: string;
  kind: Kind;
  date?: string | null;
}

export interface Evidence {
  quote: string;
  article: { id: string; title: string; url?: string | null; published?: string | null; source?: string | null };
}

export interface GraphEdge {
  type: string;
  from: string;
  to: string;
  /** Loaded when the edge is first shown in the side panel. */
  evidence?: Evidence[];
}

export interface Subgraph {
  nodes: EntityRef[];
  edges: GraphEdge[];
}

const EVIDENCE = 'evidence { quote article { id title url published source } }';

export const SEARCH = `query ExploreSearch($text: String!, $kinds: [EntityKind!]) {
  search(text: $text, kinds: $kinds, first: 20) { id name kind ... on Event { date } }
}`;

/** How many entities one neighbourhood answer holds at most (the query's `first`). */
export const NEIGHBORHOOD_FIRST = 100;

/** The graph without its evidence: 100 entities stay well within the API's query cost limit. */
export const NEIGHBORHOOD = `query ExploreNeighborhood($id: ID!, $depth: Int!) {
  neighborhood(id: $id, depth: $depth, first: ${NEIGHBORHOOD_FIRST}) {
    nodes { id name kind ... on Event { date } }
    edges { type from to }
  }
}`;

/** The evidence of one entity's relationships of one type, fetched when an edge is opened. */
export const EDGE_EVIDENCE = `query ExploreEdgeEvidence($id: ID!, $type: String!) {
  neighborhood(id: $id, depth: 1, types: [$type], first: 50) {
    edges { type from to ${EVIDENCE} }
  }
}`;

export const DETAILS = `query ExploreDetails($id: ID!) {
  entity(id: $id) {
    id name kind aliases
    ... on Actor { description }
    ... on Program { description type }
    ... on Event { date eventType summary }
    mentions(first: 10) { quote article { id title url published source } }
  }
  timeline(id: $id, first: 50) { id name date eventType }
}`;

export const STANCES = `query ExploreStances($kind: StanceKind!, $actionBy: String, $actor: String) {
  stances(kind: $kind, actionBy: $actionBy, actor: $actor, first: 100) {
    kind
    actor { id name kind }
    target { id name kind ... on Event { date } }
    ${EVIDENCE}
  }
}`;

export interface Details {
  entity: {
    id: string;
    name: string;
    kind: Kind;
    aliases: string[];
    description?: string | null;
    type?: string | null;
    date?: string | null;
    eventType?: string | null;
    summary?: string | null;
    /** The articles that name it, with the words they use (for an event, often the sentence that reports it). */
    mentions: { quote?: string | null; article: Evidence['article'] }[];
  } | null;
  timeline: { id: string; name: string; date?: string | null; eventType: string }[];
}

export interface StanceRow {
  kind: string;
  actor: EntityRef;
  target: EntityRef;
  evidence: Evidence[];
}

/** One article for the reader: its text, the facts it states (with their quotes) and the names of what it mentions. */
export const ARTICLE = `query ExploreArticle($id: ID!) {
  article(id: $id) {
    id title url published source author text
    facts(first: 100) { type from to evidence { quote article { id } } }
    mentions(first: 100) { entity { id name kind ... on Event { date } } }
  }
}`;

export interface ArticleFact {
  type: string;
  from: string;
  to: string;
  evidence: { quote: string; article: { id: string } }[];
}

export interface ArticleReply {
  article: {
    id: string;
    title: string;
    url?: string | null;
    published?: string | null;
    source?: string | null;
    author?: string | null;
    text?: string | null;
    facts: ArticleFact[];
    mentions: { entity: EntityRef }[];
  } | null;
}

/** A shortest path between two entities, with the evidence of each hop. */
export const PATH = `query ExplorePath($from: ID!, $to: ID!) {
  path(from: $from, to: $to, maxHops: 6) {
    nodes { id name kind ... on Event { date } }
    edges { type from to ${EVIDENCE} }
  }
}`;

export interface PathReply {
  path: Subgraph | null;
}

/** Search as you type: the last word may be the start of a name ("garc" finds Garcetti). */
export const PICK = `query ExplorePick($text: String!) {
  search(text: $text, first: 8, prefix: true) { id name kind ... on Event { date } }
}`;
