/**
 * The candidates the stance model scores and their features. A candidate is an actor named in a sentence
 * (a person, agency, organization or jurisdiction); the model says whether that sentence states the actor's
 * support, opposition or neither. A target candidate is what such a stance could be about: an event the
 * sentence (or one next to it) tells, or a program, jurisdiction or body it names.
 */
import type { AnnotationInput } from '../../annotation/format';
import { SPEECH_VERBS } from '../attribution';
import { STANCE_LEXICONS } from '../stances';
import { isCommonWord } from '../word-tags';
import type { EntityMention, TextView } from './text-view';

type EntityInput = NonNullable<AnnotationInput['entities']>[number];
type StanceInput = NonNullable<AnnotationInput['stances']>[number];

/** The annotation an extractor produced, with the article split and its entities found in the text. */
export interface ArticleView {
  view: TextView;
  annotation: AnnotationInput;
  mentions: EntityMention[];
  entities: Map<string, EntityInput>;
  /** The sentences each event's quotes span. */
  eventSentences: Map<string, number[]>;
  /** The sentences each of the extractor's stances quotes. */
  stanceSentences: { stance: StanceInput; sentences: number[] }[];
}

/** An actor named in a sentence. */
export interface ActorCandidate {
  sentence: number;
  actor: string;
  features: string[];
}

/** Something a stance of an actor in a sentence could be about. */
export interface TargetCandidate {
  target: string;
  isEvent: boolean;
  features: string[];
}

