import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { PROJECT_ROOT } from '../../src/core/paths';

const QUERIES_DIR = join(PROJECT_ROOT, 'cypher', 'queries');
/** The code that reads named queries. */
const SOURCE_DIRS = ['src', 'ingest', 'bench'];
/**
 * Where Cypher must come from cypher/: the service and the pipeline. src/compiler builds its statements
 * (checked by its own tests), and bench/ states the statements it measures beside the measurement.
 */
const NAMED_ONLY = [join(PROJECT_ROOT, 'src'), join(PROJECT_ROOT, 'ingest')];
const COMPILER_DIR = join(PROJECT_ROOT, 'src', 'compiler');
/** A string that starts like a Cypher statement. */
const CYPHER_START = /^\s*(MATCH|OPTIONAL MATCH|MERGE|UNWIND|CREATE|CALL|RETURN|WITH|DETACH DELETE)\b/;

function filesUnder(dir: string, ending: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, ending);
    return entry.name.endsWith(ending) ? [path] : [];
  });
}

interface Scan {
  /** Query names written as string literals in namedQuery(...) calls, with where they are. */
  names: { name: string; where: string }[];
  /** namedQuery(...) calls whose name is not written out, so that nothing can check it. */
  unnamed: string[];
  /** String literals outside src/compiler that hold a Cypher statement. */
  inlineCypher: string[];
}

function scanSources(): Scan {
  const scan: Scan = { names: [], unnamed: [], inlineCypher: [] };
  for (const file of SOURCE_DIRS.flatMap((d) => filesUnder(join(PROJECT_ROOT, d), '.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node): string =>
      `${relative(PROJECT_ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const literals = (node: ts.Node): string[] => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
      if (ts.isTemplateExpression(node) || ts.isIdentifier(node) || ts.isCallExpression(node)) return [];
      return node.getChildren(source).flatMap(literals);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'namedQuery') {
        const names = node.arguments[0] ? literals(node.arguments[0]) : [];
        if (names.length === 0 && !file.endsWith(join('core', 'named-queries.ts'))) scan.unnamed.push(where(node));
        for (const name of names) scan.names.push({ name, where: where(node) });
      }
      const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null;
      const checked = NAMED_ONLY.some((d) => file.startsWith(d)) && !file.startsWith(COMPILER_DIR);
      if (text !== null && checked && CYPHER_START.test(text)) scan.inlineCypher.push(where(node));
      if (ts.isTemplateExpression(node) && checked && CYPHER_START.test(node.head.text)) {
        scan.inlineCypher.push(where(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return scan;
}

const scan = scanSources();
const queryFiles = filesUnder(QUERIES_DIR, '.cypher').map((f) =>
  relative(QUERIES_DIR, f)
    .replace(/\\/g, '/')
    .replace(/\.cypher$/, ''),
);

describe('named queries (cypher/queries)', () => {
  it('are found in the sources at all', () => {
    expect(scan.names.length).toBeGreaterThan(10);
  });

  it('exist as a file for every name the code reads', () => {
    const missing = scan.names.filter((n) => !existsSync(join(QUERIES_DIR, `${n.name}.cypher`)));
    expect(missing.map((n) => `${n.where}: cypher/queries/${n.name}.cypher`)).toEqual([]);
  });

  it('are each read by some code', () => {
    const used = new Set(scan.names.map((n) => n.name));
    expect(queryFiles.filter((q) => !used.has(q)).map((q) => `cypher/queries/${q}.cypher`)).toEqual([]);
  });

  it('are named by a literal in every namedQuery call, so that the two checks above see them', () => {
    expect(scan.unnamed).toEqual([]);
  });

  it('hold all the Cypher of src/ and ingest/: no statement is written inline outside the compiler', () => {
    expect(scan.inlineCypher).toEqual([]);
  });
});
