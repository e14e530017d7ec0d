import { registerEnumType } from 'type-graphql';
import { GRAPHQL_ORIGINS } from '../core/vocabulary';

/** Where a fact or claim comes from; the graph stores the lowercase value, the API spells it in capitals. */
export const Origin = GRAPHQL_ORIGINS;
export type Origin = (typeof GRAPHQL_ORIGINS)[keyof typeof GRAPHQL_ORIGINS];
registerEnumType(Origin, {
  name: 'Origin',
  description: 'Where a fact comes from.',
  valuesConfig: {
    CURATED: { description: 'A person annotated the article (ingest/annotations).' },
    EXTRACTED: { description: 'The automatic extractor read it from the article: never changes a curated fact.' },
  },
});
