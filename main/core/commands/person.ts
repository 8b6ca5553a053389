// Decisions about a person's stay: entry, security check, belongings, collection, care, limits,
// temporary exits and the final exit.
import type { CommandOf } from '../../../common/commands.js';
import type { CorrectionValues } from '../../../common/events.js';
import { ID_NUMBER_PROBLEM_LABELS } from '../../../common/messages.js';
import { reject, type StationRejection } from '../../../common/rejections.js';
import { parseIdNumber } from '../../../common/idNumber.js';
import { isMinorOn, localDate } from '../../../common/dates.js';
import { initialLimitHours, LEGAL_LIMITS } from '../../../common/legal.js';
import { CORRECTABLE_FIELDS, type Disposition } from '../../../common/vocab.js';
import { isBlank } from '../../../common/textLimits.js';
import type { AreaState } from '../state/model.js';
import { accept, refuse, withoutType, type DecideContext, type Decision } from './decision.js';
import { idInUse, livePerson, officer, officers, registeredPerson, tagInUse, type Found } from './lookups.js';

type CorrectionFields = CommandOf<'person.correct'>['fields'];

const ID_NUMBER_PROBLEMS = {
  format: { code: 'ID_NUMBER_FORMAT', en: 'is not 17 digits and a check character', zh: ID_NUMBER_PROBLEM_LABELS.format },
  date: { code: 'ID_NUMBER_DATE', en: 'does not hold a real date in digits 7-14', zh: ID_NUMBER_PROBLEM_LABELS.date },
  check: { code: 'ID_NUMBER_CHECK', en: 'has a wrong check character', zh: ID_NUMBER_PROBLEM_LABELS.check },
} as const;

/** An ID number checked by GB 11643, normalized (x → X). */
function idNumberOf(raw: string, field: string): Found<string> {
  const parsed = parseIdNumber(raw);
  if (parsed.ok) return { ok: true, value: parsed.facts.normalized };
  const m = ID_NUMBER_PROBLEMS[parsed.problem];
  return { ok: false, rejection: reject(m.code, { en: `idNumber ${raw} ${m.en}`, zh: `身份证号 ${raw} ${m.zh}` }, field) };
}

const tagTaken = (tag: string, field: string): StationRejection =>
  reject('DUPLICATE_TAG', { en: `tag ${tag} already in use`, zh: `腕带 ${tag} 已绑定他人` }, field);

const basisRequired = (field: string): StationRejection =>
  reject('BASIS_REQUIRED', { en: 'suspect without basis', zh: '违法犯罪嫌疑人必须填写到案方式' }, field);

export function decideEnter(state: AreaState, c: CommandOf<'person.enter'>, ctx: DecideContext): Decision {
  const p = c.person;
  if (idInUse(state, p.id)) {
    return refuse(reject('DUPLICATE_ID', { en: `id ${p.id} already in use`, zh: `编号 ${p.id} 已被使用（已出区人员的编号也不能重复使用）` }, 'person.id'));
  }
  if (p.tag && tagInUse(state, p.tag)) return refuse(tagTaken(p.tag, 'person.tag'));
  if (p.role === 'suspect' && !p.basis) return refuse(basisRequired('person.basis'));
  let idNumber = p.idNumber;
  if (idNumber !== undefined) {
    const checked = idNumberOf(idNumber, 'person.idNumber');
    if (!checked.ok) return refuse(checked.rejection);
    idNumber = checked.value;
  }
  const bad = officers(state, p.officers ?? [], 'person.officers');
  if (bad) return refuse(bad);
  const entryDate = localDate(ctx.at, ctx.offsetMinutes);
  return accept({
    type: 'person.enter',
    payload: {
      person: { ...p, idNumber }, entryDate, minor: isMinorOn(p.birthDate, entryDate), limitHours: initialLimitHours(p.basis),
    },
  });
}

/**
 * 更正: the fields named take their new values from now on, each checked as at entry. Allowed after
 * exit except for the wristband, which an exited person no longer wears.
 */
