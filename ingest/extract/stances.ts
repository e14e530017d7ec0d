import type { StanceAnnotation } from '../annotation/format';
import type { Statement } from './attribution';
import type { ArticleContext } from './context';
import type { ExtractedEvent } from './events';
import type { Mention } from './mentions';
import { makeMention } from './mentions/mention';
import { GRANT_CONDITIONS, GRANT_WORDS } from './lexicon';
import type { EntityTable, ResolvedEntity } from './resolve';
import { isPartOfTitle, subjectBefore } from './subjects';

export type StanceKind = StanceAnnotation['kind'];

/** A stance as extracted: the target is an event of the article or an entity (usually a program). */
export interface ExtractedStance {
  actor: ResolvedEntity;
  kind: StanceKind;
  target: { event: ExtractedEvent } | { entity: ResolvedEntity };
  sentence: number;
  confidence: number;
}

/**
 * Framing words of those who want local police to work with immigration enforcement, when they
 * speak about the places that do not (a general lexicon of the debate, not phrases of one article).
 */
const AGAINST_SANCTUARY = [
  /\b(?:refus|fail)\w* to (?:work with|comply|cooperate)/i,
  /\bprotect\w* (?:the )?criminals?\b/i,
  /\bshield\w*\b/i,
  /\bless safe\b/i,
  /\bmisguided\b/i,
  /\bendanger\w*/i,
  /\bat risk\b/i,
  /\bcriminal aliens?\b/i,
  /\bdangerous criminals\b/i,
  /\brule of law\b/i,
  /\bthwart\w*/i,
  /\bobstruct\w*/i,
  /\blawless\w*/i,
];
/** Framing words of those who defend limits on that cooperation. */
const FOR_SANCTUARY = [
  /\badvocates? (?:of|for) sanctuary\b/i,
  /\b(?:prevent|limit|restrict)\w* information[- ]sharing\b/i,
  /\bimmigrant-friendly\b/i,
  /\bwelcoming\b/i,
  /\b(?:mis)?trust\b/i,
  /\bstand (?:up )?(?:with|for)\b/i,
  /\bnot (?:the|our) (?:job|responsibility)\b/i,
  /\b(?:won't|won’t|will not|don't|don’t|do not|refuse to) (?:enforce|assist)\w* immigration\b/i,
  /\bfears?\b/i,
];
/** The end of "cities that", "jurisdictions which also": a relative clause on a lowercase noun, no comma between. */
const RELATIVE_OF_COMMON_NOUN = /\b[a-z]+\s+(?:that|which|who)\s+(?:[a-z]+ly\s+|still\s+|also\s+)?$/;
const REFUSAL = /\brefus\w* to (?:work|comply|cooperate|assist)\b/i;
/** A general lexicon of condemnation, for reactions against an act. */
const AGAINST_ACT = [
  /\bdespite\b/i,
  /\bthreaten\b/i,
  /\bracis[mt]\b/i,
  /\bassault\b/i,
  /\bmyth\b/i,
  /\bpolitics\b/i,
  /\buntenable\b/i,
  /\battack\w*/i,
  /\bviolat\w+/i,
  /\bcondemn\w*/i,
  /\boutrag\w+/i,
  /\bterror\w*/i,
  /\bcritici\w+/i,
  /\bhorrif\w+/i,
  /\bboycott\w*/i,
  /\bdemoni[sz]\w+/i,
  /\bunconstitutional\b/i,
  /\bcruel\w*/i,
  /\bshameful\b/i,
  /\breckless\b/i,
  /\bbully\w*/i,
  /\bintimidat\w+/i,
  /\bunjust\w*/i,
  /\bharm\w*/i,
  /\bhurt\w*/i,
  /\blosing\b/i,
  /\bshame\b/i,
  /\bangry\b/i,
  /\btragic\b/i,
  /\bstunts?\b/i,
  /\bunfair\b/i,
  /\b(?:will|going to|have to|vow\w* to|pledg\w* to) fight\b|\bfight back\b/i,
  /\bnot (?:a )?good (?:law|policy|idea)\b/i,
];
/** Verbs whose subject opposes or supports their object. */
export const OPPOSE_VERB =
  /\b(?:oppos\w+|condemn\w*|denounc\w+|reject\w*|sued|boycott\w*|balked|challeng\w+|fought|resist\w*|def(?:y|ies|ied|ying)|critici[sz](?:e|es|ed|ing)|appeal(?:s|ed|ing)?|disput(?:e|es|ed|ing)|bash(?:es|ed|ing)?|blast(?:s|ed|ing)?|slam(?:s|med|ming)?|decr(?:y|ies|ied)|veto(?:es|ed)|(?:spoke|speaks?|voted?|votes|argued?) (?:out )?against)\b/i;
