import { createClient } from 'graphql-ws';
import { byId, el } from './dom';

/** What the live feed needs of the page: whether a change concerns what it shows, and how to reload that. */
export interface LiveDeps {
  /** True when one of these entity ids is on screen. */
  touches: (entityIds: string[]) => boolean;
  /** Reloads the current view from the API. */
  refresh: () => void;
}

interface ChangeEvent {
  kind: string;
  article: { id: string; title: string };
  entityIds: string[];
}

const FIELDS = 'kind article { id title } entityIds';

/**
 * Subscribes (graphql-ws, on this page's own origin and /graphql) to articles written and retracted by any
 * replica or the CLI; when one touches the entities on screen, the message bar offers to refresh the view.
 * The socket reconnects by itself; what is written while it is away is not replayed (docs/live-updates.md).
 */
export function startLive(deps: LiveDeps): () => void {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const client = createClient({ url: `${scheme}//${window.location.host}/graphql`, retryAttempts: Infinity });
  const offer = (change: ChangeEvent) => {
    if (!deps.touches(change.entityIds)) return;
    const verb = change.kind === 'RETRACTED' ? 'retracted' : change.kind === 'UPDATED' ? 'updated' : 'added';
    const button = el('button', { type: 'button', class: 'live-refresh' }, 'Refresh');
    button.addEventListener('click', () => {
      deps.refresh();
      message.textContent = '';
    });
    const message = byId('message');
    message.className = 'info';
    message.setAttribute('role', 'status');
    message.replaceChildren(`New facts: "${change.article.title}" was ${verb}. `, button);
  };
  const stops = [
    ['articleIngested', `subscription { articleIngested { ${FIELDS} } }`],
    ['articleRetracted', `subscription { articleRetracted { ${FIELDS} } }`],
  ].map(([field, query]) =>
    client.subscribe<Record<string, ChangeEvent>>(
      { query: query! },
      {
        next: (result) => {
          const change = result.data?.[field!];
          if (change) offer(change);
        },
        // Live updates are an extra: the page works without them, so a failure stays quiet.
        error: () => undefined,
        complete: () => undefined,
      },
    ),
  );
  return () => {
    stops.forEach((stop) => stop());
    void client.dispose();
  };
}
