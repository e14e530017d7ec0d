import { getNamedType, isObjectType } from 'graphql';
import type { CompileContext, Scope } from '../compile-context';
import { encodeCursor } from '../arguments/cursor';
import { indent, mapLiteral } from './statement';
import { projectType } from './projection';
import { type SelectedField, collectFields, subSelections } from '../analysis/selection';

/** The rows a paginated root field returns, before paging: bound variables in a total order. */
export interface Rows {
  /** Variables bound per row. */
  vars: string[];
  /** Sort keys; the last ones break ties by id so pages never overlap. */
  orderBy: string[];
  /** The scope of the row's node (Stance, Event, Entity). */
  scope: Scope;
  /** Extra values an edge of the connection exposes, by field name (a search score). */
  edgeValues?: Record<string, string>;
}

/** Which slice of the rows a request asks for. */
export interface Slice {
  offset: number;
  first: number;
}

/**
 * The end of a list field's statement: orders the rows, keeps the slice, and returns the nodes projected
 * with the field's selection, in order.
 */
export function listPage(rows: Rows, slice: Slice, field: SelectedField, column: string, ctx: CompileContext): string {
  const nodeType = getNamedType(field.definition.type).name;
  const skip = slice.offset > 0 ? ` SKIP ${ctx.cypher.intParam(slice.offset)}` : '';
  return [
    `WITH ${rows.vars.join(', ')} ORDER BY ${rows.orderBy.join(', ')}${skip} LIMIT ${ctx.cypher.intParam(slice.first)}`,
    `RETURN collect(${projectType(nodeType, rows.scope, subSelections(field), ctx)}) AS ${column}`,
  ].join('\n');
}

/**
 * The end of a connection field's statement: all ordered rows are collected as references (cheap: no
 * projection), the slice is projected into edges with cursors, and pageInfo and totalCount are computed
 * from the whole list. Cursors are encoded here and passed as a parameter, since Cypher has no base64.
 */
export function connectionPage(
  rows: Rows,
  slice: Slice,
  field: SelectedField,
  column: string,
  ctx: CompileContext,
): string {
  const connectionType = getNamedType(field.definition.type);
  if (!isObjectType(connectionType)) throw new Error(`${connectionType.name} is not a connection type`);
  const all = ctx.cypher.variable('rows');
  const page = ctx.cypher.variable('page');
  const index = ctx.cypher.variable('i');
  const items = ctx.cypher.variable('items');
  const item = ctx.cypher.variable('item');
  const cursors = ctx.cypher.param(Array.from({ length: slice.first }, (_, i) => encodeCursor(slice.offset + i + 1)));
  const end = ctx.cypher.intParam(slice.offset + slice.first);

  // One item map per row holds every `edges` selection of the connection (they may be aliased twice).
  const itemEntries: [string, string][] = [];
  const connectionEntries: [string, string][] = [];
  for (const connectionField of collectFields(ctx, connectionType, subSelections(field))) {
    const k = connectionField.responseKey;
    if (connectionField.fieldName === 'edges') {
      const edgeType = getNamedType(connectionField.definition.type);
      if (!isObjectType(edgeType)) throw new Error(`${edgeType.name} is not an edge type`);
      const edge = collectFields(ctx, edgeType, subSelections(connectionField)).map((edgeField): [string, string] => {
        if (edgeField.fieldName === 'cursor') return [edgeField.responseKey, `${cursors}[${index}]`];
        if (edgeField.fieldName === 'node') {
          const nodeType = getNamedType(edgeField.definition.type).name;
          return [edgeField.responseKey, projectType(nodeType, rows.scope, subSelections(edgeField), ctx)];
        }
        const value = rows.edgeValues?.[edgeField.fieldName];
        if (!value) throw new Error(`No value for ${edgeType.name}.${edgeField.fieldName}`);
        return [edgeField.responseKey, value];
      });
      itemEntries.push([k, mapLiteral(edge)]);
      connectionEntries.push([k, `[${item} IN ${items} | ${item}.\`${k}\`]`]);
    } else if (connectionField.fieldName === 'pageInfo') {
      const pageInfoType = getNamedType(connectionField.definition.type);
      if (!isObjectType(pageInfoType)) throw new Error('PageInfo is not an object type');
      const info = collectFields(ctx, pageInfoType, subSelections(connectionField)).map((f): [string, string] => {
        const value = {
          hasNextPage: `size(${all}) > ${end}`,
          hasPreviousPage: ctx.cypher.param(slice.offset > 0),
          startCursor: `CASE WHEN size(${page}) = 0 THEN null ELSE ${cursors}[0] END`,
          endCursor: `CASE WHEN size(${page}) = 0 THEN null ELSE ${cursors}[size(${page}) - 1] END`,
        }[f.fieldName];
        if (!value) throw new Error(`No value for PageInfo.${f.fieldName}`);
        return [f.responseKey, value];
      });
      connectionEntries.push([k, mapLiteral(info)]);
    } else if (connectionField.fieldName === 'totalCount') {
      connectionEntries.push([k, `size(${all})`]);
    } else {
      throw new Error(`No compiler for ${connectionType.name}.${connectionField.fieldName}`);
    }
  }
  const unpack = rows.vars.map((v, i) => `${page}[${index}][${i}] AS ${v}`).join(', ');
  return [
    `WITH ${rows.vars.join(', ')} ORDER BY ${rows.orderBy.join(', ')}`,
    `WITH collect([${rows.vars.join(', ')}]) AS ${all}`,
    `WITH ${all}, ${all}[${ctx.cypher.intParam(slice.offset)}..${end}] AS ${page}`,
    `CALL (${page}) {`,
    indent(
      [
        `UNWIND range(0, size(${page}) - 1) AS ${index}`,
        `WITH ${index}, ${unpack}`,
        `RETURN collect(${mapLiteral(itemEntries)}) AS ${items}`,
      ].join('\n'),
    ),
    '}',
    `RETURN ${mapLiteral(connectionEntries)} AS ${column}`,
  ].join('\n');
}
