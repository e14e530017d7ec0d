import { badParameter } from './export-error';

/**
 * What an export holds, read from the query string. Only the form of each parameter is checked here (given
 * once, a whole number); ranges and ids are checked by the compiler, exactly as for the GraphQL field, and
 * graphql-source.ts names the parameter in its error.
 */
export type Selection =
  | { select: 'neighborhood'; id: string; depth?: number; first?: number; types?: string[] }
  | { select: 'search'; q: string; first?: number }
  | { select: 'path'; from: string; to: string; maxHops?: number }
  | { select: 'all' };

export type SelectionName = Selection['select'];

/** The parameters each selection takes beside `select`, required ones first. */
export const SELECTION_PARAMETERS: Record<SelectionName, { required: string[]; optional: string[] }> = {
  neighborhood: { required: ['id'], optional: ['depth', 'first', 'types'] },
  search: { required: ['q'], optional: ['first'] },
  path: { required: ['from', 'to'], optional: ['maxHops'] },
  all: { required: [], optional: [] },
};

const NAMES = Object.keys(SELECTION_PARAMETERS) as SelectionName[];

type Query = Record<string, unknown>;

/** A parameter given at most once, as text; undefined when absent. */
function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badParameter(name, 'must be given once, as plain text');
  return value;
}

function required(query: Query, name: string): string {
  const value = single(query, name);
  if (value === undefined || value.trim() === '') throw badParameter(name, 'is required');
  return value;
}

/** A whole number of at most nine digits (the GraphQL Int range holds them all); the bounds are the compiler's. */
function whole(query: Query, name: string): number | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (!/^[+-]?\d{1,9}$/.test(value.trim())) throw badParameter(name, `must be a whole number (got "${value}")`);
  return Number(value);
}

/** A comma-separated list, e.g. types=OPPOSED,INITIATED. */
function list(query: Query, name: string): string[] | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  return value.split(',').map((item) => item.trim());
}

/** Reads and checks the selection of an export request's query string. */
export function parseSelection(query: Query): Selection {
  const select = required(query, 'select');
  if (!(NAMES as string[]).includes(select)) {
    throw badParameter('select', `must be one of ${NAMES.join(', ')} (got "${select}")`);
  }
  const name = select as SelectionName;
  const known = new Set(['select', ...SELECTION_PARAMETERS[name].required, ...SELECTION_PARAMETERS[name].optional]);
  const unknown = Object.keys(query).find((key) => !known.has(key));
  if (unknown !== undefined) {
    const allowed = [...known].filter((k) => k !== 'select');
    throw badParameter(
      unknown,
      `is not a parameter of select=${name} (${allowed.length ? `it takes ${allowed.join(', ')}` : 'it takes none'})`,
    );
  }
  switch (name) {
    case 'neighborhood':
      return {
        select: name,
        id: required(query, 'id'),
        depth: whole(query, 'depth'),
        first: whole(query, 'first'),
        types: list(query, 'types'),
      };
    case 'search':
      return { select: name, q: required(query, 'q'), first: whole(query, 'first') };
    case 'path':
      return {
        select: name,
        from: required(query, 'from'),
        to: required(query, 'to'),
        maxHops: whole(query, 'maxHops'),
      };
    case 'all':
      return { select: name };
  }
}

/** A file name for the selection, safe in a Content-Disposition header: ASCII letters, digits, . _ - only. */
export function fileStem(selection: Selection): string {
  const safe = (text: string): string =>
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'x';
  switch (selection.select) {
    case 'neighborhood':
      return `neighborhood-${safe(selection.id)}-depth${selection.depth ?? 1}`;
    case 'search':
      return `search-${safe(selection.q)}`;
    case 'path':
      return `path-${safe(selection.from)}-to-${safe(selection.to)}`;
    case 'all':
      return 'sanctuary-graph';
  }
}