export function decideCorrect(state: AreaState, c: CommandOf<'person.correct'>): Decision {
  const found = registeredPerson(state, c.personId);
  if (!found.ok) return refuse(found.rejection);
  const p = found.value;
  // A field given as null counts as absent: the record keeps only the fields corrected.
  const fields = Object.fromEntries(Object.entries(c.fields).filter(([, v]) => v !== undefined)) as CorrectionFields;
  if (fields.tag !== undefined) {
    if (p.exited) {
      return refuse(reject('TAG_AFTER_EXIT', { en: `person ${p.id} has exited: no wristband to correct`, zh: `${p.name} 已出区，腕带已解除绑定，不能更正` }, 'fields.tag'));
    }
    if (fields.tag !== p.tag && tagInUse(state, fields.tag)) return refuse(tagTaken(fields.tag, 'fields.tag'));
  }
  if (fields.idNumber !== undefined) {
    const checked = idNumberOf(fields.idNumber, 'fields.idNumber');
    if (!checked.ok) return refuse(checked.rejection);
    fields.idNumber = checked.value;
  }
  if ((fields.role ?? p.role) === 'suspect' && !(fields.basis ?? p.basis)) return refuse(basisRequired('fields.basis'));
  if (fields.basis !== undefined && p.extended) {
    return refuse(reject('BASIS_AFTER_EXTENSION', {
      en: `basis of person ${p.id} cannot be corrected after an approved extension`,
      zh: `${p.name} 的时限已经审批延长，不能再更正到案方式`,
    }, 'fields.basis'));
  }
  if (c.reason === undefined || isBlank(c.reason)) {
    return refuse(reject('REASON_REQUIRED', { en: 'a correction needs a reason', zh: '更正须填写原因' }, 'reason'));
  }
  const approver = officer(state, c.approvedBy, 'approvedBy');
  if (!approver.ok) return refuse(approver.rejection);
  const previous: CorrectionValues = {};
  for (const key of CORRECTABLE_FIELDS) if (fields[key] !== undefined) previous[key] = p[key];
  return accept({
    type: 'person.correct',
    payload: {
      personId: p.id, fields, reason: c.reason, approvedBy: c.approvedBy, previous,
      minor: fields.birthDate === undefined ? p.minor : isMinorOn(fields.birthDate, p.entryDate),
      limitHours: fields.basis === undefined ? p.limitHours : initialLimitHours(fields.basis),
    },
  });
}

export function decideSecurityCheck(state: AreaState, c: CommandOf<'security.check'>): Decision {
  const p = livePerson(state, c.personId);
  if (!p.ok) return refuse(p.rejection);
  const bad = officers(state, c.checkers, 'checkers');
  if (bad) return refuse(bad);
  if (p.value.gender === 'female' && !c.doctor) {
    const male = c.checkers.find((id) => state.officers.get(id)?.gender !== 'female');
    if (male !== undefined) {
      return refuse(reject('FEMALE_CHECKER_REQUIRED', {
        en: `checker ${male} is not female: a female person is checked by female officers or a doctor`,
        zh: `女性人员须由女性民警或医生检查：${state.officers.get(male)?.name ?? male}（${male}）不是女性`,
      }, 'checkers'));
    }
  }
  return accept({ type: 'security.check', payload: withoutType(c) });
}

export function decideBelongings(state: AreaState, c: CommandOf<'belongings.store'>): Decision {
  const p = livePerson(state, c.personId);
  if (!p.ok) return refuse(p.rejection);
  const base = p.value.items.length;
  const itemIds = c.items.map((_, i) => `${p.value.id}-${base + i + 1}`);
  return accept({ type: 'belongings.store', payload: { ...withoutType(c), itemIds } });
}

export function decideSimplePersonEvent(
  state: AreaState,
  c: CommandOf<'info.collect'> | CommandOf<'care.meal'> | CommandOf<'care.rest'>,
): Decision {
  const p = livePerson(state, c.personId);
  if (!p.ok) return refuse(p.rejection);
  switch (c.type) {
    case 'info.collect': return accept({ type: c.type, payload: withoutType(c) });
    case 'care.meal': return accept({ type: c.type, payload: withoutType(c) });
    case 'care.rest': return accept({ type: c.type, payload: withoutType(c) });
  }
}

