// What a resident ID card (居民身份证) says, as the card reader hands it to the station and the
// desk. The reader's bytes are decoded in hardware/idcard; this is the one shape of the result.
import type { Gender } from './vocab.js';

/** The card's "valid until" for a card without an end date. */
export const NO_END = '长期';

export interface IdCard {
  readonly name: string;
  readonly gender: Gender;
  /** GB/T 3304 code, two digits ("01"). */
  readonly nation: string;
  /** The nation's name as the card prints it ("汉"). */
  readonly nationName: string;
  /** YYYY-MM-DD. */
  readonly birthDate: string;
  readonly address: string;
  /** 18 characters, the last a digit or X. */
  readonly idNumber: string;
  /** 签发机关. */
  readonly authority: string;
  /** YYYY-MM-DD. */
  readonly validFrom: string;
  /** YYYY-MM-DD, or 长期. */
  readonly validUntil: string;
}

/** Whether the card's validity has run out before `today` (YYYY-MM-DD): the last valid day is validUntil itself. */
export function cardExpired(card: Pick<IdCard, 'validUntil'>, today: string): boolean {
  return card.validUntil !== NO_END && card.validUntil < today;
}

/**
 * The entry form's fields a card can fill; the record names those that kept the card's value.
 * The card's 住址 is the registered residence: it fills 户籍地 (`household`), not 现住址.
 */
export const CARD_FIELDS = ['name', 'gender', 'birthDate', 'idNumber', 'household', 'nation'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

/** A card read at the desk, as the station offers it to the entry form. */
export interface IdCardReadView {
  /** Counts the cards read since the station started: the form asks for cards after one it knows. */
  readonly seq: number;
  readonly at: number;
  readonly card: IdCard;
  /** validUntil is before today (station's local date): flagged, not refused. */
  readonly expired: boolean;
  /** The person in the area who holds this ID number: the card cannot register anyone else. */
  readonly inArea: { readonly id: string; readonly name: string } | null;
  /** SHA-256 of the card's photo as read (WLT): a registration from the card records it, and the station keeps the photo. */
  readonly photoSha256: string;
}

/** A person's photos as the record names them: the registration photo shown as an image, the card's WLT by its hash. */
export interface PersonPhotos {
  readonly photo: { readonly sha256: string; readonly dataUrl: string; readonly intact: boolean } | null;
  readonly cardPhoto: { readonly sha256: string; readonly intact: boolean } | null;
}

export interface DeskIdCardView {
  /** Whether the station has an ID-card reader (`idCardReader` in its settings, set on 办案区设置). */
  readonly configured: boolean;
  readonly online: boolean;
  /** The seq of the last card read (0: none yet); the next call's `after`. */
  readonly seq: number;
  /** The last card read, if it is after the `after` asked for and recent. */
  readonly read: IdCardReadView | null;
}
