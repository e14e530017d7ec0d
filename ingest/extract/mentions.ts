import type { EntityKind } from '../../src/core/vocabulary';
import type { ArticleContext } from './context';
import type { GazetteerEntity } from './gazetteer';
import {
  COLLECTIVE_BODIES,
  COUNTRIES,
  DEMONYMS,
  HEAD_CUES,
  HONORIFICS,
  KNOWN_ACRONYMS,
  KNOWN_BODIES,
  MAX_TITLE_WORDS,
  NOT_NAMES,
  TITLES,
  US_CITIES,
  US_STATES,
  type TitleInfo,
} from './lexicon';
import { tokenize, type Token } from './tokens';
import { hasTag } from './word-tags';

/** A stretch of text that names an entity, before it is resolved to an id. */
export interface Mention {
  start: number;
  end: number;
  /** Exactly ctx.text.slice(start, end). */
  text: string;
  /** The name a new entity would get ("Houston Police Department" for "Houston police"). */
  name: string;
  kind: EntityKind;
  type?: string;
  sentence: number;
  confidence: number;
  /** Set when the mention is one of a gazetteer entity's names. */
  known?: GazetteerEntity;
  /** A one-word name that only counts if it refers back to someone named in full. */
  surnameOnly?: boolean;
  /** A title of office written before the name: "Police Chief" in "Houston Police Chief Art Acevedo". */
  title?: { info: TitleInfo; start: number; org?: Mention; precedingNoun?: string };
  /** Filled by resolution. */
  entityId?: string;
}

