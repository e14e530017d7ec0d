/** Who speaks: the subject of a speech verb, or the object of "according to", with coreference for "he said". */

import { quotedRanges, type Statement } from '../attribution';
import type { ArticleContext } from '../context';
import type { ArgumentReader } from './svo';
import type { ParseView } from './parse-view';

const SPEECH_LEMMAS = new Set([
  'say',
  'tell',
  'tweet',
  'add',
  'note',
  'argue',
  'write',
  'state',
  'declare',
  'warn',
  'claim',
  'insist',
  'reply',
  'urge',
  'explain',
  'call',
  'announce',
  'respond',
  'testify',
  'contend',
]);

/** The speakers the parse names, one per rule sentence. */
export function parsedStatements(ctx: ArticleContext, view: ParseView, reader: ArgumentReader): Statement[] {
  const found = new Map<number, Statement>();
  for (const clause of reader.clauses()) {
    const index = reader.ruleSentence(clause);
    if (index === undefined || index < ctx.firstBodySentence || found.has(index)) continue;
    const s = ctx.sentences[index];
    if (!s) continue;
    let speaker = SPEECH_LEMMAS.has(clause.lemma) && !clause.passive ? clause.agents[0] : undefined;
    if (!speaker) {
      const according = view.children(clause.sentence, clause.verb, ['obl:according_to']);
      speaker = according.flatMap((e) => reader.entitiesOf(clause.sentence, e.dependent))[0];
    }
    if (!speaker) continue;
    found.set(index, {
      sentence: index,
      speaker,
      speakerStart: clause.start,
      quoted: quotedRanges(ctx.text, s.start, s.end).length > 0,
    });
  }
  return [...found.values()];
}

/** The parse's speaker of each sentence where it names one, the rules' elsewhere. */
export function mergeStatements(parsed: Statement[], rules: Statement[]): Statement[] {
  const bySentence = new Map<number, Statement>();
  for (const st of rules) bySentence.set(st.sentence, st);
  for (const st of parsed) bySentence.set(st.sentence, st);
  return [...bySentence.values()].sort((a, b) => a.sentence - b.sentence);
}
