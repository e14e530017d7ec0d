import { readBlockYaml } from '../../../ingest/annotation/block-yaml';
import { checkAnnotation } from '../../../ingest/annotation/check';
import { readAnnotation } from '../../../ingest/annotation/read';
import { IngestInputError } from '../../../ingest/errors';

const valid = `article:
  file: a.txt
  title: A title
entities:
  - id: jeff-sessions
    kind: person
    name: Jeff Sessions
events:
  - id: threat-2018
    type: threat
    name: A threat
    date: "2018-01-24"
    by: [jeff-sessions]
    quotes: ["Sessions threatened cities"]
`;

function problemOf(source: string): IngestInputError {
  try {
    readAnnotation(source, 'x.yaml');
  } catch (err) {
    return err as IngestInputError;
  }
  throw new Error('expected readAnnotation to throw');
}

describe('readAnnotation', () => {
  it('parses a valid file, filling defaults', () => {
    const { annotation } = readAnnotation(valid, 'x.yaml');
    expect(annotation.origin).toBe('curated');
    expect(annotation.entities[0]?.aliases).toEqual([]);
    expect(annotation.events[0]?.targets).toEqual([]);
  });

  it('names the line and column of invalid YAML', () => {
    const err = problemOf('article:\n  file: a.txt\n  title: [unclosed\n');
    expect(err).toBeInstanceOf(IngestInputError);
    expect(err.message).toMatch(/^x\.yaml \(line \d+, column \d+\): invalid YAML/);
  });

  it('names the path and line of an unknown kind', () => {
    const err = problemOf(valid.replace('kind: person', 'kind: wizard'));
    expect(err.where).toBe('entities[0].kind, line 6');
    expect(err.message).toContain('x.yaml');
  });

  it('rejects a date that is not a real calendar day', () => {
    const err = problemOf(valid.replace('2018-01-24', '2018-02-30'));
    expect(err.where).toMatch(/^events\[0\]\.date, line \d+/);
    expect(err.problem).toMatch(/ISO date/);
  });

  it('rejects an empty file and unknown keys', () => {
    expect(problemOf('   \n').problem).toBe('annotation file is empty');
    expect(problemOf(valid.replace('origin', 'x').replace('entities:', 'entitys: []\nentities:')).where).toMatch(
      /^top level|^entitys|line 1/,
    );
  });
});

/** A block-style annotation (as yaml.stringify writes them), which readBlockYaml reads instead of js-yaml. */
const block = `article:
  file: a.txt
  title: A title
entities:
  - id: jeff-sessions
    kind: person
    name: Jeff Sessions
    aliases: []
events:
  - id: threat-2018
    type: threat
    name: A threat
    date: 2018-01-24
    by:
      - jeff-sessions
    quotes:
      - Sessions threatened
        cities
`;

describe('readAnnotation on the fast path (plain block YAML)', () => {
  it('is read by readBlockYaml, folding the quote as js-yaml does', () => {
    expect(readBlockYaml(block)).not.toBeUndefined();
    expect(readAnnotation(block, 'x.yaml').annotation.events[0]?.quotes).toEqual(['Sessions threatened cities']);
  });

  it('names the same lines as before for a schema problem', () => {
    expect(problemOf(block.replace('kind: person', 'kind: wizard')).where).toBe('entities[0].kind, line 6');
    expect(problemOf(block.replace('2018-01-24', '2018-02-30')).where).toBe('events[0].date, line 13');
  });

  it('names the line of a problem the check finds after it', () => {
    const { annotation, where } = readAnnotation(block.replace('- jeff-sessions', '- rahm-emanuel'), 'x.yaml');
    const problems = checkAnnotation(annotation, 'Sessions threatened cities.');
    expect(problems.map((p) => `${where(p.path)}: ${p.message}`)).toEqual([
      'events[0].by[0], line 15: unknown entity "rahm-emanuel": declare it under entities (or events)',
    ]);
  });
});
