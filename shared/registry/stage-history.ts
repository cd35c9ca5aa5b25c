/**
 * Who held a stage over time: the input for rollbacks.
 */
import type { ModelIndex } from './model-index.js';
import type { RegistryEvent } from './types.js';

/** One change of holder. */
export interface HolderChange {
  /** The new holder, or null when the stage became empty. */
  version: string | null;
  /** The event that caused the change. */
  event: RegistryEvent;
}

/** Replays the model's events and lists every change of `stage`'s holder, oldest first. */
export function stageTimeline(model: ModelIndex, stage: string): HolderChange[] {
  const active = new Map<string, boolean>();
  const slots = new Map<string, { active: boolean; order: number }>();
  const changes: HolderChange[] = [];
  let holder: string | null = null;
  model.events.forEach((event, order) => {
    if (event.action === 'register' || event.action === 'deregister') {
      active.set(event.version!, event.action === 'register');
    } else if ((event.action === 'assign' || event.action === 'unassign') && event.stage === stage) {
      const slot = slots.get(event.version!);
      if (event.action === 'assign') slots.set(event.version!, { active: true, order });
      else if (slot) slot.active = false;
    } else {
      return;
    }
    let next: string | null = null;
    let best = -1;
    for (const [version, slot] of slots) {
      // Commit-only versions have no registration events and count as active.
      if (slot.active && active.get(version) !== false && slot.order > best) {
        best = slot.order;
        next = version;
      }
    }
    if (next !== holder) {
      holder = next;
      changes.push({ version: next, event });
    }
  });
  return changes;
}
