/**
 * Definite descriptions that refer back to an entity named elsewhere in the article: "the judge ruled",
 * "the city sued", "the governor signed", "the department said". News copy names an actor once and then
 * calls it by its office or its kind; without these the act has a common noun for a subject and is lost,
 * or is given to whoever was named before it.
 */
import type { ArticleContext } from './context';
import type { Mention } from './mentions';
import type { EntityTable, ResolvedEntity } from './resolve';
import { hasTag } from './word-tags';

/** What a description can refer to. */
interface Description {
  re: RegExp;
  /** Whether an entity fits the description. */
  fits: (e: ResolvedEntity, table: EntityTable) => boolean;
}

const titled =
  (title: RegExp) =>
  (e: ResolvedEntity): boolean =>
    e.kind === 'person' && e.mentions.some((m) => m.title !== undefined && title.test(m.title.info.title));
const jurisdiction =
  (type: string) =>
  (e: ResolvedEntity): boolean =>
    e.kind === 'jurisdiction' && (e.type === type || new RegExp(`\\b${type}$`, 'i').test(e.name));

const QUALIFIERS = String.raw`(?:(?:federal|district|U\.S\.|state|appeals|presiding|chief|trial|circuit)\s+){0,3}`;
const DESCRIPTIONS: readonly Description[] = [
  { re: new RegExp(String.raw`\b(?:the|a)\s+${QUALIFIERS}judge\b`, 'gi'), fits: titled(/judge|justice/i) },
  { re: /\bthe\s+mayor\b/gi, fits: titled(/^mayor$/i) },
  { re: /\bthe\s+governor\b/gi, fits: titled(/^governor$/i) },
  { re: /\bthe\s+president\b/gi, fits: titled(/^president$/i) },
  { re: /\bthe\s+attorney general\b/gi, fits: titled(/attorney general/i) },
  { re: /\bthe\s+sheriff\b/gi, fits: titled(/^sheriff$/i) },
  { re: /\bthe\s+city\b/gi, fits: jurisdiction('city') },
  { re: /\bthe\s+county\b/gi, fits: jurisdiction('county') },
  { re: /\bthe\s+state\b/gi, fits: jurisdiction('state') },
  {
    re: /\bthe\s+(?:justice\s+)?department\b/gi,
    fits: (e) => (e.kind === 'agency' || e.kind === 'organization') && /\bdepartment\b/i.test(e.name),
  },
  { re: /\bthe\s+administration\b/gi, fits: (e) => /\badministration$/i.test(e.name) },
  // "the bill", "the measure", "the new law": the bill or law the article named last.
  { re: /\bthe\s+(?:new\s+|proposed\s+|state\s+)?(?:bill|measure|legislation|law)\b/gi, fits: (e) => isLaw(e) },
  {
    re: /\bthe\s+(?:executive\s+)?order\b/gi,
    fits: (e) => e.kind === 'program' && (e.type === 'order' || /\border\b/i.test(e.name)),
  },
];

/** A program that is a bill or a law, by its type or its name. */
function isLaw(e: ResolvedEntity): boolean {
  if (e.kind !== 'program') return false;
  if (e.type === 'bill' || e.type === 'law') return true;
  return /\b(?:Bill|Act|Law|SB|HB|AB|Proposition|Measure)\b/.test(e.name);
}

/**
 * Adds a mention for every definite description that has exactly one candidate: the entity of that
 * office or kind mentioned last before it, else (a lede names the judge a sentence later) the first one
 * after it. A description followed by a name ("the city of Philadelphia", "the Mayor Eric Garcetti") or by
 * a noun it modifies ("the city council", "the state law") is not a reference. Returns the mentions, sorted.
 */
export function addCoreferentMentions(ctx: ArticleContext, mentions: Mention[], table: EntityTable): Mention[] {
  const added: Mention[] = [];
  /** Places inside a description ("U.S." of "a U.S. judge"): the description stands for them in the text. */
  const qualifiers = new Set<Mention>();
  const resolved = mentions.filter((m) => m.entityId !== undefined && !m.coreferent);
  for (const sentence of ctx.sentences) {
    if (sentence.index < ctx.firstBodySentence) continue;
    for (const d of DESCRIPTIONS) {
      for (const match of sentence.text.matchAll(d.re)) {
        const start = sentence.start + (match.index ?? 0);
        const end = start + match[0].length;
        // "a U.S. judge": a place named inside the description only qualifies it; any other overlap is a name.
        const inner = (m: Mention): boolean => m.start >= start && m.end <= end && table.of(m)?.kind === 'jurisdiction';
        if (mentions.some((m) => m.start < end && start < m.end && !inner(m))) continue;
        if (!isReference(ctx, end)) continue;
        const fits = (m: Mention): boolean => {
          const e = table.of(m);
          return e !== undefined && d.fits(e, table);
        };
        const before = resolved.filter((m) => m.end <= start && fits(m)).pop();
        const after = resolved.find((m) => m.start >= end && fits(m));
        const target = before ?? after;
        const entity = target ? table.of(target) : undefined;
        if (!entity) continue;
        const mention: Mention = {
          start,
          end,
          text: ctx.text.slice(start, end),
          name: entity.name,
          kind: entity.kind,
          sentence: sentence.index,
          confidence: 0.6,
          coreferent: true,
        };
        table.attach(mention, entity);
        added.push(mention);
        for (const m of mentions) if (inner(m)) qualifiers.add(m);
      }
    }
  }
  return [...mentions.filter((m) => !qualifiers.has(m)), ...added].sort((a, b) => a.start - b.start);
}

/** The description stands for an entity: no name, "of", or modified noun follows it. */
function isReference(ctx: ArticleContext, end: number): boolean {
  const after = ctx.text.slice(end, end + 30);
  if (/^\s+(?:of\b|\p{Lu})/u.test(after)) return false;
  const next = /^\s+([a-z]+)/.exec(after);
  if (!next) return true;
  const at = end + (next[0].length - (next[1]?.length ?? 0));
  return !(hasTag(ctx.tags, at, 'Noun') && !hasTag(ctx.tags, at, 'Verb', 'Pronoun', 'Adverb'));
}
