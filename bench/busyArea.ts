// A large area for the UI bench: 40 rooms (20 waiting rooms of 15), cameras and readers, 20
// officers; and 300 persons to fill it, registered, searched and placed through real commands.
import type { ApiClient } from '../tests/e2e/stationApi.js';

export const ROOMS = 40;
export const PERSONS = 300;
const WAITING = 20;

function roomList(): { id: string; name: string; kind: string; capacity?: number }[] {
  const rooms: { id: string; name: string; kind: string; capacity?: number }[] = [
    { id: 'REG', name: '登记区', kind: 'registration' }, { id: 'SEC', name: '安检室', kind: 'security_check' },
    { id: 'COL', name: '信息采集室', kind: 'collection' }, { id: 'LOCK', name: '物品保管室', kind: 'locker' },
  ];
  for (let i = 1; i <= WAITING; i++) rooms.push({ id: `W${i}`, name: `候问室${i}`, kind: 'waiting', capacity: 16 });
  for (let i = 1; i <= 10; i++) rooms.push({ id: `INT${i}`, name: `讯问室${i}`, kind: 'interrogation' });
  for (let i = 1; i <= 4; i++) rooms.push({ id: `INQ${i}`, name: `询问室${i}`, kind: 'inquiry' });
  rooms.push({ id: 'MED', name: '医务室', kind: 'medical' }, { id: 'WC', name: '卫生间', kind: 'toilet' });
  if (rooms.length !== ROOMS) throw new Error(`bench area has ${rooms.length} rooms`);
  return rooms;
}

export function busyAreaConfig(): unknown {
  const rooms = roomList();
  const sessionRooms = rooms.filter((r) => r.kind === 'interrogation' || r.kind === 'inquiry');
  return {
    area: {
      area: { id: 'BENCH', name: '性能测试办案区' },
      rooms,
      readers: [...rooms.map((r) => ({ id: `RD-${r.id}`, room: r.id, role: 'room' })), { id: 'RD-EXIT', room: null, role: 'exit' }],
      cameras: sessionRooms.map((r) => ({ id: `CAM-${r.id}`, room: r.id })),
      officers: Array.from({ length: 20 }, (_, i) => ({ id: `E${String(i + 1).padStart(3, '0')}`, name: `民警${i + 1}`, gender: i % 3 === 0 ? 'female' : 'male' })),
    },
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '欧阳', '司马'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟'];

/** Fills the waiting rooms: men and women in alternate rooms, each person with their own case. */
export async function fillArea(api: ApiClient): Promise<void> {
  for (let i = 0; i < PERSONS; i++) {
    const room = (i % WAITING) + 1;
    const female = room % 2 === 0;
    const id = `B${String(i + 1).padStart(4, '0')}`;
    const name = `${SURNAMES[i % SURNAMES.length] ?? '王'}${GIVEN[(i * 7) % GIVEN.length] ?? '伟'}${i % 17 === 0 ? '·阿不都热合曼' : ''}`;
    const person = {
      id, name, gender: female ? 'female' : 'male', birthDate: `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`, role: 'suspect',
      basis: (['criminal_summons', 'admin_summons', 'interrogation_stop', 'criminal_detention'] as const)[i % 4], caseNo: `BENCH-${i}`,
      officers: ['E001', 'E002'],
    };
    const steps = [
      { type: 'person.enter', person },
      { type: 'security.check', personId: id, checkers: [female ? 'E001' : 'E002'] },
      { type: 'person.move', who: id, room: `W${room}` },
    ] as const;
    for (const command of steps) {
      const r = await api.call('submit', { command });
      if (!r.ok) throw new Error(`${command.type} ${id}: ${r.rejection.message}`);
    }
  }
}
