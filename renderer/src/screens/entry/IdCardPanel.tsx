// The ID card at 入区登记: whether the desk's reader is ready, the card just read (flagged when
// expired), which fields still hold what the card says, or why a card was refused.
import { useCallback, useState } from 'react';
import type { IdCardReadView } from '../../../../common/idCard.js';
import { ID_CARD_TEXT } from '../../../../common/idCardText.js';
import { routeHref } from '../../router/route.js';
import { cardFieldsKept, type EntryDraft } from './draft.js';
import { useDeskIdCard } from './useDeskIdCard.js';

interface Props {
  readonly draft: EntryDraft;
  /** A card that may register someone: fill the form from it. */
  readonly onCard: (read: IdCardReadView) => void;
}

export function IdCardPanel({ draft, onCard }: Props) {
  const [refused, setRefused] = useState<IdCardReadView | null>(null);
  const take = useCallback((read: IdCardReadView) => {
    if (read.inArea) {
      setRefused(read);
      return;
    }
    setRefused(null);
    onCard(read);
  }, [onCard]);
  const reader = useDeskIdCard(take);
  if (reader.configured !== true) return null;

  const card = draft.card;
  const kept = cardFieldsKept(draft);
  return (
    <div className="idcard-panel" data-idcard-panel role="status">
      {refused?.inArea ? (
        <p className="hint-bad" data-idcard-refused={refused.inArea.id}>
          {ID_CARD_TEXT.inArea(refused.inArea.name, refused.inArea.id)}{' '}
          <a href={routeHref({ name: 'person', id: refused.inArea.id })}>{ID_CARD_TEXT.openPerson}</a>
        </p>
      ) : card ? (
        <p data-idcard-read>
          <strong>{ID_CARD_TEXT.read(card.name)}</strong>
          {' · '}
          <span data-idcard-fields={kept.join(',')}>{kept.length > 0 ? ID_CARD_TEXT.fromCard(kept) : ID_CARD_TEXT.noneKept}</span>
          {draft.cardExpired && <strong className="hint-bad" data-idcard-expired> · {ID_CARD_TEXT.expired(card.validUntil)}</strong>}
        </p>
      ) : (
        <p className={reader.online ? 'hint-ok' : 'hint-bad'} data-idcard-ready={reader.online}>{reader.online ? ID_CARD_TEXT.waiting : ID_CARD_TEXT.offline}</p>
      )}
    </div>
  );
}