/** A general lexicon of approval, for reactions in favour of an act (a ruling, an order). */
const FOR_ACT = [
  /\bvictory\b/i,
  /\bwelcom(?:e|es|ed)\b/i,
  /\bapplaud\w*/i,
  /\bgrateful\b/i,
  /\bpleased\b/i,
  /\bright decision\b/i,
  /\bsignificant day\b/i,
  /\bvindicat\w+/i,
];
/** A speaker's words for the policy in dispute ("these unjust policies", "this law"): the article's main program. */
const POLICY_DEIXIS = /\b(?:these|this|those|such)\s+(?:[\w-]+,?\s+){0,4}?(?:polic(?:y|ies)|laws?)\b/i;
/** A speaker's words for a law the article names: "this bill", "the new law", "this legislation". */
const LAW_DEIXIS = /\b(?:this|the|our|that)\s+(?:new\s+)?(?:bill|law|legislation|measure)\b/i;
/** Nouns by which a speaker names an act the article told: "Today's decision makes Texas less safe". */
const ACT_NOUN = /\b(ruling|decision|order|injunction|threat|memo|letters|lawsuit)\b/i;
/** The debate's word, not a name that holds it ("New Sanctuary Movement"): lowercase, or opening the sentence. */
const SANCTUARY_WORD = /(?:^|[^\p{L}\s]\s*|\s)sanctuar(?:y|ies)\b|^[“"]?Sanctuar(?:y|ies)\b/u;
export const SUPPORT_VERB =
  /\b(?:supported|supports|support of|backed|backs|endorsed|endorses|welcomed|welcomes|praised|praises|applaud(?:s|ed)|commend(?:s|ed)|hailed|hails|advocates? (?:of|for))\b/i;
/** "criticized the ruling", "praised the decision": the object is an act the article told. */
const ACT_OBJECT =
  /^\s+(?:the|this|that|its|their)\s+(?:\w+\s+)?(ruling|decision|order|threat|memo|letters|lawsuit|policy|announcement|injunction)\b/i;
const OBJECT_TYPES: Readonly<Record<string, string[]>> = {
  ruling: ['ruling'],
  decision: ['ruling', 'order', 'policy'],
  injunction: ['ruling'],
  order: ['order', 'ruling'],
  threat: ['threat', 'letter', 'memo'],
  memo: ['memo'],
  letters: ['letter'],
  lawsuit: ['lawsuit'],
  policy: ['policy', 'order'],
  announcement: ['announcement'],
};
/** Acts that put pressure on someone, which others then oppose. */
const PRESSURE_TYPES = new Set(['threat', 'letter', 'memo', 'speech', 'announcement', 'order']);
/** The stance lexicons by name, as features of the statistical stance model (ingest/extract/model/). */
export const STANCE_LEXICONS: Readonly<Record<string, readonly RegExp[]>> = {
  againstSanctuary: AGAINST_SANCTUARY,
  forSanctuary: FOR_SANCTUARY,
  againstAct: AGAINST_ACT,
  forAct: FOR_ACT,
  opposeVerb: [OPPOSE_VERB],
  supportVerb: [SUPPORT_VERB],
  refusal: [REFUSAL],
  policyDeixis: [POLICY_DEIXIS],
  lawDeixis: [LAW_DEIXIS],
  actNoun: [ACT_NOUN],
};
/** Verbs that are reactions by themselves: their object, when unnamed, is the act the article reports. */
const REACTION_VERB = /\b(?:condemn\w*|denounc\w+|boycott\w*|balked|def(?:y|ies|ied|ying))\b/i;

/**
 * Stances from three sources: what a speaker says (against sanctuary places, for them, or
 * against an act), verbs of opposition or support with their subject, and lawsuits, whose
 * plaintiffs oppose what they sue over. The target is the program or act the sentence names,
 * else the article's most reported act by someone else, else the sanctuary-policy node.
 */
export function extractStances(
  ctx: ArticleContext,
  mentions: Mention[],
  table: EntityTable,
  events: ExtractedEvent[],
  statements: Statement[],
): ExtractedStance[] {
  const stances: ExtractedStance[] = [];
  const sanctuary = (): ResolvedEntity => table.ensure('Sanctuary policies', 'program', 'policy');
  const add = (stance: ExtractedStance): void => {
    const key = (s: ExtractedStance): string =>
      `${s.actor.id}|${s.kind}|${'event' in s.target ? s.target.event.id : s.target.entity.id}`;
    if (
      stance.actor !== ('entity' in stance.target ? stance.target.entity : undefined) &&
      !stances.some((s) => key(s) === key(stance))
    )
      stances.push(stance);
  };

  for (const st of statements) {
    const text = ctx.sentences[st.sentence]?.text ?? '';
    const act = salientAct(events, st.speaker);
    const against = AGAINST_ACT.some((re) => re.test(text));
    const approval = FOR_ACT.some((re) => re.test(text));
    const say = (kind: StanceKind, target: ExtractedStance['target'], confidence: number): void =>
      add({ actor: st.speaker, kind, target, sentence: st.sentence, confidence });
    // The speaker names the act ("Today's decision makes Texas less safe"): the stance is toward it.
    const named = referredAct(
      events.filter((e) => !e.by.includes(st.speaker)),
      ACT_NOUN.exec(text)?.[1],
      st.sentence,
    );
    const framing = AGAINST_SANCTUARY.some((re) => re.test(text));
    // Hailing a ruling while condemning what it struck ("a victory ... this unconstitutional order"): support
    // the ruling, oppose the act it blocks (its program, else the act the speaker names, else the pressure act).
    const ruling = approval && against ? mainRuling(events, st.speaker) : undefined;
    if (ruling) {
      say('SUPPORTED', { event: ruling }, 0.65);
      const struck = ruling.concerns.find((c) => !COLLECTIVE.has(c.name));
      const namedAct = referredAct(
        events.filter((e) => e.type !== 'ruling' && !e.by.includes(st.speaker)),
        ACT_NOUN.exec(text)?.[1],
        st.sentence,
      );
      const blocked = struck
        ? { entity: struck }
        : (namedAct ?? act)
          ? { event: (namedAct ?? act) as ExtractedEvent }
          : undefined;
      if (blocked) say('OPPOSED', blocked, 0.6);
      continue;
    }
    // Condemning "these policies" / "this law": the program the article is about.
    const policy = against && !named && POLICY_DEIXIS.test(text) ? mainProgram(table) : undefined;
    if (policy && policy !== st.speaker) {
      say('OPPOSED', { entity: policy }, 0.6);
      continue;
    }
    if (named && (approval || against || framing)) {
      say(approval && !against ? 'SUPPORTED' : 'OPPOSED', { event: named }, 0.65);
      continue;
    }
    // Welcoming a ruling or an order told in the article ("a historic victory").
    const welcomed = approval ? welcomedAct(events, st.speaker) : undefined;
    if (welcomed) say('SUPPORTED', { event: welcomed }, 0.6);
    // "this bill will keep that tradition of welcome": support said of the law the article names is support of
    // it. (Framing against sanctuary places is not moved: "the bill is about the rule of law" backs the bill.)
    const spokenLaw = LAW_DEIXIS.test(text) ? namedLaw(table) : undefined;
    const policyTarget = (): ResolvedEntity => (spokenLaw && spokenLaw !== st.speaker ? spokenLaw : sanctuary());
    if (framing || (SANCTUARY_WORD.test(text) && against && !welcomed)) {
      // Condemnation words about sanctuary places oppose them, whoever speaks.
      say('OPPOSED', { entity: sanctuary() }, 0.7);
    } else if (act && [...AGAINST_ACT, ...FOR_SANCTUARY].some((re) => re.test(text))) {
      say('OPPOSED', { event: act }, 0.6);
    } else if (!welcomed && FOR_SANCTUARY.some((re) => re.test(text))) {
      say('SUPPORTED', { entity: policyTarget() }, 0.6);
    }
  }

  for (const sentence of ctx.sentences) {
    if (sentence.index < ctx.firstBodySentence) continue;
    for (const [re, kind] of [
      [OPPOSE_VERB, 'OPPOSED'],
      [SUPPORT_VERB, 'SUPPORTED'],
    ] as const) {
      const verb = re.exec(sentence.text);
      if (!verb) continue;
      const at = sentence.start + verb.index;
      // "backed by the sheriffs": the agent after "by" takes the side, not the name before (passiveStances).
      if (/^\s+by\b/i.test(ctx.text.slice(at + verb[0].length, sentence.end))) continue;
      const here = mentions.filter((m) => m.sentence === sentence.index && m.entityId !== undefined);
      const subjects = subjectBefore(ctx, here, table, at);
      if (subjects.length === 0) continue;
      const object = here
        .map((m) => table.of(m))
        .find((e, i) => e?.kind === 'program' && (here[i] as Mention).start > at);
      const act = salientAct(events, subjects[0] as ResolvedEntity);
      const reaction = kind === 'OPPOSED' && REACTION_VERB.test(verb[0]);
      const named = referredAct(
        events,
        ACT_OBJECT.exec(ctx.text.slice(at + verb[0].length, sentence.end))?.[1],
        sentence.index,
      );
      const target = named
        ? { event: named }
        : object
          ? { entity: object }
          : reaction && act
            ? { event: act }
            : undefined;
      if (!target) continue;
      for (const actor of subjects) {
        if (actor.name !== 'Sanctuary jurisdictions')
          add({ actor, kind, target, sentence: sentence.index, confidence: 0.6 });
      }
    }
  }

  for (const stance of passiveStances(ctx, mentions, table)) add(stance);
  for (const stance of sponsorStances(ctx, mentions, table)) add(stance);

  const spoken = new Set(statements.map((st) => st.sentence));
  for (const sentence of ctx.sentences) {
    if (sentence.index < ctx.firstBodySentence || spoken.has(sentence.index)) continue;
    // Told rather than said, refusing to cooperate is the sanctuary practice itself.
    const cue = [...FOR_SANCTUARY, REFUSAL].map((re) => re.exec(sentence.text)).find((m) => m !== null);
    if (!cue) continue;
    // "sued the DOJ over its plan to sanction cities that refuse to cooperate": the common noun the relative
    // clause hangs on refuses, not the name before it (here the very party that presses them).
    if (RELATIVE_OF_COMMON_NOUN.test(sentence.text.slice(0, cue.index))) continue;
    const here = mentions.filter((m) => m.sentence === sentence.index && m.entityId !== undefined);
    for (const actor of subjectBefore(ctx, here, table, sentence.start + cue.index, 40)) {
      if (actor !== sanctuary() && actor.name !== 'Sanctuary jurisdictions') {
        add({ actor, kind: 'SUPPORTED', target: { entity: sanctuary() }, sentence: sentence.index, confidence: 0.5 });
      }
    }
  }

  // Who signs or passes a law supports the law ("the governor signed SB 4"); who vetoes it opposes it. The law
  // is the one named by number or title when the event only has a description ("the bill that he signed").
  for (const event of events) {
    if (event.type !== 'legislation') continue;
    const concern = event.concerns.find((c) => c.kind === 'program');
    const law = concern && NAMED_LAW.test(concern.name) ? concern : (namedLaw(table) ?? concern);
    if (!law) continue;
    const at = event.sentences[0] ?? 0;
    const kind: StanceKind = VETO.test(ctx.sentences[at]?.text ?? '') ? 'OPPOSED' : 'SUPPORTED';
    for (const actor of event.by) add({ actor, kind, target: { entity: law }, sentence: at, confidence: 0.7 });
  }

  // Adopting a resolution that declares a place no sanctuary opposes the sanctuary law or policy in force.
  for (const event of events) {
    if (event.type !== 'resolution') continue;
    const at = event.sentences[0] ?? 0;
    if (!ANTI_SANCTUARY_ACT.test(ctx.sentences[at]?.text ?? '')) continue;
    const law = mainProgram(table, event.concerns);
    for (const actor of event.by)
      add({ actor, kind: 'OPPOSED', target: { entity: law ?? sanctuary() }, sentence: at, confidence: 0.6 });
  }

  // Pressing the sanctuary places themselves (a threat, a letter, an announcement aimed at them) opposes their
  // policies. An order is left out: its issuer's side is taken on the order's own program (towardMeasures).
  for (const event of events) {
    if (
      !PRESSURE_TYPES.has(event.type) ||
      event.type === 'order' ||
      !event.targets.some((t) => t.name === 'Sanctuary jurisdictions')
    )
      continue;
    for (const actor of event.by)
      add({
        actor,
        kind: 'OPPOSED',
        target: { entity: sanctuary() },
        sentence: event.sentences[0] ?? 0,
        confidence: 0.55,
      });
  }

  for (const event of events) {
    if (event.type !== 'lawsuit') continue;
    const target =
      lawsuitTarget(event, events, table, ctx) ?? (event.targets[0] ? { entity: event.targets[0] } : undefined);
    if (!target) continue;
    const at = event.sentences[0] ?? 0;
    // Once the rule sued over is known, "sued ... over the requirements of the grant" opposes the rule only:
    // the verb rule's stance of a plaintiff toward another program of that sentence (the grant) goes.
    if ('entity' in target && SUED_OVER.has(target.entity)) {
      for (let i = stances.length - 1; i >= 0; i--) {
        const s = stances[i] as ExtractedStance;
        if (
          s.sentence === at &&
          s.kind === 'OPPOSED' &&
          event.by.includes(s.actor) &&
          'entity' in s.target &&
          s.target.entity !== target.entity &&
          s.target.entity.kind === 'program'
        )
          stances.splice(i, 1);
      }
    }
    for (const actor of event.by) add({ actor, kind: 'OPPOSED', target, sentence: at, confidence: 0.6 });
  }
  // Courts and judges decide; they take no side in the debate.
  // (A doer who speaks in the article is no judge: a misread "as the courts have decided".)
  const speakers = new Set(statements.map((st) => st.speaker));
  const deciders = new Set(
    events.filter((e) => e.type === 'ruling').flatMap((e) => e.by.filter((b) => !speakers.has(b))),
  );
  const sided = stances.filter((s) => !deciders.has(s.actor));
  return withoutContradictions(towardMeasures([...sided, ...acrossBlockingRulings(ctx, sided, table)]));
}

/** A ruling that stops a measure ("blocked the law", "issued a preliminary injunction"), not one that lets it go on. */
const BLOCKS =
  /\b(?:block(?:s|ed|ing)?|halt(?:s|ed|ing)?|enjoin(?:s|ed|ing)?|struck down|strikes? down|striking down|(?:preliminary|temporary) injunction|invalidat(?:e|es|ed|ing))\b/i;
const LETS_GO_ON = /\b(?:lift(?:s|ed|ing)?|upheld|upholds?|overturn\w*|revers\w*|vacat\w*)\b/i;

/**
 * The side on a measure that a side on the ruling blocking it implies: who opposes the ruling (vows to appeal it)
 * supports the measure it stopped, who welcomes it opposes the measure. The measure is the program the ruling
 * concerns, else the named law of the article (see NAMED_LAW). Weaker than a side said on the measure itself.
 */
function acrossBlockingRulings(ctx: ArticleContext, stances: ExtractedStance[], table: EntityTable): ExtractedStance[] {
  const implied: ExtractedStance[] = [];
  for (const s of stances) {
    if (!('event' in s.target) || s.target.event.type !== 'ruling') continue;
    const ruling = s.target.event;
    const told = ruling.sentences.map((i) => ctx.sentences[i]?.text ?? '');
    if (!told.some((t) => BLOCKS.test(t)) || told.some((t) => LETS_GO_ON.test(t))) continue;
    const measure = ruling.concerns.find((c) => c.kind === 'program' && !COLLECTIVE.has(c.name)) ?? namedLaw(table);
    if (!measure || measure === s.actor) continue;
    implied.push({
      actor: s.actor,
      kind: s.kind === 'OPPOSED' ? 'SUPPORTED' : 'OPPOSED',
      target: { entity: measure },
      sentence: s.sentence,
      confidence: 0.45,
    });
  }
  return implied;
}

/**
 * A side said in the passive: "It is supported by the governor and by the sheriffs", "the bill, sponsored by
 * Sen. X", "The measure was opposed by the union". The agents after "by" take the side; the target is the
 * program named before the verb in the sentence, else (a sentence opening with "It" or "The bill") the program
 * named last before the sentence.
 */
const PASSIVE_STANCE =
  /\b(?:(?:is|was|are|were|being|been)\s+(?:(?:also|strongly|widely|roundly|publicly|fiercely|unanimously)\s+)?)?(supported|backed|endorsed|sponsored|co-sponsored|cosponsored|championed|praised|applauded|welcomed|opposed|criticized|criticised|condemned|denounced|rejected|fought)\s+by\s+/gi;
const PASSIVE_SUPPORT =
  /^(?:supported|backed|endorsed|sponsored|co-sponsored|cosponsored|championed|praised|applauded|welcomed)$/i;
/** What may stand between two agents of one "by": "X and by Y", "X, Y and Z", "X as well as Y". */
const AGENT_GAP = /^\s*(?:,\s*)?(?:(?:and|as well as)\s+)?(?:by\s+)?(?:the\s+)?(?:\p{Lu}[\p{L}.]*\s+)*$/u;
/** A sentence whose subject stands for a program named before: "It is backed by ...", "The bill was ...". */
const PROGRAM_PRONOUN =
  /^\s*[“"]?(?:It|The (?:bill|law|measure|act|ordinance|policy|proposal|legislation|order|resolution))\b/;
const ACTOR_KINDS = new Set(['person', 'agency', 'organization', 'jurisdiction']);

function passiveStances(ctx: ArticleContext, mentions: Mention[], table: EntityTable): ExtractedStance[] {
  const found: ExtractedStance[] = [];
  for (const sentence of ctx.sentences) {
    if (sentence.index < ctx.firstBodySentence) continue;
    for (const verb of sentence.text.matchAll(PASSIVE_STANCE)) {
      const at = sentence.start + (verb.index ?? 0);
      const after = at + verb[0].length;
      const here = mentions.filter((m) => m.sentence === sentence.index && m.entityId !== undefined);
      const agents: ResolvedEntity[] = [];
      let from = after;
      for (const m of here.filter((h) => h.start >= after)) {
        if (!AGENT_GAP.test(ctx.text.slice(from, m.start))) break;
        const entity = table.of(m);
        if (entity && ACTOR_KINDS.has(entity.kind) && !isPartOfTitle(here, m)) agents.push(entity);
        from = m.end;
      }
      if (agents.length === 0) continue;
      const program =
        here
          .filter((m) => m.end <= at && table.of(m)?.kind === 'program')
          .map((m) => table.of(m))
          .pop() ??
        (PROGRAM_PRONOUN.test(sentence.text)
          ? mentions
              .filter((m) => m.sentence < sentence.index && table.of(m)?.kind === 'program')
              .map((m) => table.of(m) as ResolvedEntity)
              .filter((e) => !COLLECTIVE.has(e.name))
              .pop()
          : undefined);
      if (!program) continue;
      const kind: StanceKind = PASSIVE_SUPPORT.test(verb[1] ?? '') ? 'SUPPORTED' : 'OPPOSED';
      for (const actor of new Set(agents))
        found.push({ actor, kind, target: { entity: program }, sentence: sentence.index, confidence: 0.6 });
    }
  }
  return found;
}

/** "bill sponsor state Sen. X", "the measure's co-sponsor, X": the names after the noun sponsor the bill. */
const SPONSOR_NOUN = /\b(?:bill|measure|legislation)(?:['’]s)?\s+(?:co-?|lead\s+)?sponsors?,?\s+(?:state\s+)?/gi;
/**
 * Verbs of making or passing an act, and of voting it down: their subject supports or opposes the act named
 * right after ("pushed for S.79", "voted 3-2 in favor of a Resolution", "vetoed House Bill 370"), or, for
 * a noun of law, the law the article names ("Y sponsored the measure").
 */
const ACT_VERB =
  /\b(?:(co-?sponsor(?:ed|s)|cosponsor(?:ed|s)|sponsor(?:ed|s)|authored|introduced|carried|drafted|adopted|approved|pushed\s+for|championed|voted\s+(?:[\d–-]+\s+)?(?:for|in\s+favou?r\s+of|to\s+(?:approve|adopt|pass|support))|spoke\s+(?:\w+\s+)?in\s+favou?r\s+of)|(vetoed|voted\s+(?:[\d–-]+\s+)?(?:against|to\s+(?:repeal|reject|oppose|block))|spoke\s+(?:\w+\s+)?against))\s+/gi;
/** The noun of an act the verb takes when no program is named there: "sponsored the bill". */
const ACT_NOUN_AFTER = /^(?:the|this|a|an|its|their)\s+(?:[\w-]+\s+){0,3}?(bill|measure|legislation)\b/i;
/** "co-sponsored the resolution along with Council Members A and B": the people after share the act. */
const ALONG_WITH = /^[^.;]{0,40}?\balong\s+with\b/i;

/**
 * Who sponsors, writes, introduces or adopts an act supports it: the act named where the verb's noun stands,
 * else, for a bill, the law the article names (else its main program).
 */
function sponsorStances(ctx: ArticleContext, mentions: Mention[], table: EntityTable): ExtractedStance[] {
  const law = namedLaw(table) ?? mainProgram(table);
  const found: ExtractedStance[] = [];
  const support = (actor: ResolvedEntity, act: ResolvedEntity | undefined, sentence: number): void => {
    if (act && actor !== act)
      found.push({ actor, kind: 'SUPPORTED', target: { entity: act }, sentence, confidence: 0.55 });
  };
  for (const sentence of ctx.sentences) {
    if (sentence.index < ctx.firstBodySentence) continue;
    const here = mentions.filter((m) => m.sentence === sentence.index && m.entityId !== undefined);
    for (const noun of sentence.text.matchAll(SPONSOR_NOUN)) {
      const after = sentence.start + (noun.index ?? 0) + noun[0].length;
      const first = here.find((m) => m.start >= after && !isPartOfTitle(here, m));
      const entity = first ? table.of(first) : undefined;
      // The name right after the noun, its title in between ("bill sponsor Sen. X").
      if (
        first &&
        entity &&
        ACTOR_KINDS.has(entity.kind) &&
        /^(?:\p{Lu}[\p{L}.]*\s+)*$/u.test(ctx.text.slice(after, first.start))
      )
        support(entity, law, sentence.index);
    }
    for (const verb of sentence.text.matchAll(ACT_VERB)) {
      const start = sentence.start + (verb.index ?? 0);
      const end = start + verb[0].length;
      const named = here.find(
        (m) =>
          m.start >= end &&
          m.start - end <= 40 &&
          !/[.;]/.test(ctx.text.slice(end, m.start)) &&
          table.of(m)?.kind === 'program',
      );
      const act = named ? table.of(named) : ACT_NOUN_AFTER.test(ctx.text.slice(end, end + 60)) ? law : undefined;
      if (!act) continue;
      const kind: StanceKind = verb[2] ? 'OPPOSED' : 'SUPPORTED';
      const actors = subjectBefore(ctx, here, table, start);
      const after = named?.end ?? end;
      if (ALONG_WITH.test(ctx.text.slice(after, sentence.end)))
        for (const m of here) {
          const e = table.of(m);
          if (m.start > after && e?.kind === 'person' && !isPartOfTitle(here, m)) actors.push(e);
        }
      for (const actor of actors)
        if (actor !== act)
          found.push({ actor, kind, target: { entity: act }, sentence: sentence.index, confidence: 0.55 });
    }
  }
  return found;
}

/** The collective nodes of the debate, which every article is about and no lawsuit is brought over alone. */
export const COLLECTIVE = new Set(['Sanctuary policies', 'Sanctuary jurisdictions']);
/** Acts that put pressure on someone: what a lawsuit is brought over when the text does not name it. */
export const CONTESTED_TYPES = new Set(['threat', 'letter', 'memo', 'order', 'policy', 'legislation', 'announcement']);

/** A measure against sanctuary status: "declare it not a sanctuary county", "an anti-sanctuary resolution". */
const ANTI_SANCTUARY_ACT =
  /\bnot an? sanctuary\b|\banti-sanctuary\b|\b(?:against|opposing) (?:the )?(?:state'?s? )?sanctuary\b/i;
const APPEAL = /\b(?:appeal\w*|stay)\b/i;

/** A law by its number or its title: "SB 4", "Senate Bill 5497", "the Illinois TRUST Act", "Measure 105". */
const NAMED_LAW =
  /^(?:[A-Z]{1,4}\.? ?\d+|(?:Senate|House|Assembly) Bill \d+|(?:Measure|Proposition|Ordinance) \d+|(?:\p{Lu}[\p{L}-]*\s+){1,6}(?:Act|Law))$/u;
const VETO = /\bveto(?:es|ed|ing)?\b/i;

/** The named law the article mentions most (see NAMED_LAW). */
function namedLaw(table: EntityTable): ResolvedEntity | undefined {
  return [...table.entities.values()]
    .filter((e) => e.kind === 'program' && NAMED_LAW.test(e.name) && e.mentions.length > 0)
    .sort((a, b) => b.mentions.length - a.mentions.length)[0];
}

/** The program the article names most, other than the debate's collective nodes: the policy in dispute. */
export function mainProgram(table: EntityTable, except: ResolvedEntity[] = []): ResolvedEntity | undefined {
  return [...table.entities.values()]
    .filter((e) => e.kind === 'program' && !COLLECTIVE.has(e.name) && e.mentions.length > 0 && !except.includes(e))
    .sort((a, b) => b.mentions.length - a.mentions.length)[0];
}

/**
 * What a suit is brought over: the program it concerns, else the program the article names most, else the
 * sued party's act; never the sued party itself (a plaintiff opposes the act, not the defendant).
 */
export function lawsuitTarget(
  suit: ExtractedEvent,
  events: ExtractedEvent[],
  table: EntityTable,
  ctx?: ArticleContext,
): ExtractedStance['target'] | undefined {
  // An appeal, or a suit by a party a ruling went against, is brought over that ruling.
  const appealed = events.find(
    (e) =>
      e.type === 'ruling' &&
      (e.sentences[0] ?? Infinity) <= (suit.sentences[0] ?? 0) &&
      (APPEAL.test(suit.name) || e.targets.some((t) => suit.by.includes(t))),
  );
  if (appealed) return { event: appealed };
  // "sued ... over the grant's conditions": the plaintiffs oppose the rule named, not the grant it is attached to.
  const rule = ctx ? ruleSuedOver(ctx, suit, table) : undefined;
  if (rule) return { entity: rule };
  const program = suit.concerns[0] ?? mainProgram(table);
  if (program) return { entity: program };
  const act = events.find(
    (e) => e !== suit && e.by.some((b) => suit.targets.includes(b)) && CONTESTED_TYPES.has(e.type),
  );
  return act ? { event: act } : undefined;
}

/**
 * The rule a suit is brought over, when its sentence names one after "over", "challenging" or "against":
 * "sued ... over the federal requirements", "challenging ... immigration-related conditions on federal grants".
 * ("against" names the party sued, not the rule.) Up to eight words may precede the head noun ("efforts to put unlawful ... conditions"); a modifier after it
 * ("related to immigration enforcement", "on federal grants") belongs to it, up to a clause boundary.
 */
const RULE_SUED_OVER =
  /\b(?:over|challeng(?:e|es|ed|ing))\s+((?:(?!over\b|against\b)[\w’'-]+\s+){0,8}?(?:conditions|requirements|restrictions|rules|regulations|mandates)\b(?:\s+(?:related to|tied to|attached to|on|for|placed on|imposed on)\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+(?=\s+(?:that|which|who|to|and|in)\b|[,;.—–]|$))?)/i;
const LEADING_WORDS =
  /^(?:(?:the|these|those|its|their|his|her|efforts?|attempts?|to|put|impose|add|attach|unlawful|and)\s+)+/i;

/** The rules found by ruleSuedOver: a plaintiff's stance toward them replaces its verb stance toward the grant. */
const SUED_OVER = new WeakSet<ResolvedEntity>();

/** The program entity of the rule a suit's sentence names after "over" / "challenging", created as told. */
function ruleSuedOver(ctx: ArticleContext, suit: ExtractedEvent, table: EntityTable): ResolvedEntity | undefined {
  // A suit told twice ("filed a lawsuit ...", later "is being sued ... over the conditions"): any of its sentences.
  for (const index of suit.sentences) {
    const sentence = ctx.sentences[index];
    const found = sentence ? RULE_SUED_OVER.exec(sentence.text) : null;
    const phrase = found?.[1];
    if (!sentence || !found || !phrase) continue;
    const start = sentence.start + found.index + found[0].length - phrase.length;
    // Conditions sued over in a sentence about grant money are the grant conditions, one program however told.
    const name = GRANT_WORDS.test(sentence.text) ? GRANT_CONDITIONS : phrase.replace(LEADING_WORDS, '').trim();
    const mention = makeMention(ctx, index, start, start + phrase.length, name, 'program', 'policy', 0.6);
    const rule = table.ensure(name, 'program', 'policy');
    if (!rule.mentions.some((m) => m.start === mention.start)) table.attach(mention, rule);
    if (!suit.concerns.includes(rule)) suit.concerns = [rule, ...suit.concerns];
    SUED_OVER.add(rule);
    return rule;
  }
  return undefined;
}

/** The ruling the article reports most that the speaker did not make, the earliest on a tie. */
function mainRuling(events: ExtractedEvent[], speaker: ResolvedEntity): ExtractedEvent | undefined {
  return welcomedAct(
    events.filter((e) => e.type === 'ruling'),
    speaker,
  );
}

/** Acts whose result is a standing measure (an order, a law, a policy): a side is taken on the measure. */
const MEASURE_TYPES = new Set(['order', 'legislation', 'policy']);

/** A stance on issuing an order, a law or a policy that names its program is a stance on that program. */
export function towardMeasures(stances: ExtractedStance[]): ExtractedStance[] {
  return stances.map((s) => {
    if (!('event' in s.target) || !MEASURE_TYPES.has(s.target.event.type)) return s;
    const program = s.target.event.concerns.find((c) => !COLLECTIVE.has(c.name) && c !== s.actor);
    return program ? { ...s, target: { entity: program } } : s;
  });
}

/** One actor is not both for and against one target: the better-founded stance stays (the earlier on a tie). */
function withoutContradictions(stances: ExtractedStance[]): ExtractedStance[] {
  const target = (s: ExtractedStance): string => ('event' in s.target ? s.target.event.id : s.target.entity.id);
  return stances.filter(
    (s) =>
      !stances.some(
        (o) =>
          o !== s &&
          o.actor === s.actor &&
          target(o) === target(s) &&
          o.kind !== s.kind &&
          (o.confidence > s.confidence || (o.confidence === s.confidence && stances.indexOf(o) < stances.indexOf(s))),
      ),
  );
}

/** A ruling or a measure of someone else that a speaker can welcome: the most reported, the earliest on a tie. */
function welcomedAct(events: ExtractedEvent[], actor: ResolvedEntity): ExtractedEvent | undefined {
  const candidates = events.filter(
    (e) => ['ruling', 'order', 'policy', 'legislation', 'settlement'].includes(e.type) && !e.by.includes(actor),
  );
  return candidates.sort(
    (a, b) => b.sentences.length - a.sentences.length || (a.sentences[0] ?? 0) - (b.sentences[0] ?? 0),
  )[0];
}

/** The latest act of a type the noun can name, told up to this sentence. */
function referredAct(events: ExtractedEvent[], noun: string | undefined, sentence: number): ExtractedEvent | undefined {
  if (!noun) return undefined;
  const types = OBJECT_TYPES[noun.toLowerCase()] ?? [];
  return events.filter((e) => types.includes(e.type) && (e.sentences[0] ?? Infinity) <= sentence).pop();
}

/** The act most reported in the article by someone other than `actor`, the earliest on a tie. */
function salientAct(events: ExtractedEvent[], actor: ResolvedEntity): ExtractedEvent | undefined {
  const candidates = events.filter((e) => PRESSURE_TYPES.has(e.type) && !e.by.includes(actor));
  return candidates.sort(
    (a, b) => b.sentences.length - a.sentences.length || (a.sentences[0] ?? 0) - (b.sentences[0] ?? 0),
  )[0];
}
