import type { ExplorerActions } from './actions';
import type { Details } from './api';
import { el } from './dom';
import { articleLink, quoted } from './format';
import { readerLink } from './reader-link';
import { timelineList } from './timeline-list';
import { timelineStrip } from './timeline-strip';

/** The articles that name the entity, with the words each uses and a link to read it at them. */
function mentionList(mentions: NonNullable<Details['entity']>['mentions']): HTMLElement {
  const list = el('ul', { class: 'evidence mentions' });
  for (const m of mentions) {
    list.append(
      el(
        'li',
        {},
        m.quote ? el('blockquote', {}, quoted(m.quote)) : '',
        el(
          'p',
          { class: 'source' },
          '— ',
          articleLink(m.article) ?? m.article.title,
          ' ',
          readerLink(m.article, m.quote),
        ),
      ),
    );
  }
  return list;
}

/**
 * The side panel's content for the entity selected as `id`: its facts, Expand and Make-it-the-centre buttons, and
 * its timeline.
 */
export function entityDetails(
  id: string,
  { entity, timeline }: { entity: NonNullable<Details['entity']>; timeline: Details['timeline'] },
  actions: Pick<ExplorerActions, 'openEntity' | 'expandNode'>,
): Node[] {
  const facts = el('dl', {});
  const fact = (k: string, v: string | null | undefined) => {
    if (v) facts.append(el('dt', {}, k), el('dd', {}, v));
  };
  fact('Kind', entity.kind);
  fact('Id', entity.id);
  fact('Type', entity.type ?? entity.eventType);
  fact('Date', entity.date);
  fact('Also called', entity.aliases.join(', '));
  fact('Description', entity.description ?? entity.summary);
  const expand = el('button', { type: 'button' }, 'Expand');
  expand.addEventListener('click', () => void actions.expandNode(id));
  const center = el('button', { type: 'button' }, 'Make it the centre');
  center.addEventListener('click', () => void actions.openEntity(id));
  const strip = timelineStrip(timeline, (id) => void actions.openEntity(id));
  return [
    el('h2', {}, entity.name),
    facts,
    el('p', {}, expand, ' ', center),
    el('h3', {}, 'Timeline'),
    ...(strip ? [strip] : []),
    timeline.length ? timelineList(timeline, (id) => void actions.openEntity(id)) : el('p', {}, 'No dated events.'),
    el('h3', {}, 'Mentioned in'),
    entity.mentions.length ? mentionList(entity.mentions) : el('p', {}, 'No article names it.'),
  ];
}
