import { el } from './dom';
import { loadEvidence } from './evidence';
import { degrees, nameOf } from './graph-data';
import { groupLabel, isGroupId, type NodeGroup } from './graph-groups';
import { quoted } from './format';
import { isStale, requestChannel } from './requests';
import type { ExplorerState } from './state';

/** How long the pointer rests on an edge before its quote is asked for (a pass over the graph asks nothing). */
const QUOTE_DELAY_MS = 250;

/**
 * The graph's hover tooltip: a node's name, kind and relationship count; an edge's relationship and its first
 * quote with the article. It only repeats what a click shows in the side panel (and the keyboard list lists),
 * so it is a shortcut for the pointer, never the only way to the information.
 */
export function createTooltip(
  tip: HTMLElement,
  graphBox: HTMLElement,
  state: ExplorerState,
  group: (id: string) => NodeGroup | undefined,
) {
  const requests = requestChannel();
  let current: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function hide(): void {
    current = null;
    clearTimeout(timer);
    requests.cancel();
    tip.hidden = true;
  }

  function place(x: number, y: number): void {
    // The pointer's place is in the graph's pixels; the tip sits in the graph area around it.
    tip.style.left = `${Math.round(graphBox.offsetLeft + x + 12)}px`;
    tip.style.top = `${Math.round(graphBox.offsetTop + y + 12)}px`;
    tip.hidden = false;
  }

  function nodeTip(id: string): Node[] {
    const g = isGroupId(id) ? group(id) : undefined;
    if (g)
      return [
        el('strong', {}, groupLabel(g)),
        el('div', {}, `of ${nameOf(state.graph, g.entity)}; click to list them`),
      ];
    const n = state.graph.nodes.get(id);
    if (!n) return [];
    const count = degrees(state.graph).get(id) ?? 0;
    return [
      el('strong', {}, n.name),
      el('div', {}, `${n.kind}${n.date ? `, ${n.date}` : ''} · ${count} relationship${count === 1 ? '' : 's'} loaded`),
    ];
  }

  function edgeTip(id: string): void {
    const e = state.graph.edges.get(id);
    if (!e) return;
    const head = el('strong', {}, `${nameOf(state.graph, e.from)} ${e.type} ${nameOf(state.graph, e.to)}`);
    const quote = el('div', { class: 'tip-quote' }, e.evidence ? '' : 'Loading the quote…');
    tip.replaceChildren(head, quote);
    const showQuote = () => {
      const first = e.evidence?.[0];
      quote.replaceChildren(
        first ? el('span', {}, quoted(first.quote), el('br'), `— ${first.article.title}`) : el('span', {}, 'No quote.'),
      );
      if ((e.evidence?.length ?? 0) > 1) quote.append(` (+${e.evidence!.length - 1} more; click for all)`);
    };
    if (e.evidence) return showQuote();
    timer = setTimeout(() => {
      loadEvidence(e, requests).then(
        () => current === id && showQuote(),
        (err: unknown) => {
          if (current === id && !isStale(err)) quote.textContent = 'The quote could not be loaded; click the edge.';
        },
      );
    }, QUOTE_DELAY_MS);
  }

  /** Shows the tooltip of the element under the pointer, or hides it (null). */
  function hover(target: { id: string; group: 'nodes' | 'edges'; x: number; y: number } | null): void {
    hide();
    if (!target) return;
    current = target.id;
    if (target.group === 'nodes') tip.replaceChildren(...nodeTip(target.id));
    else edgeTip(target.id);
    if (tip.childNodes.length) place(target.x, target.y);
  }

  return { hover };
}
