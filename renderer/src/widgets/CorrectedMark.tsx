// 已更正 beside a value that a correction put right (the person page, the printed form, the ledger),
// so that a reader of the paper knows the value differs from the first registration.
import { T } from '../../../common/deskText.js';
import { CORRECTION_FIELD_LABELS } from '../../../common/messages.js';
import type { CorrectableField } from '../../../common/vocab.js';

export function CorrectedMark({ field, corrected }: { readonly field: CorrectableField; readonly corrected: readonly CorrectableField[] }) {
  if (!corrected.includes(field)) return null;
  return <span className="corrected-mark" title={T.correct.markTitle(CORRECTION_FIELD_LABELS[field])} data-corrected={field}>{T.correct.mark}</span>;
}
