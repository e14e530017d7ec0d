import { CORE_SCHEMA, load } from 'js-yaml';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { readBlockYaml } from './block-yaml';
import { type Annotation, AnnotationSchema } from './format';
import { IngestInputError } from '../errors';

/** A parsed annotation and a way to say on which line a path of it stands. */
export interface ParsedAnnotation {
  annotation: Annotation;
  /** "line N" for a path such as ['events', 3, 'quotes', 0], or the path itself when unknown. */
  where(path: ReadonlyArray<string | number>): string;
}

/** Renders a path the way a reader finds it in YAML: events[3].quotes[0]. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function locator(doc: Document, lines: LineCounter) {
  return (path: ReadonlyArray<PropertyKey>): string => {
    const keys = [...path] as (string | number)[];
    // Walk up to the deepest node that exists (a missing key is reported at its parent).
    for (let n = keys.length; n >= 0; n -= 1) {
      const node = doc.getIn(keys.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line } = lines.linePos(node.range[0]);
        return `${formatPath(keys)}, line ${line}`;
      }
    }
    return formatPath(keys) || 'top level';
  };
}

/**
 * Parses and validates one annotation file; throws IngestInputError naming the line and the problem.
 *
 * Three parsers, for speed: readBlockYaml (block-yaml.ts) reads the plain block YAML that large annotations
 * are written in, several times faster than js-yaml and with the same answer; js-yaml (YAML 1.2 core schema,
 * as `yaml` uses by default) reads any other file, about ten times faster than `yaml`'s document API.
 * `yaml` keeps the source positions, so it parses the file again only when something is wrong: a syntax
 * error, a schema problem, or a check of the caller that asks `where` a path stands.
 */
export function readAnnotation(source: string, file: string): ParsedAnnotation {
  if (source.trim().length === 0) throw new IngestInputError(file, 'annotation file is empty');
  let parsed = readBlockYaml(source);
  if (parsed === undefined) {
    try {
      parsed = load(source, { schema: CORE_SCHEMA });
    } catch {
      return readLocated(source, file);
    }
  }
  const result = AnnotationSchema.safeParse(parsed);
  if (!result.success) return readLocated(source, file);
  let located: ParsedAnnotation['where'] | undefined;
  const where = (path: ReadonlyArray<string | number>): string => {
    located ??= readLocated(source, file).where;
    return located(path);
  };
  return { annotation: result.data, where };
}

/** readAnnotation with `yaml`'s document API, which knows the line of every node. */
function readLocated(source: string, file: string): ParsedAnnotation {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw new IngestInputError(file, `invalid YAML: ${syntax.message.split('\n')[0]}`, `line ${line}, column ${col}`);
  }
  const where = locator(doc, lines);
  const result = AnnotationSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new IngestInputError(file, issue.message, where(issue.path as PropertyKey[]));
  }
  return { annotation: result.data, where };
}
