// The entry form's state and the person.enter command it becomes.
import type { CommandInput } from '../../../../common/api.js';
import { CARD_FIELDS, type CardField, type IdCard, type IdCardReadView } from '../../../../common/idCard.js';
import { ID_TYPE_LABELS, type IdType } from '../../../../common/messages.js';
import { parseIdNumber } from '../../../../common/idNumber.js';
import { normalizeDate } from '../../format/wallInput.js';
import type { Basis, Gender, PersonRole } from '../../../../common/vocab.js';

export interface EntryDraft {
  readonly name: string; readonly idType: IdType; readonly idNumber: string;
  readonly gender: Gender | ''; readonly birthDate: string; readonly role: PersonRole | '';
  readonly caseNo: string; readonly alarmNo: string; readonly caseCause: string; readonly basis: Basis | '';
  readonly officer1: string; readonly officer2: string; readonly tag: string;
  readonly phone: string; readonly household: string; readonly address: string; readonly unit: string; readonly note: string;
  readonly nation: string;
  /** The resident ID card the form was filled from, and whether it had expired (flagged, not refused). */
  readonly card: IdCard | null; readonly cardExpired: boolean; readonly cardPhotoSha256: string;
  /** 登记照片, once taken and stored by the station. */
  readonly photo: { readonly sha256: string; readonly dataUrl: string } | null;
}

export const EMPTY_DRAFT: EntryDraft = {
  name: '', idType: 'resident_id', idNumber: '', gender: '', birthDate: '', role: '', caseNo: '', alarmNo: '', caseCause: '', basis: '',
  officer1: '', officer2: '', tag: '', phone: '', household: '', address: '', unit: '', note: '',
  nation: '', card: null, cardExpired: false, cardPhotoSha256: '', photo: null,
};

/** The form filled from a card: its identity fields (the card's 住址 is the registered residence, 户籍地). */
export function fillFromCard(d: EntryDraft, read: IdCardReadView): EntryDraft {
  const c = read.card;
  return {
    ...d, name: c.name, idType: 'resident_id', idNumber: c.idNumber, gender: c.gender, birthDate: c.birthDate,
    household: c.address, nation: c.nationName, card: c, cardExpired: read.expired, cardPhotoSha256: read.photoSha256,
  };
}

/** The fields that still hold what the card says (an officer may have put one right). */
export function cardFieldsKept(d: EntryDraft): CardField[] {
  const c = d.card;
  if (!c) return [];
  const identity = identityOf(d);
  const same: Record<CardField, boolean> = {
    name: d.name.trim() === c.name, gender: identity.gender === c.gender, birthDate: identity.birthDate === c.birthDate,
    idNumber: d.idType === 'resident_id' && d.idNumber.trim().toUpperCase() === c.idNumber,
    household: d.household.trim() === c.address, nation: d.nation.trim() === c.nationName,
  };
  return CARD_FIELDS.filter((f) => same[f]);
}

/** Gender and birth date as the form stands: from a valid ID number when there is one. */
export function identityOf(d: EntryDraft): { readonly gender: Gender | ''; readonly birthDate: string; readonly fromId: boolean } {
  if (d.idType === 'resident_id') {
    const parsed = parseIdNumber(d.idNumber.trim());
    if (parsed.ok) return { gender: parsed.facts.gender, birthDate: parsed.facts.birthDate, fromId: true };
  }
  return { gender: d.gender, birthDate: normalizeDate(d.birthDate) ?? d.birthDate.trim(), fromId: false };
}

const given = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** What the record keeps of a registration from the card: the fields that kept its values, and its validity. */
function cardDetails(d: EntryDraft): { fromCard?: string; cardValidUntil?: string; cardPhotoSha256?: string } {
  const kept = cardFieldsKept(d);
  if (!d.card || kept.length === 0) return {};
  return { fromCard: kept.join(','), cardValidUntil: d.card.validUntil, cardPhotoSha256: d.cardPhotoSha256 || undefined };
}

/**
 * The command. Empty optional fields are left out; what the form cannot fill (gender, birth date,
 * role) is sent as typed, so that the station names what is missing in its own words.
 */
export function entryCommand(d: EntryDraft, id: string): CommandInput {
  const identity = identityOf(d);
  const details = Object.fromEntries(Object.entries({
    idType: ID_TYPE_LABELS[d.idType], documentNumber: d.idType === 'resident_id' ? undefined : given(d.idNumber), phone: given(d.phone), household: given(d.household), address: given(d.address),
    alarmNo: given(d.alarmNo), caseCause: given(d.caseCause), unit: given(d.unit), note: given(d.note), nation: given(d.nation),
    photoSha256: d.photo?.sha256, ...cardDetails(d),
  }).filter(([, v]) => v !== undefined));
  const officers = [d.officer1, d.officer2].filter((o) => o !== '');
  const person = {
    id, name: d.name.trim(), gender: identity.gender || undefined, birthDate: identity.birthDate || undefined,
    idNumber: d.idType === 'resident_id' ? given(d.idNumber) : undefined, role: d.role || undefined,
    caseNo: given(d.caseNo), basis: d.basis || undefined, tag: given(d.tag), officers, details,
  };
  return { type: 'person.enter', person: Object.fromEntries(Object.entries(person).filter(([, v]) => v !== undefined)) };
}
