import { type EntityRef, PICK } from './api';
import { el } from './dom';
import { nodeLabel } from './format';
import { isStale, requestChannel } from './requests';

/** How long typing must pause before the picker asks the API: one request per pause, not per key. */
const TYPING_PAUSE_MS = 150;

/** A search-as-you-type field that picks one entity (an ARIA combobox over a listbox of hits). */
export interface EntityPicker {
  /** The picked entity's id, or '' while the text names none. */
  readonly id: string;
  /** The text typed, for a caller that resolves it itself. */
  readonly text: string;
  /** Shows an entity as picked (from the URL or an answer). */
  set(entity: EntityRef): void;
}

/** Wires `input` (role=combobox) and `listbox` into a picker; `onPick` hears each entity chosen from the list. */
export function createEntityPicker(
  input: HTMLInputElement,
  listbox: HTMLElement,
  onPick: (entity: EntityRef) => void = () => undefined,
): EntityPicker {
  const requests = requestChannel();
  let picked = '';
  let hits: EntityRef[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  function pick(hit: EntityRef): void {
    picked = hit.id;
    input.value = hit.name;
    close();
    onPick(hit);
  }

  function render(): void {
    listbox.replaceChildren(
      ...hits.map((hit, i) => {
        const option = el(
          'li',
          { role: 'option', id: `${listbox.id}-${i}`, 'aria-selected': String(i === active) },
          nodeLabel(hit),
          ' ',
          el('span', { class: `kind kind-${hit.kind}` }, hit.kind),
        );
        // On mousedown, before the input's blur closes the list.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(hit);
        });
        return option;
      }),
    );
    listbox.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listbox.id}-${active}`);
  }

  async function suggest(text: string): Promise<void> {
    try {
      hits = (await requests.latest<{ search: EntityRef[] }>(PICK, { text })).search;
      active = -1;
      render();
    } catch (err) {
      // A stale reply is dropped; a failed one leaves the list closed (the Find button reports errors).
      if (!isStale(err)) close();
    }
  }

  input.addEventListener('input', () => {
    picked = '';
    clearTimeout(timer);
    const text = input.value.trim();
    if (!/[\p{L}\p{N}]{2}/u.test(text)) {
      requests.cancel();
      hits = [];
      close();
      return;
    }
    timer = setTimeout(() => void suggest(text), TYPING_PAUSE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (listbox.hidden || hits.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + hits.length) % hits.length;
      render();
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      pick(hits[active]!);
    } else if (event.key === 'Escape') close();
  });
  input.addEventListener('blur', close);

  return {
    get id() {
      return picked;
    },
    get text() {
      return input.value.trim();
    },
    set(entity) {
      picked = entity.id;
      input.value = entity.name;
    },
  };
}
