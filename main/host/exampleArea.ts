// The example area a station starts with when it has no configuration: enough rooms to walk a
// person through the whole workflow. Its id marks it as an example everywhere it is shown.
import type { CommandOf } from '../../common/commands.js';

export const EXAMPLE_AREA_ID = 'EXAMPLE';

export const EXAMPLE_AREA: Omit<CommandOf<'area.configure'>, 'type'> = {
  area: { id: EXAMPLE_AREA_ID, name: '示例办案区（演示）' },
  rooms: [
    { id: 'REG', name: '登记区', kind: 'registration' },
    { id: 'SEC', name: '安检室', kind: 'security_check' },
    { id: 'COL', name: '信息采集室', kind: 'collection' },
    { id: 'LOCK', name: '物品保管室', kind: 'locker' },
    { id: 'W1', name: '候问室一', kind: 'waiting', capacity: 2 },
    { id: 'W2', name: '候问室二', kind: 'waiting', capacity: 2 },
    { id: 'W3', name: '候问室三（未成年人）', kind: 'waiting', capacity: 1 },
    { id: 'INT1', name: '讯问室一', kind: 'interrogation' },
    { id: 'INT2', name: '讯问室二', kind: 'interrogation' },
    { id: 'INQ1', name: '询问室', kind: 'inquiry' },
    { id: 'MED', name: '医务室', kind: 'medical' },
    { id: 'WC', name: '卫生间', kind: 'toilet' },
  ],
  readers: [
    { id: 'RD-REG', room: 'REG', role: 'room' }, { id: 'RD-SEC', room: 'SEC', role: 'room' },
    { id: 'RD-W1', room: 'W1', role: 'room' }, { id: 'RD-W2', room: 'W2', role: 'room' },
    { id: 'RD-INT1', room: 'INT1', role: 'room' }, { id: 'RD-INQ1', room: 'INQ1', role: 'room' },
    { id: 'RD-EXIT', room: null, role: 'exit' },
  ],
  cameras: [
    { id: 'CAM-INT1', room: 'INT1' }, { id: 'CAM-INT2', room: 'INT2' }, { id: 'CAM-INQ1', room: 'INQ1' },
  ],
  officers: [
    { id: 'E001', name: '王建国', gender: 'male', tag: 'E0010001' },
    { id: 'E002', name: '李秀英', gender: 'female', tag: 'E0020002' },
    { id: 'E003', name: '赵志强', gender: 'male', tag: 'E0030003' },
  ],
};