export const ACTOR_KINDS = new Set(['person', 'agency', 'organization', 'jurisdiction']);
const SPEECH_AFTER = new RegExp(String.raw`^(?:\s*,[^,“”"]{0,120},)?\s+(?:also\s+|has\s+)?${SPEECH_VERBS}\b`, 'i');
const SPEECH_BEFORE = new RegExp(String.raw`\b(?:${SPEECH_VERBS}|according to)\s+(?:[\p{L}.’'-]+\s+){0,4}$`, 'iu');
const NEGATION = /\b(?:not|never|no|n[’']t)\b/i;
const QUOTE_MARKS = /[“”"]/;

/** Builds the view of an extracted annotation over its article. */
export function articleView(view: TextView, annotation: AnnotationInput, mentions: EntityMention[]): ArticleView {
  const sentencesOf = (quote: string): number[] => {
    const at = quote.length > 0 ? view.text.indexOf(quote) : -1;
    if (at < 0) return [];
    return view.sentences.filter((s) => s.start < at + quote.length && at < s.end).map((s) => s.index);
  };
  return {
    view,
    annotation,
    mentions,
    entities: new Map((annotation.entities ?? []).map((e) => [e.id, e])),
    eventSentences: new Map((annotation.events ?? []).map((e) => [e.id, e.quotes.flatMap(sentencesOf)])),
    stanceSentences: (annotation.stances ?? []).map((stance) => ({ stance, sentences: sentencesOf(stance.quote) })),
  };
}

/** A crude stem: lowercase, common inflections cut, so "opposes", "opposed" and "opposing" meet. */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/[’']/g, '');
  if (w.length <= 4) return w;
  return w.replace(/(?:ing|ed|es|s|ly)$/, '');
}

/** Every actor named in a sentence of the body, with the features the stance model weighs. */
export function actorCandidates(a: ArticleView): ActorCandidate[] {
  const out: ActorCandidate[] = [];
  const bySentence = new Map<number, EntityMention[]>();
  for (const m of a.mentions) {
    const e = a.entities.get(m.entity);
    if (!e || !ACTOR_KINDS.has(e.kind)) continue;
    bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  }
  // A quotation whose speaker is named in the sentence before or after it ("“...,” he said." being the
  // next sentence's): the speaker is a candidate of the quoted sentence too.
  for (const s of a.view.sentences) {
    if (!QUOTE_MARKS.test(s.text)) continue;
    const named = new Set((bySentence.get(s.index) ?? []).map((m) => m.entity));
    const neighbours = [s.index - 1, s.index + 1].filter((i) => a.view.sentences[i]?.paragraph === s.paragraph);
    for (const i of neighbours)
      for (const m of bySentence.get(i) ?? []) {
        if (named.has(m.entity) || !isSpeaker(a, m)) continue;
        named.add(m.entity);
        const carried: EntityMention = {
          entity: m.entity,
          sentence: s.index,
          start: s.start,
          end: s.start,
          indirect: true,
        };
        bySentence.set(s.index, [...(bySentence.get(s.index) ?? []), carried]);
      }
  }
  for (const [sentence, mentions] of bySentence) {
    const s = a.view.sentences[sentence];
    if (!s) continue;
    const shared = sentenceFeatures(a, sentence);
    const seen = new Set<string>();
    for (const [rank, m] of mentions.entries()) {
      if (seen.has(m.entity)) continue;
      seen.add(m.entity);
      const e = a.entities.get(m.entity);
      if (!e) continue;
      out.push({ sentence, actor: m.entity, features: [...shared(e.kind), ...actorFeatures(a, m, e, rank)] });
    }
  }
  return out;
}

function sentenceFeatures(a: ArticleView, sentence: number): (kind: string) => string[] {
  const s = a.view.sentences[sentence];
  const text = s?.text ?? '';
  const inMention = (start: number): boolean =>
    a.mentions.some((m) => m.sentence === sentence && !m.indirect && m.start <= start && start < m.end);
  const words = [
    ...new Set(
      (a.view.tokens[sentence] ?? []).filter((t) => !inMention(t.start) && !t.capitalized).map((t) => stem(t.text)),
    ),
  ];
  const lexicons = Object.entries(STANCE_LEXICONS)
    .filter(([, res]) => res.some((re) => re.test(text)))
    .map(([name]) => name);
  const flags = [
    /sanctuar/i.test(text) ? 'sanctuary' : '',
    NEGATION.test(text) ? 'negation' : '',
    QUOTE_MARKS.test(text) ? 'quoted' : '',
    sentence === 0 ? 'first' : '',
  ].filter((f) => f.length > 0);
  const events = [...a.eventSentences]
    .filter(([, ss]) => ss.includes(sentence))
    .map(([id]) => (a.annotation.events ?? []).find((e) => e.id === id)?.type ?? '')
    .filter((t) => t.length > 0);
  return (kind) => [
    'bias',
    `k:${kind}`,
    ...words.map((w) => `w:${w}`),
    ...words.map((w) => `kw:${kind}:${w}`),
    ...lexicons.map((l) => `lex:${l}`),
    ...lexicons.map((l) => `klex:${kind}:${l}`),
    ...flags.map((f) => `f:${f}`),
    ...flags.map((f) => `kf:${kind}:${f}`),
    ...events.map((t) => `ev:${t}`),
  ];
}

/** Whether a mention is the speaker of its sentence: "X said", "said X", "according to X". */
function isSpeaker(a: ArticleView, m: EntityMention): boolean {
  const s = a.view.sentences[m.sentence];
  const text = a.view.text;
  return (
    SPEECH_AFTER.test(text.slice(m.end, s?.end ?? m.end)) || SPEECH_BEFORE.test(text.slice(s?.start ?? 0, m.start))
  );
}

function actorFeatures(a: ArticleView, m: EntityMention, e: EntityInput, rank: number): string[] {
  const text = a.view.text;
  const s = a.view.sentences[m.sentence];
  const words = a.view.tokens[m.sentence] ?? [];
  const at = words.findIndex((t) => t.start >= m.end);
  const before = words.filter((t) => t.end <= m.start);
  const near = (offset: number): string | undefined => {
    const t = offset < 0 ? before[before.length + offset] : at < 0 ? undefined : words[at + offset - 1];
    // A name next to the actor is that article's, not the class's: only its shape is a feature.
    return t ? (t.capitalized ? 'Cap' : stem(t.text)) : undefined;
  };
  const features = [
    rank === 0 ? 'p:first' : 'p:later',
    m.indirect ? 'indirect' : 'named',
    ...[-2, -1, 1, 2, 3].map((o) => `n${o}:${near(o) ?? '#'}`),
    // The common words of its name ("Justice Department", "county sheriff") say what kind of actor it
    // is; its proper names would only let the model learn the training articles' people.
    ...e.name
      .split(/\s+/)
      .filter((w) => w.length > 1 && isCommonWord(w.toLowerCase()))
      .map((w) => `en:${stem(w)}`),
  ];
  if (m.start === m.end) features.push('carried');
  else if (isSpeaker(a, m)) features.push('speaker');
  const quoteBefore = (text.slice(s?.start ?? 0, m.start).match(/[“"]/g) ?? []).length;
  const quoteClose = (text.slice(s?.start ?? 0, m.start).match(/[”]/g) ?? []).length;
  if (quoteBefore > quoteClose) features.push('insideQuote');
  for (const { stance, sentences } of a.stanceSentences)
    if (stance.actor === e.id && sentences.includes(m.sentence)) features.push(`rule:${stance.kind}`);
  for (const ev of a.annotation.events ?? []) {
    if (!(a.eventSentences.get(ev.id) ?? []).includes(m.sentence)) continue;
    const id = (l: string | { id: string }): string => (typeof l === 'string' ? l : l.id);
    if ((ev.by ?? []).map(id).includes(e.id)) features.push(`evby:${ev.type}`);
    if ((ev.targets ?? []).map(id).includes(e.id)) features.push(`evtarget:${ev.type}`);
  }
  return features;
}

/** What a stance of `actor` stated in `sentence` could be about, each with its features. */
export function targetCandidates(a: ArticleView, sentence: number, actor: string, kind: string): TargetCandidate[] {
  const out: TargetCandidate[] = [];
  const actorKind = a.entities.get(actor)?.kind ?? 'none';
  const id = (l: string | { id: string }): string => (typeof l === 'string' ? l : l.id);
  const ruleTargets = new Set(
    a.stanceSentences.filter((x) => x.stance.actor === actor && x.stance.kind === kind).map((x) => x.stance.target),
  );
  const cues = cuesOf(a.view.sentences[sentence]?.text ?? '');
  const told = (ev: { id: string }): number => new Set(a.eventSentences.get(ev.id) ?? []).size;
  const mostTold = Math.max(0, ...(a.annotation.events ?? []).map(told));
  for (const ev of a.annotation.events ?? []) {
    const sentences = a.eventSentences.get(ev.id) ?? [];
    const distance = Math.min(...sentences.map((x) => Math.abs(x - sentence)), 99);
    const by = (ev.by ?? []).map(id);
    const features = [
      'bias',
      `t:event:${ev.type}`,
      `tk:${kind}:event:${ev.type}`,
      `ak:${actorKind}:event`,
      `d:${distance > 3 ? 'far' : distance}`,
      `dk:${kind}:${distance > 3 ? 'far' : distance}`,
      by.includes(actor) ? `self:by:${kind}` : `other:by:${kind}`,
      (ev.targets ?? []).map(id).includes(actor) ? `self:target:${kind}` : 'other:target',
      ...commonWordsOf(ev.name).map((w) => `tn:${w}`),
      ...cues.map((c) => `cue:${c}:event:${ev.type}`),
    ];
    if (told(ev) === mostTold) features.push('top:event');
    if (ruleTargets.has(ev.id)) features.push('rule');
    out.push({ target: ev.id, isEvent: true, features });
  }
  const mentioned = new Map<string, number>();
  for (const m of a.mentions)
    if (m.entity !== actor)
      mentioned.set(m.entity, Math.min(mentioned.get(m.entity) ?? 99, Math.abs(m.sentence - sentence)));
  const counts = new Map<string, number>();
  for (const m of a.mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  // An article about one act of its own (a county's policy, a state's bill) names the debate's collective
  // policy too; curators then take the act as the target.
  const specific = (a.annotation.entities ?? []).some(
    (e) => e.kind === 'program' && !/sanctuar/i.test(e.name) && (counts.get(e.id) ?? 0) > 1,
  );
  const mostNamed = Math.max(
    0,
    ...(a.annotation.entities ?? []).filter((e) => e.kind === 'program').map((e) => counts.get(e.id) ?? 0),
  );
  for (const e of a.annotation.entities ?? []) {
    if (e.id === actor || !['program', 'jurisdiction', 'agency', 'organization', 'person'].includes(e.kind)) continue;
    const distance = mentioned.get(e.id) ?? 99;
    if (distance > 1 && e.kind !== 'program' && !/sanctuar/i.test(e.name) && !ruleTargets.has(e.id)) continue;
    const count = counts.get(e.id) ?? 0;
    const features = [
      'bias',
      `t:entity:${e.kind}`,
      `tk:${kind}:entity:${e.kind}`,
      `ak:${actorKind}:entity:${e.kind}`,
      `d:${distance > 3 ? 'far' : distance}`,
      `dk:${kind}:${distance > 3 ? 'far' : distance}`,
      `c:${count > 5 ? 'many' : count > 1 ? 'some' : count}`,
      ...commonWordsOf(e.name).map((w) => `tn:${w}`),
      ...cues.map((c) => `cue:${c}:entity:${e.kind}:${e.type ?? ''}`),
    ];
    if (e.kind === 'program' && count === mostNamed) features.push('top:program');
    if (/sanctuar/i.test(e.name)) features.push(`sanct:${kind}:${actorKind}`, `sanct:specific:${specific}`);
    else if (e.kind === 'program') features.push(`program:specific:${specific}`);
    if (ruleTargets.has(e.id)) features.push('rule');
    out.push({ target: e.id, isEvent: false, features });
  }
  return out;
}

/** What the stance's sentence speaks of, in words that tell what kind of thing its target is. */
const TARGET_CUES: readonly [string, RegExp][] = [
  ['suit', /\b(?:su(?:e|es|ed|ing)|lawsuits?|suits?|plaintiffs?|complaint)\b/i],
  ['ruling', /\b(?:rul(?:e|ed|ing|ings)|judge|injunction|court|blocked|upheld)\b/i],
  ['order', /\b(?:executive\s+order|order(?:ed|s)?)\b/i],
  ['law', /\b(?:bills?|laws?|legislation|measures?|ordinances?|resolutions?|signed|vetoed|passed)\b/i],
  ['grant', /\b(?:grants?|funds?|funding|money)\b/i],
  ['letter', /\b(?:letters?|wrote|warned|notified)\b/i],
  ['policy', /\b(?:polic(?:y|ies)|sanctuary)\b/i],
  ['detainer', /\b(?:detainers?|jails?|custody|287\s?\(g\)|agreements?|contracts?)\b/i],
];

function cuesOf(text: string): string[] {
  return TARGET_CUES.filter(([, re]) => re.test(text)).map(([cue]) => cue);
}

function commonWordsOf(name: string): string[] {
  return name
    .split(/\s+/)
    .filter((w) => w.length > 2 && isCommonWord(w.toLowerCase()))
    .map(stem);
}
