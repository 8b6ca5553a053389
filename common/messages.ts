// The zh-CN message catalogue: labels of every vocabulary and alarm, in the words desk officers
// and supervisors use (see the glossary).
import type { Basis, CorrectableField, Destination, Disposition, Gender, PersonRole, RoomKind, SessionKind } from './vocab.js';
import type { RecordingState, Role } from './views.js';
import type { EventType } from './events.js';
import type { IdNumberProblem } from './idNumber.js';

export const ROOM_KIND_LABELS: Record<RoomKind, string> = {
  registration: '登记区', security_check: '安检室', collection: '信息采集室', waiting: '候问室',
  interrogation: '讯问室', inquiry: '询问室', identification: '辨认室', locker: '物品保管室',
  medical: '医务室', toilet: '卫生间', corridor: '通道',
};

export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

export const ROLE_LABELS: Record<PersonRole, string> = {
  suspect: '违法犯罪嫌疑人', witness: '证人', victim: '被害人', other: '其他人员',
};

/** Short role names for tight places (room tiles). */
export const ROLE_SHORT_LABELS: Record<PersonRole, string> = { suspect: '嫌疑人', witness: '证人', victim: '被害人', other: '其他' };

export const BASIS_LABELS: Record<Basis, string> = {
  criminal_summons: '传唤（刑事）', compelled_appearance: '拘传', admin_summons: '传唤（治安）/询问查证',
  interrogation_stop: '继续盘问', criminal_detention: '刑事拘留（待送押）', voluntary: '主动到案/其他',
};

export const DESTINATION_LABELS: Record<Destination, string> = {
  released: '释放', detention_center: '送看守所', administrative_detention: '送拘留所', bail: '取保候审',
  residential_surveillance: '监视居住', transferred: '移交', hospital: '送医', other: '其他',
};

export const SESSION_KIND_LABELS: Record<SessionKind, string> = { interrogation: '讯问', inquiry: '询问', identification: '辨认' };

export const DISPOSITION_LABELS: Record<Disposition, string> = { returned: '已返还', transferred: '已移交', retained: '未返还（扣押/暂存）' };

export const COLLECTION_LABELS: Record<string, string> = {
  fingerprint: '指纹', dna: 'DNA', portrait: '人像', urine: '尿检', blood: '血样', voiceprint: '声纹', iris: '虹膜', footprint: '足迹',
};

// Labels of the read models the desk shows.

export const RECORDING_LABELS: Record<RecordingState, string> = {
  recorded: '录像中', not_recorded: '未录像', offline: '摄像机离线', no_camera: '无摄像机', no_recorder: '录像程序缺失',
};

export const ACCOUNT_ROLE_LABELS: Record<Role, string> = { desk: '登记民警', operator: '讯问室操作员', supervisor: '督察/法制', admin: '管理员' };

export const PERSON_STATUS_LABELS: Record<'in' | 'temp_exit' | 'exited', string> = { in: '在区', temp_exit: '临时出区', exited: '已出区' };

/** 身份证件种类 offered at entry; only 居民身份证 numbers are checked against GB 11643. */
export const ID_TYPES = ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'other', 'none'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident_id: '居民身份证', passport: '护照', hk_macao_permit: '港澳居民来往内地通行证', taiwan_permit: '台湾居民来往大陆通行证',
  other: '其他证件', none: '无证件（身份不明）',
};

/** The same words as the core's refusal of an ID number (main/core/commands/person.ts). */
export const ID_NUMBER_PROBLEM_LABELS: Record<IdNumberProblem, string> = {
  format: '应为 17 位数字加 1 位校验码（数字或 X）',
  date: '第 7–14 位不是有效的出生日期',
  check: '校验码错误（GB 11643）',
};

export const EVENT_LABELS: Record<EventType, string> = {
  'area.configure': '配置办案区', 'area.settings': '修改告警设置', 'officer.register': '登记民警',
  'person.enter': '入区登记', 'security.check': '人身安全检查', 'belongings.store': '随身物品登记',
  'info.collect': '信息采集', 'tag.read': '腕带读卡', 'person.move': '位置变更', 'session.start': '开始讯（询）问',
  'session.join': '加入讯（询）问', 'session.leave': '离开讯（询）问', 'session.end': '结束讯（询）问',
  'camera.status': '摄像机状态', 'device.status': '设备状态', 'care.meal': '饮食', 'care.rest': '休息',
  'person.extend': '延长时限', 'person.correct': '更正登记信息', 'area.update': '变更办案区设置', 'person.tempExit': '临时出区', 'person.return': '临时出区返回', 'person.exit': '出区',
  'alarm.raised': '告警', 'alarm.resolved': '告警解除', 'alarm.ack': '告警确认',
  'recording.segment': '录像片段', 'storage.status': '录像存储空间',
  'clock.jump': '时钟异常', 'clock.adjust': '工作站时间校准', 'clock.ack': '时钟异常确认', 'record.restore': '从备份恢复记录',
  'evidence.export': '录像证据导出',
};

/** The fields a correction (更正) may name, as the registration form calls them. */
export const CORRECTION_FIELD_LABELS: Record<CorrectableField, string> = {
  name: '姓名', gender: '性别', birthDate: '出生日期', idNumber: '身份证号', role: '人员类别', caseNo: '案件编号', basis: '到案方式', tag: '腕带',
};

/** A corrected field's value in the desk's words (codes of a vocabulary become their labels); null: none recorded. */
export function correctionValueLabel(field: CorrectableField, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '（无）';
  switch (field) {
    case 'gender': return GENDER_LABELS[value as Gender] ?? value;
    case 'role': return ROLE_LABELS[value as PersonRole] ?? value;
    case 'basis': return BASIS_LABELS[value as Basis] ?? value;
    case 'name': case 'birthDate': case 'idNumber': case 'caseNo': case 'tag':
      return value;
  }
}
