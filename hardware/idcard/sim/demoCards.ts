// Cards the simulator serves when none are given: made-up people with valid ID numbers
// (GB 11643 check characters), covering a long minority name, an address at the field's
// limit, 长期 validity and an X check character.
import { checkCharacter } from '../../../common/idNumber.js';
import { NO_END, type IdCard } from '../../../common/idCard.js';

const id = (first17: string): string => `${first17}${checkCharacter(first17)}`;

export const DEMO_CARDS: readonly IdCard[] = [
  {
    name: '张伟', gender: 'male', nation: '01', nationName: '汉', birthDate: '1985-03-12',
    address: '北京市朝阳区建国路88号院3号楼2单元501室', idNumber: id('11010519850312201'),
    authority: '北京市公安局朝阳分局', validFrom: '2016-05-20', validUntil: '2036-05-20',
  },
  {
    name: '阿依古丽·买买提艾力·吐尔逊江', gender: 'female', nation: '05', nationName: '维吾尔', birthDate: '1962-11-02',
    address: '新疆维吾尔自治区乌鲁木齐市天山区解放南路街道团结路社区幸福巷一百二十号', idNumber: id('65010219621102128'),
    authority: '乌鲁木齐市公安局天山区分局', validFrom: '2015-01-09', validUntil: NO_END,
  },
];
