// Decisions about a person's stay: entry, security check, belongings, collection, care, limits,
// temporary exits and the final exit.
import type { CommandOf } from '../../../common/commands.js';
import { reject } from '../../../common/rejections.js';
import { parseIdNumber } from '../../../common/idNumber.js';
import { isMinorOn, localDate } from '../../../common/dates.js';
import { initialLimitHours, LEGAL_LIMITS } from '../../../common/legal.js';
import type { Disposition } from '../../../common/vocab.js';
import type { AreaState } from '../state/model.js';
import { accept, refuse, withoutType, type DecideContext, type Decision } from './decision.js';
import { idInUse, livePerson, officer, officers, tagInUse } from './lookups.js';

const ID_NUMBER_MESSAGES = {
  format: { code: 'ID_NUMBER_FORMAT', text: '应为 17 位数字加 1 位校验码（数字或 X）' },
  date: { code: 'ID_NUMBER_DATE', text: '第 7–14 位不是有效的出生日期' },
  check: { code: 'ID_NUMBER_CHECK', text: '校验码错误（GB 11643）' },
} as const;

export function decideEnter(state: AreaState, c: CommandOf<'person.enter'>, ctx: DecideContext): Decision {
  const p = c.person;
  if (idInUse(state, p.id)) return refuse(reject('DUPLICATE_ID', `编号 ${p.id} 已被使用（已出区人员的编号也不能重复使用）`, 'person.id'));
  if (p.tag && tagInUse(state, p.tag)) return refuse(reject('DUPLICATE_TAG', `腕带 ${p.tag} 已绑定他人`, 'person.tag'));
  if (p.role === 'suspect' && !p.basis) return refuse(reject('BASIS_REQUIRED', '违法犯罪嫌疑人必须填写到案方式', 'person.basis'));
  let idNumber = p.idNumber;
  if (idNumber !== undefined) {
    const parsed = parseIdNumber(idNumber);
    if (!parsed.ok) {
      const m = ID_NUMBER_MESSAGES[parsed.problem];
      return refuse(reject(m.code, `身份证号 ${idNumber} ${m.text}`, 'person.idNumber'));
    }
    idNumber = parsed.facts.normalized;
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

export function decideSecurityCheck(state: AreaState, c: CommandOf<'security.check'>): Decision {
  const p = livePerson(state, c.personId);
  if (!p.ok) return refuse(p.rejection);
  const bad = officers(state, c.checkers, 'checkers');
  if (bad) return refuse(bad);
  if (p.value.gender === 'female' && !c.doctor) {
    const male = c.checkers.find((id) => state.officers.get(id)?.gender !== 'female');
    if (male !== undefined) {
      return refuse(reject('FEMALE_CHECKER_REQUIRED', `女性人员须由女性民警或医生检查：${state.officers.get(male)?.name ?? male}（${male}）不是女性`, 'checkers'));
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
    return refuse(reject('EXTEND_NOT_ALLOWED', '该到案方式的时限不能延长', 'limitHours'));
  }
  if (c.limitHours > limit.max) return refuse(reject('EXTEND_BEYOND_MAX', `延长后时限 ${c.limitHours} 小时超过法定最长 ${limit.max} 小时（${limit.law}）`, 'limitHours'));
  if (c.limitHours <= p.value.limitHours) return refuse(reject('EXTEND_NOT_ABOVE', `延长后时限 ${c.limitHours} 小时不大于当前时限 ${p.value.limitHours} 小时`, 'limitHours'));
  return accept({ type: 'person.extend', payload: withoutType(c) });
}

export function decideTempExit(state: AreaState, c: CommandOf<'person.tempExit'>): Decision {
  const p = livePerson(state, c.personId);
  if (!p.ok) return refuse(p.rejection);
  if (p.value.tempExit) return refuse(reject('ALREADY_ON_TEMP_EXIT', `${p.value.name} 已临时出区，尚未返回`, 'personId'));
  const approver = officer(state, c.approvedBy, 'approvedBy');
  if (!approver.ok) return refuse(approver.rejection);
  return accept({ type: 'person.tempExit', payload: withoutType(c) });
}

export function decideReturn(state: AreaState, c: CommandOf<'person.return'>): Decision {
  const p = livePerson(state, c.personId);
  if (!p.ok) return refuse(p.rejection);
  if (!p.value.tempExit) return refuse(reject('NOT_ON_TEMP_EXIT', `${p.value.name} 未临时出区，无需登记返回`, 'personId'));
  return accept({ type: 'person.return', payload: withoutType(c) });
}

export function decideExit(state: AreaState, c: CommandOf<'person.exit'>): Decision {
  const p = livePerson(state, c.personId);
  if (!p.ok) return refuse(p.rejection);
  const person = p.value;
  if (person.activeSession) return refuse(reject('EXIT_DURING_SESSION', `${person.name} 正在讯（询）问 ${person.activeSession} 中，请先结束讯（询）问`, 'personId'));
  if (c.approvedBy !== undefined) {
    const approver = officer(state, c.approvedBy, 'approvedBy');
    if (!approver.ok) return refuse(approver.rejection);
  }
  const given = new Map<string, { disposition: Disposition; note?: string }>();
  for (const [i, d] of (c.belongings ?? []).entries()) {
    if (!person.items.some((it) => it.id === d.item)) return refuse(reject('UNKNOWN_ITEM', `物品 ${d.item} 不是 ${person.name} 登记的随身物品`, `belongings.${i}.item`));
    if (given.has(d.item)) return refuse(reject('ITEM_TWICE', `物品 ${d.item} 的处置填写了两次`, `belongings.${i}.item`));
    given.set(d.item, d.note === undefined ? { disposition: d.disposition } : { disposition: d.disposition, note: d.note });
  }
  // Items not settled one by one follow belongingsReturned; without it they stay on record as not returned.
  const fallback: Disposition = c.belongingsReturned ? 'returned' : 'retained';
  const dispositions = person.items.map((it) => ({ item: it.id, ...(given.get(it.id) ?? { disposition: fallback }) }));
  return accept({ type: 'person.exit', payload: { ...withoutType(c), dispositions } });
}
