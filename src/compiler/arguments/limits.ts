/** The API's fixed bounds; the request-level ones (depth, cost) come from config.limits. */
export const LIMITS = {
  /** Largest page any list or connection returns. */
  maxPageSize: 100,
  /** Default page of nested relationship lists. */
  nestedPageSize: 10,
  maxNeighborhoodDepth: 3,
  maxPathHops: 6,
  /** How many equally short paths path() ranks; past this, the choice among them is the store's order. */
  maxPathCandidates: 1000,
  /** Longest search text and entity reference accepted. */
  maxTextLength: 200,
  /** How many index hits search re-ranks; deeper pages than this are empty. */
  searchCandidates: 500,
} as const;