/** Lowercase words allowed inside a name, and the condition on the word before them. */
const PARTICLES = new Set(['de', 'da', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'la', 'le', 'bin']);
/** Heads of names that are not entities of the graph: meetings, streets, days. */
const NON_ENTITY_HEADS = new Set(['summit', 'week', 'day', 'street', 'avenue', 'award', 'prize', 'quarter', 'study']);
/** Common nouns that say what the name after them is: "the organization Make the Road New Jersey". */
const DESCRIBED_BY: ReadonlyMap<string, EntityKind> = new Map([
  ['organization', 'organization'],
  ['group', 'organization'],
  ['nonprofit', 'organization'],
  ['newspaper', 'organization'],
  ['coalition', 'organization'],
  ['agency', 'agency'],
  ['program', 'program'],
]);
/** Phrases of this project's subject that name its two collective nodes. */
const DOMAIN_CONCEPTS: readonly { re: RegExp; name: string; kind: EntityKind; type?: string }[] = [
  {
    re: /\b(?:so-called\s+)?[‘'“"]?sanctuary[’'”"]?[- ](?:city[- ])?(?:policies|policy|laws|rules|practices|ordinances)\b/gi,
    name: 'Sanctuary policies',
    kind: 'program',
    type: 'policy',
  },
  {
    re: /\bsanctuary (?:cities|jurisdictions|counties)\b|\bsanctuary city\b(?! (?:officials|practices|policies))|\b(?:cities|jurisdictions|municipalities|counties) (?:that|which) (?:thwart|refuse|limit|do not|don't|fail)\b[^,.;]*/gi,
    name: 'Sanctuary jurisdictions',
    kind: 'jurisdiction',
  },
];

interface PlaceInfo {
  name: string;
  type: 'state' | 'city' | 'country';
}
const PLACES = new Map<string, PlaceInfo>();
// Cities first: in news copy "LA" is Los Angeles and "Washington" the capital, not the states.
for (const [table, type] of [
  [US_CITIES, 'city'],
  [US_STATES, 'state'],
  [COUNTRIES, 'country'],
] as const) {
  for (const [name, aliases] of Object.entries(table)) {
    const canonical = name.replace(/ State$/, '');
    for (const alias of [name, ...aliases]) if (!PLACES.has(alias)) PLACES.set(alias, { name: canonical, type });
  }
}

/** Finds every mention of an entity in the article body (and people in the chrome above the headline). */
export function findMentions(ctx: ArticleContext): Mention[] {
  const phrases = phraseTable(ctx);
  const mentions: Mention[] = [];
  for (const sentence of ctx.sentences) {
    const tokens = ctx.tokens[sentence.index] ?? [];
    const isChrome = sentence.index < ctx.firstBodySentence;
    const found: Mention[] = [];
    const covered = new Set<number>();
    for (const m of matchPhrases(ctx, sentence.index, tokens, phrases)) {
      found.push(m);
      tokens.forEach((t, i) => t.start >= m.start && t.end <= m.end && covered.add(i));
    }
    for (const m of matchConcepts(ctx, sentence.index, tokens, covered)) found.push(m);
    for (const m of describedPrograms(ctx, sentence.index, tokens, covered)) found.push(m);
    if (sentence.index !== ctx.titleSentence) {
      for (const span of capitalizedSpans(ctx, sentence.index, tokens, covered))
        found.push(...parseSpan(ctx, sentence.index, span));
    }
    found.push(...collectiveBodies(ctx, sentence.index, tokens, found));
    found.push(...attachTitles(ctx, sentence.index, tokens, found));
    // Above the headline only a named person (the blog's author) is worth keeping.
    const kept = isChrome ? found.filter((m) => m.kind === 'person' && !m.surnameOnly && m.confidence >= 0.85) : found;
    mentions.push(...kept.sort((a, b) => a.start - b.start));
  }
  return mentions;
}

interface Phrase {
  words: string[];
  entity: GazetteerEntity;
  /** One-word names must match case and all: "Sessions" but not "sessions", "ICE" but not "ice". */
  exactCase: boolean;
  original: string[];
}

function phraseTable(ctx: ArticleContext): Map<string, Phrase[]> {
  const table = new Map<string, Phrase[]>();
  for (const [name, entity] of ctx.gazetteer.names()) {
    const tokens = tokenize(name);
    if (tokens[0]?.lower === 'the' && tokens.length > 1) tokens.shift();
    // "Attorney General Jeff Sessions" is left to the title rules, which also read the role.
    if (tokens.length === 0 || (entity.kind === 'person' && findTitle(tokens) !== null)) continue;
    const phrase = {
      words: tokens.map((t) => t.lower),
      original: tokens.map((t) => t.text),
      entity,
      exactCase: tokens.length === 1,
    };
    const first = phrase.words[0] ?? '';
    table.set(first, [...(table.get(first) ?? []), phrase]);
  }
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}

/** Gazetteer names found in the sentence, longest first, never overlapping. */
function matchPhrases(ctx: ArticleContext, sentence: number, tokens: Token[], table: Map<string, Phrase[]>): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = table.get(tokens[i]?.lower ?? '') ?? [];
    const hit = candidates.find((p) =>
      p.words.every((w, k) => {
        const t = tokens[i + k];
        if (!t || t.lower !== w) return false;
        if (k > 0 && !onlySpaceBetween(ctx.text, tokens[i + k - 1], t)) return false;
        return !p.exactCase || t.text === p.original[k];
      }),
    );
    if (!hit) continue;
    const first = tokens[i];
    const last = tokens[i + hit.words.length - 1];
    if (!first || !last) continue;
    // "Bernalillo County Commission" and "LA Mayor Eric Garcetti" are longer names: the span rules read them.
    const next = tokens[i + hit.words.length];
    if (next?.capitalized && !last.possessive && onlySpaceBetween(ctx.text, last, next)) continue;
    if (hit.exactCase && i === 0 && NOT_NAMES.has(first.lower) && !first.acronym) continue;
    found.push(
      makeMention(
        ctx,
        sentence,
        first.start,
        last.end,
        hit.entity.name,
        hit.entity.kind,
        hit.entity.type,
        0.95,
        hit.entity,
      ),
    );
    i += hit.words.length - 1;
  }
  return found;
}

