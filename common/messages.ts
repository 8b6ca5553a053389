// The zh-CN message catalogue: labels of every vocabulary and alarm, in the words desk officers
// and supervisors use (see the glossary).
import type { Basis, CareKind, Destination, Disposition, Gender, PersonRole, RoomKind, SessionKind } from './vocab.js';

export const ROOM_KIND_LABELS: Record<RoomKind, string> = {
  registration: '登记区', security_check: '安检室', collection: '信息采集室', waiting: '候问室',
  interrogation: '讯问室', inquiry: '询问室', identification: '辨认室', locker: '物品保管室',
  medical: '医务室', toilet: '卫生间', corridor: '通道',
};

export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

export const ROLE_LABELS: Record<PersonRole, string> = {
  suspect: '违法犯罪嫌疑人', witness: '证人', victim: '被害人', other: '其他人员',
};

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

export const CARE_LABELS: Record<CareKind, string> = { meal: '饮食', water: '饮水', rest: '休息', medical: '就医', toilet: '如厕' };

export const COLLECTION_LABELS: Record<string, string> = {
  fingerprint: '指纹', dna: 'DNA', portrait: '人像', urine: '尿检', blood: '血样', voiceprint: '声纹', iris: '虹膜', footprint: '足迹',
};
