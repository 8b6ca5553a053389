// The card on the desk's ID-card reader, as the entry form receives it: flagged when it has
// expired, and naming the person in the area who already holds its ID number (the form refuses
// to register anyone else with it).
import { cardExpired, type DeskIdCardView } from '../../../common/idCard.js';
import { formatDate } from '../../../common/zonedTime.js';
import type { StationHost } from '../../host/stationHost.js';

type CardSource = Pick<StationHost, 'idCards' | 'now' | 'timeZone' | 'station'>;

export async function deskIdCard(host: CardSource, after: number, waitMs: number): Promise<DeskIdCardView> {
  const service = host.idCards;
  if (!service) return { configured: false, online: false, seq: 0, read: null };
  const read = await service.next(after, waitMs);
  const base = { configured: true, online: service.isOnline, seq: service.lastSeq };
  if (!read) return { ...base, read: null };
  let inArea: { id: string; name: string } | null = null;
  for (const p of host.station.state.persons.values()) {
    if (p.exited === null && p.idNumber === read.card.idNumber) inArea = { id: p.id, name: p.name };
  }
  const today = formatDate(host.now(), host.timeZone);
  return { ...base, read: { seq: read.seq, at: read.at, card: read.card, expired: cardExpired(read.card, today), inArea } };
}
