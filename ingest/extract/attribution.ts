import type { ArticleContext } from './context';
import type { Mention } from './mentions';
import type { EntityTable, ResolvedEntity } from './resolve';
import { isPartOfTitle } from './subjects';

/** A sentence in which someone speaks: the speaker, and whether the words are quoted or reported. */
export interface Statement {
  sentence: number;
  speaker: ResolvedEntity;
  /** Start of the speaker's mention, or of the sentence when the speaker is carried over. */
  speakerStart: number;
  quoted: boolean;
}

/** Verbs of speech that attribute words to a speaker (also a feature of the stance model). */
export const SPEECH_VERBS = String.raw`(?:said|says|say|tweeted|told|added|noted|argued|wrote|called|declared|warned|claimed|claims|stated|insisted|replied|urged|explained|shouted|chanted|saying)`;
/** Unnamed voices of a body: "a Justice Department spokesperson said" is the department speaking. */
const SPOKESPEOPLE = String.raw`(?:spokes(?:person|man|woman)|officials?|representatives?)`;
const VERB_AFTER = new RegExp(
  String.raw`^(?:\s*,[^“”"]{0,160}?,)?\s+(?:${SPOKESPEOPLE}\s+)?(?:also\s+|has\s+|have\s+)?${SPEECH_VERBS}\b`,
  'i',
);
/** "said Corey Price", "said LA Mayor Eric Garcetti", "said jail spokeswoman Candace Hopkins". */
const VERB_BEFORE = new RegExp(
  String.raw`\b(?:${SPEECH_VERBS}|according to)\s+(?:the\s+)?(?:[\p{L}.’'-]+\s+){0,4}$`,
  'iu',
);
const PRONOUN_SPEAKER = new RegExp(String.raw`(?:^|[\s”",])(he|she)\s+(?:also\s+|has\s+)?${SPEECH_VERBS}\b`, 'i');
const SPEAKER_KINDS = new Set(['person', 'agency', 'organization', 'jurisdiction']);

/**
 * A quotation: an opening mark and text up to the next closing mark of either style. Scraped text mixes them
 * ("So-called policies ...,” Sessions said): a straight opening closed by a curly one must end there, or the
 * speaker after it would count as quoted.
 */
const QUOTED = /[“"][^”"]*[”"]?/g;

/** Ranges of quoted text in a sentence, as offsets into the article. */
export function quotedRanges(text: string, start: number, end: number): [number, number][] {
  const ranges: [number, number][] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(QUOTED)) ranges.push([start + (m.index ?? 0), start + (m.index ?? 0) + m[0].length]);
  return ranges;
}

/** Whether an offset lies inside quoted text. */
export function isQuoted(ranges: [number, number][], offset: number): boolean {
  return ranges.some(([s, e]) => offset >= s && offset < e);
}

/**
 * Finds who speaks in each sentence: a name next to a speech verb ("Garcetti said", "said Corey
 * Price", "according to the Department"), "he/she said" for the person last named, and a quote
 * standing alone for the speaker of the sentence before it in the same paragraph.
 */
export function findStatements(ctx: ArticleContext, mentions: Mention[], table: EntityTable): Statement[] {
  const statements: Statement[] = [];
  let lastPerson: ResolvedEntity | undefined;
  let previous: Statement | undefined;
  for (const sentence of ctx.sentences) {
    if (sentence.index < ctx.firstBodySentence) continue;
    const ranges = quotedRanges(ctx.text, sentence.start, sentence.end);
    const quoted = ranges.length > 0;
    const here = mentions.filter((m) => m.sentence === sentence.index && !isQuoted(ranges, m.start));
    let found: Statement | undefined;
    for (const m of here) {
      const entity = table.of(m);
      if (!entity || !SPEAKER_KINDS.has(entity.kind) || isPartOfTitle(here, m)) continue;
      const after = ctx.text.slice(m.end, Math.min(sentence.end, m.end + 100));
      const before = ctx.text.slice(Math.max(sentence.start, m.start - 60), m.start);
      if (VERB_AFTER.test(after) || VERB_BEFORE.test(before)) {
        found = { sentence: sentence.index, speaker: entity, speakerStart: m.start, quoted };
        break;
      }
    }
    if (!found && lastPerson) {
      const outside = stripQuotes(sentence.text);
      if (PRONOUN_SPEAKER.test(outside))
        found = { sentence: sentence.index, speaker: lastPerson, speakerStart: sentence.start, quoted };
    }
    if (
      !found &&
      quoted &&
      previous &&
      ctx.sentences[previous.sentence]?.paragraph === sentence.paragraph &&
      /^[“"]/.test(sentence.text)
    ) {
      found = { ...previous, sentence: sentence.index, speakerStart: sentence.start, quoted };
    }
    if (found) statements.push(found);
    previous =
      found ?? (ctx.sentences[previous?.sentence ?? -1]?.paragraph === sentence.paragraph ? previous : undefined);
    for (const m of here) {
      const entity = table.of(m);
      if (entity?.kind === 'person') lastPerson = entity;
    }
    if (found?.speaker.kind === 'person') lastPerson = found.speaker;
  }
  return statements;
}

function stripQuotes(text: string): string {
  return text.replace(QUOTED, ' ');
}