function matchConcepts(ctx: ArticleContext, sentence: number, tokens: Token[], covered: Set<number>): Mention[] {
  const s = ctx.sentences[sentence];
  if (!s) return [];
  const found: Mention[] = [];
  for (const concept of DOMAIN_CONCEPTS) {
    concept.re.lastIndex = 0;
    for (const m of s.text.matchAll(concept.re)) {
      const start = s.start + (m.index ?? 0);
      const end = start + m[0].length;
      const overlaps = tokens.some((t, i) => covered.has(i) && t.start < end && t.end > start);
      if (overlaps || found.some((f) => f.start < end && f.end > start)) continue;
      found.push(makeMention(ctx, sentence, start, end, concept.name, concept.kind, concept.type, 0.7));
      tokens.forEach((t, i) => t.start >= start && t.end <= end && covered.add(i));
    }
  }
  return found;
}

/** "an executive order barring ...", "a bill that would ...", "legislation that would ...": programs named by what they do. */
const DESCRIBED_PROGRAM =
  /\b(?:(?:an?|another|the)\s+)?(executive\s+order|bill|legislation|resolution|ordinance|directive)\s+(?:further\s+|formally\s+)?(?:that\s+would|that|which\s+would|to|barring|restricting|requiring|banning|making)\b[^,.;:(]{8,160}/gi;
/** "federal criminal-justice grants": grants named by their purpose. */
const DESCRIBED_GRANTS = /\b(?:federal\s+)?(?:[a-z]+-)*[a-z]+\s+grants\b/g;
const PROGRAM_TYPES: Readonly<Record<string, string>> = {
  'executive order': 'order',
  bill: 'bill',
  legislation: 'bill',
  resolution: 'policy',
  ordinance: 'law',
  directive: 'policy',
  grants: 'grant',
};

function describedPrograms(ctx: ArticleContext, sentence: number, tokens: Token[], covered: Set<number>): Mention[] {
  const s = ctx.sentences[sentence];
  if (!s || sentence < ctx.firstBodySentence) return [];
  const found: Mention[] = [];
  for (const re of [DESCRIBED_PROGRAM, DESCRIBED_GRANTS]) {
    for (const m of s.text.matchAll(re)) {
      const phrase = m[0].replace(/\s+$/, '');
      if (re === DESCRIBED_GRANTS && !/^federal\b/i.test(phrase)) continue;
      const start = s.start + (m.index ?? 0);
      const end = start + phrase.length;
      if (tokens.some((t, i) => covered.has(i) && t.start >= start && t.end <= start + 30)) continue;
      const head = (m[1] ?? 'grants').toLowerCase().replace(/\s+/g, ' ');
      const name = phrase.replace(/^(?:an?|another|the)\s+/i, '');
      found.push(
        makeMention(
          ctx,
          sentence,
          start,
          end,
          name.charAt(0).toUpperCase() + name.slice(1),
          'program',
          PROGRAM_TYPES[head],
          0.55,
        ),
      );
    }
  }
  return found;
}

function onlySpaceBetween(text: string, a: Token | undefined, b: Token): boolean {
  return a !== undefined && /^\s+$/.test(text.slice(a.end, b.start));
}

/** Words inside e-mail addresses and web addresses are never names. */
function inAddress(text: string, token: Token): boolean {
  let s = token.start;
  let e = token.end;
  while (s > 0 && !/\s/.test(text[s - 1] ?? ' ')) s--;
  while (e < text.length && !/\s/.test(text[e] ?? ' ')) e++;
  return /@|www\.|https?:|\.(com|org|net|gov)\b/i.test(text.slice(s, e));
}

/**
 * Runs of capitalized words, with the lowercase words that occur inside names: particles
 * ("de Blasio"), "of"/"for" after a head noun ("Department of Justice"), "and" (kept only if
 * the run ends in a head noun: "Immigration and Customs Enforcement"), "the" between capitals.
 */
function capitalizedSpans(ctx: ArticleContext, sentence: number, tokens: Token[], covered: Set<number>): Token[][] {
  const spans: Token[][] = [];
  let i = 0;
  const usable = (k: number): boolean => {
    const t = tokens[k];
    return t !== undefined && !covered.has(k) && !inAddress(ctx.text, t);
  };
  while (i < tokens.length) {
    const t = tokens[i];
    const startsName =
      t !== undefined &&
      usable(i) &&
      (t.capitalized || (PARTICLES.has(t.lower) && tokens[i + 1]?.capitalized === true));
    if (!startsName) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && usable(j) && onlySpaceBetween(ctx.text, tokens[j - 1], tokens[j] as Token)) {
      const next = tokens[j] as Token;
      const prev = tokens[j - 1] as Token;
      const after = tokens[j + 1];
      if (next.capitalized && !tokens[j - 1]?.possessive) {
        j++;
        continue;
      }
      const afterCapitalized =
        after !== undefined && after.capitalized && usable(j + 1) && onlySpaceBetween(ctx.text, next, after);
      const joins =
        afterCapitalized &&
        (PARTICLES.has(next.lower) ||
          ((next.lower === 'of' || next.lower === 'for') && HEAD_CUES.has(prev.lower)) ||
          next.lower === 'and' ||
          (next.lower === 'the' && j - i >= 1 && !HEAD_CUES.has(prev.lower)));
      if (!joins) break;
      j += 2;
    }
    spans.push(...splitAtAnd(tokens.slice(i, j)));
    i = j;
  }
  return spans.map((span) => trimSpan(ctx, sentence, span)).filter((span) => span.length > 0);
}

