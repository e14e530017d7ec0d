/** Who did what to whom, read off the dependency tree: the subject, object and obliques of a verb, with coreference. */

import type { ArticleContext } from '../context';
import { TITLES } from '../lexicon';
import type { Mention } from '../mentions';
import type { EntityTable, ResolvedEntity } from '../resolve';
import { relIn, type ParseView } from './parse-view';

export const ACTOR_KINDS = new Set(['person', 'agency', 'organization', 'jurisdiction']);

/** The arguments of a verb: its doers, what it is done to, and where it is in the text. */
export interface Clause {
  sentence: number;
  verb: number;
  start: number;
  end: number;
  lemma: string;
  word: string;
  agents: ResolvedEntity[];
  patients: ResolvedEntity[];
  /** Entities in obliques: "over the grant conditions", "against the administration". */
  obliques: ResolvedEntity[];
  passive: boolean;
}

/** Entities named by the mentions inside a token range, the head's own first; relative clauses excluded. */
export class ArgumentReader {
  constructor(
    private readonly ctx: ArticleContext,
    private readonly view: ParseView,
    private readonly mentions: Mention[],
    private readonly table: EntityTable,
  ) {}

  /** The entities a token heads: the mention that covers it, else those in its phrase, plus conjuncts ("X and Y"). */
  entitiesOf(sentence: number, head: number, depth = 0): ResolvedEntity[] {
    const own = this.covering(sentence, head);
    const found: ResolvedEntity[] = [];
    if (own) found.push(own);
    else {
      const [from, to] = this.phrase(sentence, head);
      const [start, end] = this.view.span(sentence, from, to);
      const inside = this.mentions.filter((m) => m.entityId !== undefined && m.start >= start && m.end <= end);
      const first = inside.map((m) => this.table.of(m)).find((e) => e !== undefined) ?? this.titled(sentence, head);
      if (first) found.push(first);
    }
    if (depth < 3)
      for (const conj of this.view.children(sentence, head, ['conj:']))
        found.push(...this.entitiesOf(sentence, conj.dependent, depth + 1));
    return [...new Set(found)];
  }

  /** "A federal judge ruled": a title noun no chain resolved is the one person of the article titled so. */
  private titled(sentence: number, head: number): ResolvedEntity | undefined {
    const lemma = this.view.token({ sentence, index: head })?.lemma.toLowerCase() ?? '';
    if (!TITLES.has(lemma)) return undefined;
    const holders = [...this.table.entities.values()].filter(
      (e) =>
        e.kind === 'person' && e.mentions.some((m) => m.title?.info.title.toLowerCase().split(' ').pop() === lemma),
    );
    return holders.length === 1 ? holders[0] : undefined;
  }

  private covering(sentence: number, token: number): ResolvedEntity | undefined {
    const [start, end] = this.view.span(sentence, token, token);
    const m = this.mentions.find((x) => x.entityId !== undefined && x.start <= start && end <= x.end);
    return m ? this.table.of(m) : undefined;
  }

  /** The phrase of a noun without its relative clauses and appositions, which name other things. */
  private phrase(sentence: number, head: number): [number, number] {
    const deps = this.view.core.sentences[sentence]?.basicDependencies ?? [];
    let from = head;
    let to = head;
    const stack = [head];
    while (stack.length > 0) {
      const at = stack.pop() as number;
      for (const e of deps) {
        if (e.governor !== at || relIn(e.dep, ['punct', 'acl:', 'appos', 'conj', 'cc', 'parataxis'])) continue;
        from = Math.min(from, e.dependent);
        to = Math.max(to, e.dependent);
        stack.push(e.dependent);
      }
    }
    return [from, to];
  }

  /** The clause of a verb token. */
  clause(sentence: number, verb: number): Clause | null {
    const token = this.view.token({ sentence, index: verb });
    if (!token) return null;
    const args = (rels: string[]): ResolvedEntity[] =>
      this.view.children(sentence, verb, rels).flatMap((e) => this.entitiesOf(sentence, e.dependent));
    const passiveSubjects = args(['nsubj:pass']);
    const passive = this.view.children(sentence, verb, ['nsubj:pass', 'aux:pass']).length > 0;
    const subjects = args(['nsubj', 'nsubj:xsubj']);
    const agents = passive ? args(['obl:agent', 'obl:by']) : subjects;
    const patients = passive ? passiveSubjects : args(['obj', 'iobj']);
    const obliques = this.view
      .children(sentence, verb, ['obl:'])
      .filter((e) => !relIn(e.dep, ['obl:agent', 'obl:tmod', 'obl:npmod']) && !(passive && e.dep === 'obl:by'))
      .flatMap((e) => this.entitiesOf(sentence, e.dependent));
    const actors = (list: ResolvedEntity[]): ResolvedEntity[] => list.filter((e) => ACTOR_KINDS.has(e.kind));
    return {
      sentence,
      verb,
      start: token.characterOffsetBegin,
      end: token.characterOffsetEnd,
      lemma: token.lemma.toLowerCase(),
      word: token.word,
      agents: actors(agents),
      patients: patients.filter((e) => !agents.includes(e)),
      obliques: obliques.filter((e) => !agents.includes(e)),
      passive,
    };
  }

  /** Every verb clause of the parse, in text order. */
  *clauses(): Generator<Clause> {
    for (const [s, sentence] of this.view.sentences.entries()) {
      for (const token of sentence.tokens) {
        if (!token.pos.startsWith('VB')) continue;
        const clause = this.clause(s, token.index);
        if (clause) yield clause;
      }
    }
  }

  /** The lemmas of a clause's objects (in the passive, of its subject). */
  objectLemmas(clause: Clause): string[] {
    const rels = clause.passive ? ['nsubj:pass'] : ['obj'];
    return this.view
      .children(clause.sentence, clause.verb, rels)
      .map((e) => this.view.token({ sentence: clause.sentence, index: e.dependent })?.lemma.toLowerCase() ?? '');
  }

  /** Whether the clause's object is itself a name ("praised Gimenez"), not a noun about one ("praised Gimenez's action"). */
  objectIsNamed(clause: Clause): boolean {
    const rels = clause.passive ? ['nsubj:pass'] : ['obj'];
    return this.view
      .children(clause.sentence, clause.verb, rels)
      .some((e) => this.covering(clause.sentence, e.dependent) !== undefined);
  }

  /** The lemmas of a clause's active subjects. */
  subjectLemmas(clause: Clause): string[] {
    if (clause.passive) return [];
    return this.view
      .children(clause.sentence, clause.verb, ['nsubj'])
      .map((e) => this.view.token({ sentence: clause.sentence, index: e.dependent })?.lemma.toLowerCase() ?? '');
  }

  /** The rule sentence a clause's verb is in. */
  ruleSentence(clause: Clause): number | undefined {
    return this.view.ruleSentenceAt(clause.start);
  }
}
