import type { EntityKind, NodeKind } from '../../src/core/vocabulary';
import type { Annotation, EventLink } from './format';
import { quoteMatcher } from '../quotes';

/** One thing wrong with an annotation: where (a path into the file) and what. */
export interface Problem {
  path: (string | number)[];
  message: string;
}

const ROLE_HOLDERS: EntityKind[] = ['agency', 'organization', 'jurisdiction'];

/**
 * Checks what the schema cannot: that every reference names an entity or event declared in the same file
 * with a fitting kind, that ids are unique, and that every quote is a verbatim part of the article text.
 */
export function checkAnnotation(annotation: Annotation, articleText: string): Problem[] {
  const problems: Problem[] = [];
  const kinds = new Map<string, NodeKind>();

  annotation.entities.forEach((e, i) => {
    if (kinds.has(e.id)) problems.push({ path: ['entities', i, 'id'], message: `"${e.id}" is declared twice` });
    kinds.set(e.id, e.kind);
  });
  annotation.events.forEach((e, i) => {
    if (kinds.has(e.id)) problems.push({ path: ['events', i, 'id'], message: `"${e.id}" is declared twice` });
    kinds.set(e.id, 'event');
  });

  const ref = (path: (string | number)[], id: string, allowed?: NodeKind[]): void => {
    const kind = kinds.get(id);
    if (kind === undefined) {
      problems.push({ path, message: `unknown entity "${id}": declare it under entities (or events)` });
    } else if (allowed && !allowed.includes(kind)) {
      problems.push({ path, message: `"${id}" is a ${kind}, but this must be a ${allowed.join(' or ')}` });
    }
  };
  const isInArticle = quoteMatcher(articleText);
  const quote = (path: (string | number)[], text: string): void => {
    if (!isInArticle(text)) {
      const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
      problems.push({ path, message: `quote not found in the article: "${shown}"` });
    }
  };
  const link = (path: (string | number)[], l: EventLink, allowed?: NodeKind[]): void => {
    if (typeof l === 'string') {
      ref(path, l, allowed);
    } else {
      ref([...path, 'id'], l.id, allowed);
      quote([...path, 'quote'], l.quote);
    }
  };

  annotation.entities.forEach((e, i) => {
    if (e.mention) quote(['entities', i, 'mention'], e.mention);
  });
  annotation.roles.forEach((r, i) => {
    ref(['roles', i, 'person'], r.person, ['person']);
    ref(['roles', i, 'org'], r.org, ROLE_HOLDERS);
    quote(['roles', i, 'quote'], r.quote);
    if (r.start && r.end && r.end < r.start)
      problems.push({ path: ['roles', i, 'end'], message: 'end is before start' });
  });
  annotation.relations.forEach((r, i) => {
    ref(['relations', i, 'from'], r.from);
    ref(['relations', i, 'to'], r.to);
    quote(['relations', i, 'quote'], r.quote);
  });
  annotation.events.forEach((e, i) => {
    e.by.forEach((l, j) => link(['events', i, 'by', j], l));
    e.targets.forEach((l, j) => link(['events', i, 'targets', j], l));
    e.concerns.forEach((l, j) => link(['events', i, 'concerns', j], l, ['program']));
    e.quotes.forEach((q, j) => quote(['events', i, 'quotes', j], q));
  });
  annotation.stances.forEach((s, i) => {
    ref(['stances', i, 'actor'], s.actor, ['person', 'agency', 'organization', 'jurisdiction']);
    ref(['stances', i, 'target'], s.target);
    quote(['stances', i, 'quote'], s.quote);
  });
  return problems;
}
