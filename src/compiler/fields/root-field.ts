import type { CompileContext } from '../compile-context';
import type { SelectedField } from '../analysis/selection';

/**
 * Compiles one root field of Query into a subquery body that returns exactly one row with one column (the
 * field's whole value, keyed by response keys), so the root fields of a request run as CALL subqueries of
 * one statement. Throws BAD_USER_INPUT for a bad argument.
 */
export type RootFieldCompiler = (field: SelectedField, column: string, ctx: CompileContext) => string;
