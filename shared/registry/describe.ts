/**
 * Events in words, the way GTO prints them (`gto check-ref`, `gto history`).
 */
import type { RegistryEvent } from './types.js';

/** GTO's sentence for an event, e.g. `Stage "production" was assigned to version "v1.2.4" of artifact "rf"`. */
export function describeEvent(event: Pick<RegistryEvent, 'action' | 'model' | 'version' | 'stage'>): string {
  const artifact = `artifact "${event.model}"`;
  switch (event.action) {
    case 'register':
      return `Version "${event.version}" of ${artifact} was registered`;
    case 'deregister':
      return `Version "${event.version}" of ${artifact} was deregistered`;
    case 'assign':
      return `Stage "${event.stage}" was assigned to version "${event.version}" of ${artifact}`;
    case 'unassign':
      return `Stage "${event.stage}" was unassigned from version "${event.version}" of ${artifact}`;
    case 'deprecate':
      return `Artifact "${event.model}" was deprecated`;
    case 'create':
      return `Artifact "${event.model}" was created`;
  }
}
