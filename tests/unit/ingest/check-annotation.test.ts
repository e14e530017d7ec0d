import { AnnotationSchema } from '../../../ingest/annotation/format';
import { checkAnnotation } from '../../../ingest/annotation/check';

const text =
  'Attorney General Jeff Sessions threatened “sanctuary” cities. Mayor Eric Garcetti said: “Threaten me all you want.”';

function annotation(overrides: Record<string, unknown> = {}) {
  return AnnotationSchema.parse({
    article: { file: 'a.txt', title: 'A' },
    entities: [
      { id: 'jeff-sessions', kind: 'person', name: 'Jeff Sessions' },
      { id: 'eric-garcetti', kind: 'person', name: 'Eric Garcetti' },
      { id: 'department-of-justice', kind: 'agency', name: 'Department of Justice' },
    ],
    roles: [
      {
        person: 'jeff-sessions',
        title: 'Attorney General',
        org: 'department-of-justice',
        quote: 'Attorney General Jeff Sessions',
      },
    ],
    events: [
      {
        id: 'threat',
        type: 'threat',
        name: 'Threat',
        by: ['jeff-sessions'],
        quotes: ['Jeff Sessions threatened "sanctuary" cities.'],
      },
    ],
    stances: [{ actor: 'eric-garcetti', kind: 'OPPOSED', target: 'threat', quote: 'Threaten me all you want.' }],
    ...overrides,
  });
}

describe('checkAnnotation', () => {
  it('accepts quotes that differ from the article only in typographic quotes and spacing', () => {
    expect(checkAnnotation(annotation(), text)).toEqual([]);
  });

  it('reports a quote that is not in the article, with its path', () => {
    const problems = checkAnnotation(
      annotation({
        stances: [{ actor: 'eric-garcetti', kind: 'OPPOSED', target: 'threat', quote: 'I never said this.' }],
      }),
      text,
    );
    expect(problems).toEqual([
      { path: ['stances', 0, 'quote'], message: 'quote not found in the article: "I never said this."' },
    ]);
  });

  it('reports a reference to an undeclared entity', () => {
    const problems = checkAnnotation(
      annotation({
        stances: [{ actor: 'rahm-emanuel', kind: 'OPPOSED', target: 'threat', quote: 'Threaten me all you want.' }],
      }),
      text,
    );
    expect(problems).toEqual([
      {
        path: ['stances', 0, 'actor'],
        message: 'unknown entity "rahm-emanuel": declare it under entities (or events)',
      },
    ]);
  });

  it('reports a reference of the wrong kind', () => {
    const problems = checkAnnotation(
      annotation({
        roles: [{ person: 'department-of-justice', title: 'Boss', org: 'jeff-sessions', quote: 'Jeff Sessions' }],
      }),
      text,
    );
    expect(problems.map((p) => p.path)).toEqual([
      ['roles', 0, 'person'],
      ['roles', 0, 'org'],
    ]);
  });

  it('reports an id declared twice', () => {
    const a = annotation();
    a.entities.push({ ...a.entities[0]!, name: 'Again' });
    expect(checkAnnotation(a, text)).toEqual([
      { path: ['entities', 3, 'id'], message: '"jeff-sessions" is declared twice' },
    ]);
  });
});
