import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import { BoundedLabel, OTHER_LABEL, routeLabel } from '../../../src/server/metrics';
import { operationLabel, UNRESOLVED_OPERATION } from '../../../src/server/plugins/metrics';
import { cspHash, policyHeader } from '../../../src/server/security-headers';

/** The label of the document's only operation. */
function labelOf(source: string): string {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return operationLabel(operation, document);
}

describe('the operation label', () => {
  it('is the name of a named operation', () => {
    expect(labelOf('query DojOpposition { stances(kind: OPPOSED) { actor { id } } }')).toBe('DojOpposition');
  });

  it('is the sorted root fields of an anonymous one, through fragments, never arguments or aliases', () => {
    expect(
      labelOf(`{ z: search(text: "secret words") { id } ...F ... on Query { entity(id: "x") { id } } }
        fragment F on Query { events { id } }`),
    ).toBe('query:entity,events,search');
  });

  it('counts a repeated root field once, and truncates a long name', () => {
    const fields = Array.from({ length: 30 }, (_, i) => `f${String(i).padStart(3, '0')}: entity(id: "x") { id }`);
    expect(labelOf(`{ ${fields.join(' ')} }`)).toBe('query:entity');
    const long = labelOf(`query ${'N'.repeat(200)} { entity(id: "x") { id } }`);
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
  });

  it('is UNRESOLVED_OPERATION without an operation', () => {
    expect(operationLabel(undefined, parse('{ a }'))).toBe(UNRESOLVED_OPERATION);
  });
});

describe('BoundedLabel', () => {
  it('keeps the first values and folds the rest into one', () => {
    const label = new BoundedLabel(2);
    expect(['a', 'b', 'c', 'a', 'd', 'b'].map((v) => label.of(v))).toEqual([
      'a',
      'b',
      OTHER_LABEL,
      'a',
      OTHER_LABEL,
      'b',
    ]);
  });
});

describe('routeLabel', () => {
  it('names the routes of the app and folds every other path', () => {
    expect(['/graphql', '/metrics', '/ui/assets/x-1.js', '/ui', '/wp-login.php', '/graphql/x'].map(routeLabel)).toEqual(
      ['/graphql', '/metrics', '/ui/*', 'unmatched', 'unmatched', 'unmatched'],
    );
  });

  it('names each export format and folds other paths under /export', () => {
    expect(['/export/graphml', '/export/edges.csv', '/export/pdf', '/export'].map(routeLabel)).toEqual([
      '/export/graphml',
      '/export/edges.csv',
      'unmatched',
      'unmatched',
    ]);
  });
});

describe('the Content-Security-Policy helpers', () => {
  it('writes directives in order, separated by semicolons', () => {
    expect(policyHeader({ 'default-src': ["'none'"], 'img-src': ["'self'", 'data:'] })).toBe(
      "default-src 'none'; img-src 'self' data:",
    );
  });

  it('hashes as browsers do (the value Chromium prints for this text)', () => {
    expect(cspHash('.__________cytoscape_container { position: relative; }')).toBe(
      "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='",
    );
  });
});
