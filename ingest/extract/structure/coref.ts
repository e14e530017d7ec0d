/**
 * Coreference: CoreNLP's chains give every pronoun ("he", "she", "they") and title noun ("the mayor") the
 * entity its chain names. They become mentions that facts can start from, never new entities or aliases.
 */

import { TITLES } from '../lexicon';
import type { Mention } from '../mentions';
import type { EntityTable, ResolvedEntity } from '../resolve';
import type { CoreCorefMention } from './corenlp-json';
import { inRanges } from './credits';
import type { ParseView } from './parse-view';

/** Pronouns that can be a subject or a speaker; possessives ("his office") are left to the noun they modify. */
const SUBJECT_PRONOUNS: Readonly<Record<string, 'person' | 'any'>> = {
  he: 'person',
  she: 'person',
  him: 'person',
  her: 'person',
  they: 'any',
  them: 'any',
  it: 'any',
};

/** Common nouns that stand for a body of the kind named earlier: "the city" for Philadelphia. */
const BODY_NOUNS: Readonly<Record<string, string>> = {
  city: 'jurisdiction',
  county: 'jurisdiction',
  state: 'jurisdiction',
  town: 'jurisdiction',
  department: 'agency',
  agency: 'agency',
  administration: 'agency',
  office: 'agency',
  court: 'agency',
  group: 'organization',
  organization: 'organization',
  association: 'organization',
  union: 'organization',
  coalition: 'organization',
};

/** The mentions coreference adds: pronouns and title nouns, each with its chain's entity. */
export function corefMentions(
  view: ParseView,
  mentions: Mention[],
  table: EntityTable,
  credits: [number, number][],
): Mention[] {
  const added: Mention[] = [];
  for (const chain of Object.values(view.core.corefs)) {
    const entity = chainEntity(view, chain, mentions, table);
    if (!entity) continue;
    for (const cm of chain) {
      const [start, end] = view.span(cm.sentNum - 1, cm.startIndex, cm.endIndex - 1);
      if (inRanges(credits, start, end) || mentions.some((m) => start < m.end && m.start < end)) continue;
      const sentence = view.ruleSentenceAt(start);
      const head = view.token({ sentence: cm.sentNum - 1, index: cm.headIndex })?.lemma ?? '';
      if (sentence === undefined || !refersTo(cm, head, entity)) continue;
      added.push({
        start,
        end,
        text:
          view.core.sentences[cm.sentNum - 1]?.tokens
            .slice(cm.startIndex - 1, cm.endIndex - 1)
            .map((t) => t.originalText)
            .join(' ') ?? cm.text,
        name: entity.name,
        kind: entity.kind,
        sentence,
        confidence: 0.6,
        entityId: entity.id,
      });
    }
  }
  return added;
}

/** Whether a mention of a chain may stand for the entity: a subject pronoun of a fitting kind, or a title noun for a person. */
function refersTo(cm: CoreCorefMention, headWord: string, entity: ResolvedEntity): boolean {
  const word = cm.text.toLowerCase();
  if (cm.type === 'PRONOMINAL') {
    const fits = SUBJECT_PRONOUNS[word];
    if (!fits) return false;
    if (fits === 'person') return entity.kind === 'person';
    return word === 'it' ? entity.kind !== 'person' : true;
  }
  if (cm.type !== 'NOMINAL') return false;
  const head = headWord.toLowerCase();
  // "the judge" is a person the article titled judge: statistical chains also join a title noun to the
  // nearest name, whoever holds the office.
  if (entity.kind === 'person')
    return TITLES.has(head) && entity.mentions.some((m) => m.title?.info.title.toLowerCase().split(' ').pop() === head);
  return BODY_NOUNS[head] === entity.kind;
}

/** The entity a chain names: that of its representative mention, else the one most of its named mentions resolve to. */
function chainEntity(
  view: ParseView,
  chain: CoreCorefMention[],
  mentions: Mention[],
  table: EntityTable,
): ResolvedEntity | undefined {
  const votes = new Map<ResolvedEntity, number>();
  let representative: ResolvedEntity | undefined;
  for (const cm of chain) {
    const entity = namedIn(view, cm, mentions, table);
    if (!entity) continue;
    votes.set(entity, (votes.get(entity) ?? 0) + 1);
    if (cm.isRepresentativeMention) representative = entity;
  }
  if (representative) return representative;
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The entity a chain mention names: a proper name's own mention (at its head), or the body a common noun
 * phrase names inside it ("the city of Philadelphia").
 */
function namedIn(
  view: ParseView,
  cm: CoreCorefMention,
  mentions: Mention[],
  table: EntityTable,
): ResolvedEntity | undefined {
  if (cm.type === 'PROPER') {
    const [hs, he] = view.span(cm.sentNum - 1, cm.headIndex, cm.headIndex);
    const m = mentions.find((x) => x.entityId !== undefined && hs < x.end && x.start < he);
    return m ? table.of(m) : undefined;
  }
  if (cm.type !== 'NOMINAL') return undefined;
  const head = view.token({ sentence: cm.sentNum - 1, index: cm.headIndex })?.lemma.toLowerCase() ?? '';
  const kind = BODY_NOUNS[head];
  if (!kind) return undefined;
  const [start, end] = view.span(cm.sentNum - 1, cm.startIndex, cm.endIndex - 1);
  const inside = mentions
    .filter((x) => x.entityId !== undefined && x.start >= start && x.end <= end)
    .map((x) => table.of(x));
  return inside.find((e) => e?.kind === kind);
}
