/** The example queries of schema/examples, bundled at build time. */
export interface Example {
  file: string;
  /** The operation name, e.g. GarcettiTimeline. */
  name: string;
  source: string;
}

const files = import.meta.glob('../../schema/examples/*.graphql', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const examples: Example[] = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, source]) => ({
    file: path.split('/').pop() ?? path,
    name: /\b(?:query|mutation)\s+(\w+)/.exec(source)?.[1] ?? path,
    source,
  }));
