import { pageSize } from '../arguments/arguments';
import { decodeCursor } from '../arguments/cursor';
import type { CompileContext } from '../compile-context';
import { type Rows, type Slice, connectionPage, listPage } from '../cypher/page';
import { type SelectedField, argumentsOf } from '../analysis/selection';
import type { RootFieldCompiler } from './root-field';

/**
 * Finds the rows of a paginated root field: the clauses that bind them, and how they are ordered. A list
 * passes the slice it will keep, so that a finder may leave out early rows that cannot reach it (a
 * connection passes null: its total counts every row).
 */
export type RowFinder = (
  field: SelectedField,
  ctx: CompileContext,
  slice: Slice | null,
) => { lines: string[]; rows: Rows };

/** The slice a paginated field's `first` and `after` arguments ask for. */
function sliceOf(field: SelectedField, ctx: CompileContext): Slice {
  const args = argumentsOf(ctx, field);
  return { offset: decodeCursor(args.after as string | null), first: pageSize(args.first) };
}

/**
 * The two root fields of one paginated query, `xs` and `xsConnection`: the same rows, ended as a list or as
 * a connection with cursors, page info and a total.
 */
export function paginated(findRows: RowFinder): { list: RootFieldCompiler; connection: RootFieldCompiler } {
  const compile =
    (end: typeof listPage, bounded: boolean): RootFieldCompiler =>
    (field, column, ctx) => {
      const slice = sliceOf(field, ctx);
      const { lines, rows } = findRows(field, ctx, bounded ? slice : null);
      return [...lines, end(rows, slice, field, column, ctx)].join('\n');
    };
  return { list: compile(listPage, true), connection: compile(connectionPage, false) };
}
