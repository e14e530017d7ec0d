import type { ArticleContext } from './context';
import type { Mention } from './mentions';
import type { EntityTable, ResolvedEntity } from './resolve';
import { hasTag } from './word-tags';

const ACTOR_KINDS = new Set(['person', 'agency', 'organization', 'jurisdiction']);
/**
 * What may stand between coordinated subjects: "and", commas, the titles of the next name ("and New Orleans
 * Mayor"), the common noun of a list of places ("Pima County and the cities of Tucson"), and the dash that
 * closes a list set off by dashes before "along with" ("Seven states—A, B and C—along with the city of D").
 */
const COORDINATION_GAP =
  /^\s*(?:[,—–]\s*)?(?:(?:and|along with|as well as|together with)\s+)?(?:the\s+)?(?:(?:cit(?:y|ies)|towns?|villages?|count(?:y|ies)|states?) of\s+)?(?:\p{Lu}[\p{L}.]*\s+)*$/u;

/**
 * The subject of the verb at offset `at`: the last actor named before it within `maxGap`
 * characters, with the actors coordinated with it ("Chicago Mayor Rahm Emanuel and New Orleans
 * Mayor Mitch Landrieu also announced"). Bodies named only as part of a title are skipped.
 */
export function subjectBefore(
  ctx: ArticleContext,
  mentions: Mention[],
  table: EntityTable,
  at: number,
  maxGap = 60,
): ResolvedEntity[] {
  const before = mentions.filter(
    (m) =>
      m.end <= at && !isPartOfTitle(mentions, m) && !isModifier(ctx, m) && ACTOR_KINDS.has(table.of(m)?.kind ?? ''),
  );
  // A name in an apposition ("Ann Roe, director of the Alliance, said") is not the subject: the person is.
  while (
    before.length > 1 &&
    isAppositive(ctx, before[before.length - 2] as Mention, before[before.length - 1] as Mention, table)
  )
    before.pop();
  const last = before[before.length - 1];
  if (!last || at - last.end > maxGap || CLAUSE_BREAK.test(ctx.text.slice(last.end, at))) return [];
  // "battle with California, the federal government announced": a common noun phrase is the subject.
  if (commonNounSubject(ctx, last.end, at)) return [];
  let k = before.length - 1;
  while (k > 0 && COORDINATION_GAP.test(ctx.text.slice((before[k - 1] as Mention).end, (before[k] as Mention).start)))
    k--;
  return [
    ...new Set(
      before
        .slice(k)
        .map((m) => table.of(m))
        .filter((e): e is ResolvedEntity => e !== undefined),
    ),
  ];
}

/** A noun phrase with an article after a comma or a conjunction, running into a verb: that verb's own subject. */
const COMMON_SUBJECT = /(?:^|[,;]|\b(?:and|but|while|that)\b)\s*(?:the|a|an)\s+(?=[^,;]*$)/gi;

/**
 * Whether a common noun phrase between a name and the word at `at` is the subject: "battle with California,
 * the federal government announced a lawsuit" — the phrase is followed, before `at` and with no comma, by
 * a verb (or `at` is the verb).
 */
function commonNounSubject(ctx: ArticleContext, from: number, at: number): boolean {
  const gap = ctx.text.slice(from, at);
  for (const m of gap.matchAll(COMMON_SUBJECT)) {
    const phraseStart = from + (m.index ?? 0) + m[0].length;
    if (hasTag(ctx.tags, at, 'Verb')) return true;
    for (const w of ctx.text.slice(phraseStart, at).matchAll(/[a-z]+/g)) {
      const start = phraseStart + (w.index ?? 0);
      if (start > phraseStart && hasTag(ctx.tags, start, 'Verb') && !hasTag(ctx.tags, start, 'Adjective', 'Noun'))
        return true;
    }
  }
  return false;
}

/** A subordinate clause starts between a name and the verb: the name is not its subject. */
const CLAUSE_BREAK = /\b(?:when|because|while|although|whereas|if|unless)\b/i;

function isAppositive(ctx: ArticleContext, person: Mention, m: Mention, table: EntityTable): boolean {
  return (
    table.of(person)?.kind === 'person' &&
    /^,\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}(?:of|for|with|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$/.test(
      ctx.text.slice(person.end, m.start),
    )
  );
}

/**
 * Names that modify something else are not subjects: a possessive ("Sessions’ memo"), a name
 * used as an adjective ("the lead US prosecutor"), a dateline ("PHOENIX —").
 */
export function isModifier(ctx: ArticleContext, m: Mention): boolean {
  const after = ctx.text.slice(m.end, m.end + 30);
  if (/^['’]/.test(after) || /^\s+[—–]/.test(after) || inDateline(ctx, m)) return true;
  const next = /^ ([a-z]+)/.exec(after);
  return next !== null && hasTag(ctx.tags, m.end + 1, 'Noun') && !hasTag(ctx.tags, m.end + 1, 'Verb', 'Pronoun');
}

/**
 * The dateline that opens a sentence, "KENT COUNTY, MI – " or "LOS ANGELES (CBSLA/AP) – ": a place, maybe its state
 * and the wire in parentheses, then a dash. Returns its length, 0 when there is none.
 */
export function datelineLength(sentence: string): number {
  return DATELINE.exec(sentence)?.[0].length ?? 0;
}
const DATELINE =
  /^\p{Lu}[\p{Lu}\p{L}.'’ -]{0,30}?(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?\s*(?:\([^)]{0,30}\)\s*)?[—–-]\s+/u;

/** A name inside the dateline of its sentence. */
function inDateline(ctx: ArticleContext, m: Mention): boolean {
  const s = ctx.sentences[m.sentence];
  return s !== undefined && m.end <= s.start + datelineLength(s.text);
}

/** A body named inside a title ("Chicago" of "Chicago Mayor Rahm Emanuel") is not itself a subject or a speaker. */
export function isPartOfTitle(mentions: Mention[], m: Mention): boolean {
  return mentions.some(
    (p) => p.title !== undefined && p !== m && (p.title.org === m || (m.start >= p.title.start && m.end <= p.start)),
  );
}