/** "Baltimore and Albuquerque" are two names; "Immigration and Customs Enforcement" is one. */
function splitAtAnd(span: Token[]): Token[][] {
  const and = span.findIndex((t) => t.lower === 'and');
  if (and < 0) return [span];
  const last = span[span.length - 1];
  const cue = last ? HEAD_CUES.get(last.lower) : undefined;
  if (
    cue &&
    (cue.kind === 'agency' || cue.kind === 'organization') &&
    !PLACES.has(
      span
        .slice(0, and)
        .map((t) => t.text)
        .join(' '),
    )
  )
    return [span];
  return [span.slice(0, and), ...splitAtAnd(span.slice(and + 1))];
}

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
  'some',
  'many',
  'most',
  'all',
  'each',
  'every',
  'both',
  'other',
  'another',
  'several',
  'last',
  'next',
]);
/** Tags of words that are never part of a name when they start a sentence. */
const FUNCTION_TAGS = [
  'Adverb',
  'Adjective',
  'Verb',
  'Preposition',
  'Conjunction',
  'Determiner',
  'Pronoun',
  'QuestionWord',
  'Value',
];

/**
 * Drops sentence starters and other capitalized non-names from the front of a span, and
 * connectors from its end. A sentence's first word is capitalized anyway: it is dropped when
 * compromise reads it as a function word. A lone noun ("Staff members") is kept as a possible
 * surname, which resolution drops unless it refers back to someone or is a speaker.
 */
function trimSpan(ctx: ArticleContext, sentence: number, span: Token[]): Token[] {
  const firstOfSentence = ctx.tokens[sentence]?.[0];
  let s = 0;
  let e = span.length;
  const endsInCue = HEAD_CUES.has(span[e - 1]?.lower ?? '');
  while (s < e) {
    const t = span[s] as Token;
    if (startsTitle(span, s)) break;
    // A name that ends in a head noun keeps its inner words ("Immigration and Customs Enforcement"), not its article.
    const keptBeforeCue = endsInCue && e - s > 1 && !DETERMINERS.has(t.lower);
    const listed = !keptBeforeCue && (NOT_NAMES.has(t.lower) || HONORIFICS.has(t.lower) || DEMONYMS.has(t.lower));
    const initial =
      t === firstOfSentence &&
      !PLACES.has(t.text) &&
      !t.acronym &&
      !hasTag(ctx.tags, t.start, 'ProperNoun', 'Person', 'Place', 'Organization') &&
      hasTag(ctx.tags, t.start, ...FUNCTION_TAGS);
    if ((listed || initial) && !keptBeforeCue) s++;
    else break;
  }
  while (e > s && ['of', 'for', 'and', 'the'].includes(span[e - 1]?.lower ?? '')) e--;
  return span.slice(s, e);
}

