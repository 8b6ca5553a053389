// What the desk says about the resident ID-card reader and the cards read on it.
import { CARD_FIELDS, type CardField } from './idCard.js';

export const CARD_FIELD_LABELS: Readonly<Record<CardField, string>> = {
  name: '姓名', gender: '性别', birthDate: '出生日期', idNumber: '身份证号', household: '户籍地', nation: '民族',
};

export const ID_CARD_TEXT = {
  nation: '民族',
  waiting: '身份证读卡器已就绪：放上居民身份证即可自动填写',
  offline: '身份证读卡器未连接：请检查读卡器，或手工填写',
  read: (name: string) => `已读取 ${name} 的居民身份证`,
  fromCard: (fields: readonly CardField[]) => `读自身份证：${CARD_FIELDS.filter((f) => fields.includes(f)).map((f) => CARD_FIELD_LABELS[f]).join('、')}`,
  noneKept: '读自身份证的内容均已改动',
  expired: (until: string) => `证件已过期（有效期至 ${until}）：可以登记，请核实身份`,
  inArea: (name: string, id: string) => `该身份证的持有人 ${name}（${id}）仍在办案区内，不能再次登记`,
  openPerson: '查看该人员',
  markedFromCard: '读自身份证',
};

export const PHOTO_TEXT = {
  label: '登记照片',
  fromCamera: (room: string, camera: string) => `用${room}摄像机（${camera}）拍照`,
  fromWebcam: '用本机摄像头拍照',
  take: '拍照',
  cancel: '取消',
  retake: '重拍',
  taking: '正在拍照…',
  alt: (name: string) => `${name || '登记人员'}的登记照片`,
  none: '未拍照（可用登记室摄像机或本机摄像头拍照）',
  stored: (sha: string) => `已保存（SHA-256 ${sha.slice(0, 12)}…）`,
  noWebcam: '无法打开本机摄像头：',
  notIntact: '照片文件与记录中的哈希不符，可能已被改动',
  cardPhoto: (sha: string, intact: boolean) => `身份证照片（WLT 原始数据）SHA-256 ${sha.slice(0, 12)}…${intact ? '' : '（文件缺失或已被改动）'}`,
};
