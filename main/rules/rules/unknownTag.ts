// 未登记腕带: a reader read a tag bound to nobody, and it has not been bound since.
import { everyUnknownTag, tagsTouched } from '../dependencies.js';
import type { HeldRule } from '../types.js';

export const unknownTag: HeldRule = {
  rule: 'unknown_tag',
  severity: 'warning',
  kind: 'held',
  subject: 'tag',
  graceMs: () => 0,
  holds({ state }, hold) {
    for (const tag of state.unknownTags.keys()) hold(`tag:${tag}`);
  },
  dependsOn: tagsTouched,
  every: everyUnknownTag,
  holdsFor: (state, tag) => state.unknownTags.has(tag),
};