/** Whether a title of office starts at span[s]: "Attorney General" must not lose "Attorney" as a sentence starter. */
function startsTitle(span: Token[], s: number): boolean {
  for (let len = 1; len <= MAX_TITLE_WORDS && s + len <= span.length; len++) {
    if (TITLES.has(wordsOf(span.slice(s, s + len)))) return true;
  }
  return false;
}

/**
 * Turns a span into mentions. A title inside it ("Houston Police Chief Art Acevedo") splits it
 * into the body before the title and the person after; the title itself is read by attachTitles.
 */
function parseSpan(ctx: ArticleContext, sentence: number, span: Token[]): Mention[] {
  let tokens = span;
  while (tokens.length > 1 && HONORIFICS.has(tokens[0]?.lower ?? '')) tokens = tokens.slice(1);
  const trailing = trailingTitle(tokens);
  if (trailing !== null) {
    const org = trailing > 0 ? classifySpan(ctx, sentence, tokens.slice(0, trailing)) : null;
    return org ? [org] : [];
  }
  const titled = findTitle(tokens);
  if (titled) {
    const person = personMention(ctx, sentence, tokens.slice(titled.end), 0.9);
    if (person) {
      const org = titled.start > 0 ? classifySpan(ctx, sentence, tokens.slice(0, titled.start)) : null;
      return org ? [org, person] : [person];
    }
  }
  const mention = classifySpan(ctx, sentence, tokens);
  return mention ? [mention] : [];
}

/** The longest title of office inside a span that is followed by a name (words that are not titles themselves). */
function findTitle(tokens: Token[]): { start: number; end: number; info: TitleInfo } | null {
  for (let start = 0; start < tokens.length - 1; start++) {
    for (let len = Math.min(MAX_TITLE_WORDS, tokens.length - 1 - start); len >= 1; len--) {
      const info = TITLES.get(wordsOf(tokens.slice(start, start + len)));
      const name = tokens.slice(start + len);
      const isName = name[0]?.capitalized === true && !name.some((t) => TITLES.has(t.lower) || NOT_NAMES.has(t.lower));
      if (info && isName) return { start, end: start + len, info };
    }
  }
  return null;
}

/** Where a title that ends the span starts ("United States Attorney General" before a known name), or null. */
function trailingTitle(tokens: Token[]): number | null {
  for (let start = Math.max(0, tokens.length - MAX_TITLE_WORDS); start < tokens.length; start++) {
    if (TITLES.has(wordsOf(tokens.slice(start)))) return start;
  }
  return null;
}

/** The words of a title as TITLES keys them; "Then-Senator" is looked up as "senator". */
function wordsOf(tokens: Token[]): string {
  return tokens
    .map((t) => t.lower)
    .join(' ')
    .replace(/^(?:then|ex|former)-/, '');
}

/**
 * Gives each person the title of office written right before the name, capitalized or not
 * ("Police Chief Charlie Beck", "jail spokeswoman Candace Hopkins"), and the body named right
 * before the title ("LA" in "LA Mayor"; a place before "Police Chief" stands for its police
 * department, which is added as a mention).
 */