export function decideExtend(state: AreaState, c: CommandOf<'person.extend'>): Decision {
  const p = livePerson(state, c.personId);
  if (!p.ok) return refuse(p.rejection);
  const approver = officer(state, c.approvedBy, 'approvedBy');
  if (!approver.ok) return refuse(approver.rejection);
  const limit = p.value.basis ? LEGAL_LIMITS[p.value.basis] : null;
  if (!limit || limit.max === null || p.value.limitHours === null) {
    return refuse(reject('EXTEND_NOT_ALLOWED', { en: `the limit of person ${p.value.id} cannot be extended (basis ${p.value.basis ?? 'none'})`, zh: '该到案方式的时限不能延长' }, 'limitHours'));
  }
  if (c.limitHours > limit.max) {
    return refuse(reject('EXTEND_BEYOND_MAX', {
      en: `limitHours ${c.limitHours} is beyond the maximum ${limit.max} of basis ${p.value.basis ?? ''}`,
      zh: `延长后时限 ${c.limitHours} 小时超过法定最长 ${limit.max} 小时（${limit.law}）`,
    }, 'limitHours'));
  }
  if (c.limitHours <= p.value.limitHours) {
    return refuse(reject('EXTEND_NOT_ABOVE', {
      en: `limitHours ${c.limitHours} is not above the current limit ${p.value.limitHours}`,
      zh: `延长后时限 ${c.limitHours} 小时不大于当前时限 ${p.value.limitHours} 小时`,
    }, 'limitHours'));
  }
  return accept({ type: 'person.extend', payload: withoutType(c) });
}

export function decideTempExit(state: AreaState, c: CommandOf<'person.tempExit'>): Decision {
  const p = livePerson(state, c.personId);
  if (!p.ok) return refuse(p.rejection);
  if (p.value.tempExit) return refuse(reject('ALREADY_ON_TEMP_EXIT', { en: `person ${c.personId} is already on a temporary exit`, zh: `${p.value.name} 已临时出区，尚未返回` }, 'personId'));
  const approver = officer(state, c.approvedBy, 'approvedBy');
  if (!approver.ok) return refuse(approver.rejection);
  return accept({ type: 'person.tempExit', payload: withoutType(c) });
}

export function decideReturn(state: AreaState, c: CommandOf<'person.return'>): Decision {
  const p = livePerson(state, c.personId);
  if (!p.ok) return refuse(p.rejection);
  if (!p.value.tempExit) return refuse(reject('NOT_ON_TEMP_EXIT', { en: `person ${c.personId} is not on a temporary exit`, zh: `${p.value.name} 未临时出区，无需登记返回` }, 'personId'));
  return accept({ type: 'person.return', payload: withoutType(c) });
}

export function decideExit(state: AreaState, c: CommandOf<'person.exit'>): Decision {
  const p = livePerson(state, c.personId);
  if (!p.ok) return refuse(p.rejection);
  const person = p.value;
  if (person.activeSession) {
    return refuse(reject('EXIT_DURING_SESSION', {
      en: `person ${person.id} still has active session ${person.activeSession}`,
      zh: `${person.name} 正在讯（询）问 ${person.activeSession} 中，请先结束讯（询）问`,
    }, 'personId'));
  }
  if (c.approvedBy !== undefined) {
    const approver = officer(state, c.approvedBy, 'approvedBy');
    if (!approver.ok) return refuse(approver.rejection);
  }
  const given = new Map<string, { disposition: Disposition; note?: string }>();
  for (const [i, d] of (c.belongings ?? []).entries()) {
    if (!person.items.some((it) => it.id === d.item)) {
      return refuse(reject('UNKNOWN_ITEM', { en: `item ${d.item} is not an item of person ${person.id}`, zh: `物品 ${d.item} 不是 ${person.name} 登记的随身物品` }, `belongings.${i}.item`));
    }
    if (given.has(d.item)) return refuse(reject('ITEM_TWICE', { en: `item ${d.item} is named twice`, zh: `物品 ${d.item} 的处置填写了两次` }, `belongings.${i}.item`));
    given.set(d.item, d.note === undefined ? { disposition: d.disposition } : { disposition: d.disposition, note: d.note });
  }
  // Items not settled one by one follow belongingsReturned; without it they stay on record as not returned.
  const fallback: Disposition = c.belongingsReturned ? 'returned' : 'retained';
  const dispositions = person.items.map((it) => ({ item: it.id, ...(given.get(it.id) ?? { disposition: fallback }) }));
  return accept({ type: 'person.exit', payload: { ...withoutType(c), dispositions } });
}
