// Cards for the ID-card tests: the simulator's demo cards and a few at the edges of the format.
import { checkCharacter } from '../../common/idNumber.js';
import { NO_END, type IdCard } from '../../common/idCard.js';
import { DEMO_CARDS } from '../../hardware/idcard/sim/demoCards.js';

const id = (first17: string): string => `${first17}${checkCharacter(first17)}`;

export const [HAN_CARD, UYGHUR_CARD] = DEMO_CARDS as [IdCard, IdCard];

/** An expired card of a man from 德宏 (Dai), with a 15-character authority. */
export const EXPIRED_CARD: IdCard = {
  name: '岩温香', gender: 'male', nation: '18', nationName: '傣', birthDate: '1990-07-01',
  address: '云南省德宏傣族景颇族自治州瑞丽市姐告街道', idNumber: id('53310219900701003'),
  authority: '德宏傣族景颇族自治州公安局瑞丽', validFrom: '2008-09-01', validUntil: '2018-09-01',
};

/** A 15-character name with an X check character, of the 98 nation code. */
export const LONG_NAME_X_CARD: IdCard = {
  name: '伊丽莎白·亚历山德拉·玛丽温莎', gender: 'female', nation: '98', nationName: '外国血统中国籍人士', birthDate: '2001-02-28',
  address: '上海市浦东新区世纪大道100号', idNumber: '31011520010228100X', authority: '上海市公安局浦东分局', validFrom: '2019-03-01', validUntil: NO_END,
};