function attachTitles(ctx: ArticleContext, sentence: number, tokens: Token[], found: Mention[]): Mention[] {
  const added: Mention[] = [];
  for (const person of found) {
    if (person.kind !== 'person' || person.title) continue;
    const at = tokens.findIndex((t) => t.start === person.start);
    let title: { start: number; info: TitleInfo } | null = null;
    for (let len = Math.min(MAX_TITLE_WORDS, at); len >= 1 && !title; len--) {
      const words = tokens.slice(at - len, at);
      const adjacent = words.every((t, k) => k === 0 || onlySpaceBetween(ctx.text, words[k - 1], t));
      const info = TITLES.get(wordsOf(words));
      if (info && adjacent && onlySpaceBetween(ctx.text, words[words.length - 1], tokens[at] as Token)) {
        title = { start: at - len, info };
      }
    }
    if (!title) continue;
    const titleStart = tokens[title.start] as Token;
    const before = found.find(
      (m) => m !== person && m.end <= titleStart.start && /^\s+$/.test(ctx.text.slice(m.end, titleStart.start)),
    );
    let org = before && before.kind !== 'person' ? before : undefined;
    if (org && org.kind === 'jurisdiction' && /police/i.test(title.info.title)) {
      org = makeMention(
        ctx,
        sentence,
        org.start,
        titleStart.end,
        `${org.name} Police Department`,
        'agency',
        undefined,
        0.75,
      );
      added.push(org);
    }
    const wordBefore = title.start > 0 ? tokens[title.start - 1] : undefined;
    const lowercaseTitle = !titleStart.capitalized;
    const precedingNoun =
      !org && lowercaseTitle && wordBefore && onlySpaceBetween(ctx.text, wordBefore, titleStart)
        ? wordBefore
        : undefined;
    person.title = {
      info: title.info,
      start: org?.start ?? titleStart.start,
      org,
      precedingNoun: precedingNoun && !precedingNoun.capitalized ? precedingNoun.lower : undefined,
    };
  }
  return added;
}

function personMention(ctx: ArticleContext, sentence: number, tokens: Token[], confidence: number): Mention | null {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last || HEAD_CUES.has(last.lower) || tokens.some((t) => t.acronym)) return null;
  const m = makeMention(
    ctx,
    sentence,
    first.start,
    last.end,
    ctx.text.slice(first.start, last.end),
    'person',
    undefined,
    confidence,
  );
  if (tokens.length === 1) m.surnameOnly = true;
  return m;
}

/** Decides what a bare name is: a place, an acronym, a body by its head noun, or a person. */
function classifySpan(ctx: ArticleContext, sentence: number, tokens: Token[]): Mention | null {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) return null;
  const text = ctx.text.slice(first.start, last.end);
  const make = (name: string, kind: EntityKind, type: string | undefined, confidence: number): Mention =>
    makeMention(ctx, sentence, first.start, last.end, name, kind, type, confidence);
  // Datelines write the place in capitals: "PHOENIX —".
  const place = PLACES.get(text) ?? PLACES.get(titleCase(text));
  if (place) return make(place.name, 'jurisdiction', place.type, 0.9);
  if (tokens.length === 1 && first.acronym) {
    const known = KNOWN_ACRONYMS.get(first.text.replace(/\./g, ''));
    return known ? make(known.name, known.kind, undefined, 0.9) : make(text, 'organization', undefined, 0.5);
  }
  const body = KNOWN_BODIES.get(text);
  if (body) return make(body, 'agency', undefined, 0.85);
  const ofIndex = tokens.findIndex((t) => t.lower === 'of' || t.lower === 'for');
  const head = ofIndex > 0 ? tokens[ofIndex - 1] : last;
  if (NON_ENTITY_HEADS.has(last.lower) || TITLES.has(last.lower)) return null;
  const previous = previousWord(ctx, sentence, first);
  const described = previous ? DESCRIBED_BY.get(previous.lower) : undefined;
  if (described) return make(text, described, undefined, 0.75);
  const cue = HEAD_CUES.get(head?.lower ?? '') ?? HEAD_CUES.get(last.lower);
  if (cue && tokens.length > 1) {
    const name = last.lower === 'police' ? `${text} Department` : text;
    return make(name, cue.kind, cue.type, 0.8);
  }
  if (tokens.length === 1) {
    if (DEMONYMS.has(first.lower) || NOT_NAMES.has(first.lower)) return null;
    // A word with a capital inside ("OverNewsmagazine", "AJPress") is a brand, not a surname.
    if (/\p{Ll}\p{Lu}|^\p{Lu}{2,}\p{Ll}/u.test(first.text)) return make(text, 'organization', undefined, 0.6);
    return personMention(ctx, sentence, tokens, 0.5);
  }
  // Pronouns and other function words do not occur in people's names: "United We Dream".
  if (tokens.slice(1).some((t) => NOT_NAMES.has(t.lower) && !PARTICLES.has(t.lower)))
    return make(text, 'organization', undefined, 0.5);
  if (tokens.length <= 4) {
    const tagged = tokens.some((t) => hasTag(ctx.tags, t.start, 'Person', 'FirstName', 'LastName'));
    const placeLike = tokens.some((t) => hasTag(ctx.tags, t.start, 'Place', 'Organization')) && !tagged;
    if (!placeLike) return personMention(ctx, sentence, tokens, tagged ? 0.85 : 0.6);
  }
  return null;
}

