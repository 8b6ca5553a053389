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
