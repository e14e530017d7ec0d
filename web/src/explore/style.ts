import type { Kind } from './api';

/** How each kind of entity is drawn; the legend is built from the same table. */
export const KIND_STYLE: Record<Kind, { color: string; shape: string; label: string }> = {
  PERSON: { color: '#2b6cb0', shape: 'ellipse', label: 'Person' },
  AGENCY: { color: '#c53030', shape: 'round-rectangle', label: 'Agency' },
  ORGANIZATION: { color: '#dd6b20', shape: 'hexagon', label: 'Organization' },
  JURISDICTION: { color: '#2f855a', shape: 'diamond', label: 'Jurisdiction' },
  PROGRAM: { color: '#6b46c1', shape: 'rectangle', label: 'Program' },
  EVENT: { color: '#b7791f', shape: 'triangle', label: 'Event' },
};