/** The word before `token` in its sentence, if any. */
function previousWord(ctx: ArticleContext, sentence: number, token: Token): Token | undefined {
  const tokens = ctx.tokens[sentence] ?? [];
  const at = tokens.indexOf(token);
  return at > 0 ? tokens[at - 1] : undefined;
}

/**
 * Plural nouns that make a body of a place: "Houston police" is the Houston Police Department,
 * "California lawmakers" the California Legislature, and "the Baltimore and Albuquerque police
 * departments" two departments.
 */
function collectiveBodies(ctx: ArticleContext, sentence: number, tokens: Token[], found: Mention[]): Mention[] {
  const bodies: Mention[] = [];
  for (const m of found) {
    const isPlace = m.kind === 'jurisdiction' && m.name !== 'Sanctuary jurisdictions';
    const isAdministration = m.kind === 'person' && m.surnameOnly === true;
    if (!isPlace && !isAdministration && m.kind !== 'agency') continue;
    const k = tokens.findIndex((t) => t.start >= m.end);
    const next = tokens[k];
    if (!next || !onlySpaceBetween(ctx.text, tokens[k - 1], next) || next.capitalized) continue;
    if (isAdministration) {
      if (next.lower === 'administration') {
        bodies.push(
          makeMention(ctx, sentence, m.start, next.end, `${m.text} administration`, 'agency', undefined, 0.8),
        );
      }
      continue;
    }
    const two = `${next.lower} ${tokens[k + 1]?.lower ?? ''}`;
    const [noun, end] = COLLECTIVE_BODIES.has(two) ? [two, tokens[k + 1]?.end ?? next.end] : [next.lower, next.end];
    const suffix = COLLECTIVE_BODIES.get(noun);
    if (!suffix || (!isPlace && suffix !== 'field office')) continue;
    const places = isPlace ? coordinatedPlaces(ctx, found, m) : [m];
    for (const place of places) {
      const body = makeMention(ctx, sentence, place.start, end, `${place.name} ${suffix}`, 'agency', undefined, 0.75);
      bodies.push(body);
    }
  }
  return bodies;
}

/** The place and the places coordinated before it: "Baltimore and Albuquerque" for "Albuquerque police". */
function coordinatedPlaces(ctx: ArticleContext, found: Mention[], last: Mention): Mention[] {
  const places = [last];
  let current = last;
  for (;;) {
    const before = found.find(
      (m) =>
        m.kind === 'jurisdiction' &&
        m.end < current.start &&
        /^\s*(,|and|, and)\s*$/.test(ctx.text.slice(m.end, current.start)),
    );
    if (!before) return places;
    places.unshift(before);
    current = before;
  }
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
}

function makeMention(
  ctx: ArticleContext,
  sentence: number,
  start: number,
  end: number,
  name: string,
  kind: EntityKind,
  type: string | undefined,
  confidence: number,
  known?: GazetteerEntity,
): Mention {
  const mention: Mention = { start, end, text: ctx.text.slice(start, end), name, kind, sentence, confidence };
  if (type) mention.type = type;
  if (known) mention.known = known;
  return mention;
}
