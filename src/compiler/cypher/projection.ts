import { type FieldNode, type GraphQLObjectType, type SelectionSetNode, isAbstractType, isObjectType } from 'graphql';
import type { CompileContext, FieldCompiler, Scope } from '../compile-context';
import { indent, mapLiteral } from './statement';
import { KIND_LABEL_LIST, KIND_LABELS, NODE_KINDS, graphqlKind } from '../../core/vocabulary';
import { type SelectedField, collectFields } from '../analysis/selection';

const nodeIds = new WeakMap<FieldNode, number>();
let nextNodeId = 0;

/** A stable identity for a set of field nodes, so equal selections on several entity types compile once. */
function nodesKey(nodes: readonly FieldNode[]): string {
  return nodes
    .map((node) => {
      let id = nodeIds.get(node);
      if (id === undefined) {
        id = nextNodeId++;
        nodeIds.set(node, id);
      }
      return id;
    })
    .join(',');
}

/** `CASE WHEN n:Person THEN 'Person' ... END`: the GraphQL type of an entity node, from its kind label. */
export function typenameOf(node: string): string {
  return `CASE ${KIND_LABEL_LIST.map((label) => `WHEN ${node}:${label} THEN '${label}'`).join(' ')} END`;
}

/** `CASE WHEN n:Person THEN 'PERSON' ... END`: the EntityKind of an entity node. */
export function kindOf(node: string): string {
  const cases = NODE_KINDS.map((kind) => `WHEN ${node}:${KIND_LABELS[kind]} THEN '${graphqlKind(kind)}'`);
  return `CASE ${cases.join(' ')} END`;
}

function isEntityType(typeName: string): boolean {
  return typeName === 'Entity' || (KIND_LABEL_LIST as readonly string[]).includes(typeName);
}

/** Entity types on which one response key compiles to the same expression. */
interface TypeGroup {
  compiler: FieldCompiler;
  nodes: string;
  types: string[];
  field: SelectedField;
}

/**
 * Projects an entity node onto a map keyed by response key. At an interface position the selection is
 * collected once per possible concrete type (as graphql-js will execute it), fields that compile the same
 * for several types are emitted once, and fields of only some types are guarded by their labels. The map
 * always carries `__typename` there, which Entity's resolveType reads.
 */
function projectEntity(
  typeName: string,
  node: string,
  selectionSets: readonly SelectionSetNode[],
  ctx: CompileContext,
): string {
  const type = ctx.schema.getType(typeName);
  if (!type) throw new Error(`Unknown type ${typeName}`);
  // In the model's kind order, so compiled statements do not depend on the order types were registered.
  const rank = (t: GraphQLObjectType): number => (KIND_LABEL_LIST as readonly string[]).indexOf(t.name);
  const possible: readonly GraphQLObjectType[] = isAbstractType(type)
    ? [...ctx.schema.getPossibleTypes(type)].sort((a, b) => rank(a) - rank(b))
    : isObjectType(type)
      ? [type]
      : [];
  // Per response key: groups of types whose field compiles identically (same compiler, same field nodes).
  const byKey = new Map<string, TypeGroup[]>();
  for (const objectType of possible) {
    for (const field of collectFields(ctx, objectType, selectionSets)) {
      const compiler = ctx.fieldCompiler(objectType.name, field.fieldName);
      const nodes = nodesKey(field.nodes);
      const groups = byKey.get(field.responseKey) ?? [];
      const same = groups.find((g) => g.compiler === compiler && g.nodes === nodes);
      if (same) same.types.push(objectType.name);
      else groups.push({ compiler, nodes, types: [objectType.name], field });
      byKey.set(field.responseKey, groups);
    }
  }
  const scope: Scope = { node };
  const entries: [string, string][] = [];
  if (possible.length > 1) entries.push(['__typename', typenameOf(node)]);
  for (const [responseKey, groups] of byKey) {
    const [only] = groups;
    if (groups.length === 1 && only && only.types.length === possible.length) {
      entries.push([responseKey, only.compiler(scope, only.field, ctx)]);
      continue;
    }
    const cases = groups.map((g) => {
      const labels = g.types.map((t) => `${node}:${t}`).join(' OR ');
      return `WHEN ${labels} THEN ${g.compiler(scope, g.field, ctx)}`;
    });
    entries.push([responseKey, `CASE ${cases.join(' ')} END`]);
  }
  return multiline(entries);
}

/** A map literal, on several lines when a value spans several (nested subqueries stay readable). */
function multiline(entries: [string, string][]): string {
  const literal = mapLiteral(entries);
  if (!entries.some(([, value]) => value.includes('\n'))) return literal;
  return `{\n${indent(entries.map(([k, v]) => mapLiteral([[k, v]]).slice(1, -1)).join(',\n'))}\n}`;
}

/**
 * Projects an object of the named GraphQL type, read from the scope's variables, onto a map keyed by
 * response key: the value graphql-js then walks with the alias-aware default resolver.
 */
export function projectType(
  typeName: string,
  scope: Scope,
  selectionSets: readonly SelectionSetNode[],
  ctx: CompileContext,
): string {
  if (isEntityType(typeName)) return projectEntity(typeName, scope.node!, selectionSets, ctx);
  const type = ctx.schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`Cannot project ${typeName}: not an object type`);
  const entries: [string, string][] = collectFields(ctx, type, selectionSets).map((field) => [
    field.responseKey,
    ctx.fieldCompiler(typeName, field.fieldName)(scope, field, ctx),
  ]);
  return multiline(entries);
}
