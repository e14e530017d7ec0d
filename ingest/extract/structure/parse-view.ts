/** Lookups over a validated CoreNLP parse: tokens by offset, dependency edges, and the rule sentence of an offset. */

import type { ArticleContext } from '../context';
import type { CoreDependency, CoreNlpDocument, CoreSentence, CoreToken } from './corenlp-json';

/** A token of the parse, addressed by its sentence (0-based) and index (1-based, as CoreNLP numbers them). */
export interface TokenRef {
  sentence: number;
  index: number;
}

export class ParseView {
  constructor(
    readonly core: CoreNlpDocument,
    private readonly ctx: ArticleContext,
  ) {}

  get sentences(): CoreSentence[] {
    return this.core.sentences;
  }

  token(ref: TokenRef): CoreToken | undefined {
    return this.core.sentences[ref.sentence]?.tokens[ref.index - 1];
  }

  /** Character range of tokens [from, to] (1-based, inclusive) of a sentence. */
  span(sentence: number, from: number, to: number): [number, number] {
    const tokens = this.core.sentences[sentence]?.tokens ?? [];
    const a = tokens[from - 1];
    const b = tokens[to - 1];
    return [a?.characterOffsetBegin ?? 0, b?.characterOffsetEnd ?? 0];
  }

  /** The enhanced++ edges of a sentence (they carry obl:agent, nsubj:xsubj and the preposition in obl:by). */
  edges(sentence: number): CoreDependency[] {
    return this.core.sentences[sentence]?.enhancedPlusPlusDependencies ?? [];
  }

  /** Dependents of `governor` whose relation is one of `rels` (a rel ending in ':' matches any subtype). */
  children(sentence: number, governor: number, rels: readonly string[]): CoreDependency[] {
    return this.edges(sentence).filter((e) => e.governor === governor && relIn(e.dep, rels));
  }

  /** The governor edge of a token in the basic tree. */
  parent(sentence: number, dependent: number): CoreDependency | undefined {
    return this.core.sentences[sentence]?.basicDependencies.find((e) => e.dependent === dependent);
  }

  /** The token range [from, to] of the basic-tree subtree of a token: the phrase it heads. */
  subtree(sentence: number, head: number): [number, number] {
    const deps = this.core.sentences[sentence]?.basicDependencies ?? [];
    let from = head;
    let to = head;
    const stack = [head];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const at = stack.pop() as number;
      if (seen.has(at)) continue;
      seen.add(at);
      for (const e of deps) {
        if (e.governor !== at || e.dep === 'punct') continue;
        from = Math.min(from, e.dependent);
        to = Math.max(to, e.dependent);
        stack.push(e.dependent);
      }
    }
    return [from, to];
  }

  /** The rule sentence (ctx.sentences index) that contains an offset. */
  ruleSentenceAt(offset: number): number | undefined {
    return this.ctx.sentences.find((s) => offset >= s.start && offset < s.end)?.index;
  }
}

/** Whether a relation is among `rels`: "obl:" matches obl:agent and obl:by, "obl" only obl. */
export function relIn(dep: string, rels: readonly string[]): boolean {
  return rels.some((r) => (r.endsWith(':') ? dep.startsWith(r) || dep === r.slice(0, -1) : dep === r));
}
