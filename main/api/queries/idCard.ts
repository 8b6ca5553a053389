// The card on the desk's ID-card reader, as the entry form receives it: flagged when it has
// expired, and naming the person in the area who already holds its ID number (the form refuses
// to register anyone else with it).
import { cardExpired, type DeskIdCardView, type PersonPhotos } from '../../../common/idCard.js';
import type { Db } from '../../core/store/db.js';
import type { PhotoStore } from '../../host/photoStore.js';
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
  return { ...base, read: { seq: read.seq, at: read.at, card: read.card, expired: cardExpired(read.card, today), inArea, photoSha256: read.photoSha256 } };
}

/** A registration from the card keeps the card's photo as read (WLT) beside the record. */
export function keepCardPhoto(host: Pick<StationHost, 'idCards' | 'photos' | 'log'>, sha: string | undefined): void {
  if (!sha) return;
  const photo = host.idCards?.photoOf(sha);
  if (!photo) {
    host.log('idcard: the card photo of a registration from the card was no longer on offer; its hash is on the record only');
    return;
  }
  host.photos.save(photo, 'wlt');
}

export function personPhotos(db: Db, photos: PhotoStore, id: string): PersonPhotos {
  const row = db.prepare('SELECT details FROM custody_records WHERE person_id = ?').get(id) as { details: string } | undefined;
  const details = row ? (JSON.parse(row.details) as Record<string, unknown>) : {};
  const sha = typeof details.photoSha256 === 'string' ? details.photoSha256 : null;
  const cardSha = typeof details.cardPhotoSha256 === 'string' ? details.cardPhotoSha256 : null;
  const photo = sha ? photos.read(sha, ['jpeg', 'png']) : null;
  const card = cardSha ? photos.read(cardSha, ['wlt']) : null;
  return {
    photo: sha && photo ? { sha256: sha, dataUrl: `data:image/${photo.kind};base64,${photo.bytes.toString('base64')}`, intact: photo.intact } : null,
    cardPhoto: cardSha ? { sha256: cardSha, intact: card?.intact ?? false } : null,
  };
}
