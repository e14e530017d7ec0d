import type { Statement } from '../../../../ingest/extract/attribution';
import type { ExtractedEvent } from '../../../../ingest/extract/events';
import type { EntityTable, ResolvedEntity } from '../../../../ingest/extract/resolve';
import { towardMeasures } from '../../../../ingest/extract/stances';
import { lawsuitStances, rulingStances } from '../../../../ingest/extract/structure/stances';

const entity = (id: string, kind: ResolvedEntity['kind'], name = id): ResolvedEntity => ({
  id,
  kind,
  name,
  aliases: new Set(),
  mentions: [],
  known: false,
  confidence: 1,
});
const event = (id: string, type: ExtractedEvent['type'], parts: Partial<ExtractedEvent>): ExtractedEvent => ({
  id,
  type,
  name: id,
  by: [],
  targets: [],
  concerns: [],
  sentences: [0],
  confidence: 1,
  ...parts,
});
/** A table that holds only the given entities (lawsuitStances reads nothing else of it). */
const tableOf = (...entities: ResolvedEntity[]): EntityTable =>
  ({ entities: new Map(entities.map((e) => [e.id, e])) }) as unknown as EntityTable;

describe('structure stances', () => {
  const state = entity('texas', 'jurisdiction');
  const law = entity('sb-9', 'program', 'SB 9');
  law.mentions.push({} as never, {} as never);
  const court = entity('judge-hale', 'person');
  const ruling = event('ruling', 'ruling', { by: [court], targets: [state], concerns: [law], sentences: [1] });

  it('reads an appeal by the party a ruling went against as opposing the ruling, not the program', () => {
    const appeal = event('appeal', 'lawsuit', { by: [state], targets: [court], sentences: [3] });
    const out = lawsuitStances([ruling, appeal], [], tableOf(state, law, court));
    expect(out).toContainEqual(expect.objectContaining({ actor: state, kind: 'OPPOSED', target: { event: ruling } }));
    expect(out).not.toContainEqual(expect.objectContaining({ actor: state, target: { entity: law } }));
  });

  it('reads a first suit as opposing the program in dispute, never the party sued', () => {
    const city = entity('austin', 'jurisdiction');
    const suit = event('suit', 'lawsuit', { by: [city], targets: [state], sentences: [0] });
    const out = lawsuitStances([suit], [], tableOf(city, state, law));
    expect(out).toEqual([expect.objectContaining({ actor: city, kind: 'OPPOSED', target: { entity: law } })]);
  });

  it('gives no ruling stance to the collective node of sanctuary places, only to the parties who speak', () => {
    const places = entity('sanctuary-jurisdictions', 'jurisdiction', 'Sanctuary jurisdictions');
    const against = event('ruling2', 'ruling', { by: [court], targets: [places, state], sentences: [0] });
    const statements: Statement[] = [places, state].map((speaker) => ({
      speaker,
      sentence: 2,
      speakerStart: 0,
      quoted: true,
    }));
    const out = rulingStances([against], statements, [], () => undefined);
    expect(out.map((s) => s.actor.id)).toEqual(['texas']);
  });

  it('takes a side on the measure an order or a law names, not on its issuing; other acts stay', () => {
    const mayor = entity('ana-ruiz', 'person');
    const order = event('order', 'order', { concerns: [law] });
    const threat = event('threat', 'threat', { concerns: [law] });
    const stance = (target: ExtractedEvent) =>
      ({ actor: mayor, kind: 'OPPOSED', target: { event: target }, sentence: 0, confidence: 1 }) as const;
    expect(towardMeasures([stance(order), stance(threat)]).map((s) => s.target)).toEqual([
      { entity: law },
      { event: threat },
    ]);
  });
});
