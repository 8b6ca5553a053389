// Alarm rules, in the order of the replay contract's table (which is also the order in which
// transitions of one instant are written).
export const ALARM_RULES = [
  'unrecorded_interrogation', 'insufficient_officers', 'unaccompanied_suspect', 'missing_security_check',
  'co_suspects_together', 'mixed_gender_waiting', 'minor_with_adults', 'minor_without_guardian',
  'capacity_exceeded', 'left_without_exit', 'unknown_tag', 'time_limit_warning', 'time_limit_exceeded',
  'overstay', 'no_meal', 'temporary_exit_overdue', 'device_offline', 'storage_low',
] as const;
export type AlarmRule = (typeof ALARM_RULES)[number];

export type Severity = 'critical' | 'warning';

export const ALARM_LABELS: Record<AlarmRule, string> = {
  unrecorded_interrogation: '讯（询）问未录音录像',
  insufficient_officers: '讯（询）问民警不足二人',
  unaccompanied_suspect: '嫌疑人无人看管',
  missing_security_check: '未安检进入功能室',
  co_suspects_together: '同案人员同室',
  mixed_gender_waiting: '男女混关',
  minor_with_adults: '未成年人与成年人同室',
  minor_without_guardian: '未成年人讯（询）问无合适成年人在场',
  capacity_exceeded: '超员',
  left_without_exit: '未登记离开办案区',
  unknown_tag: '未登记腕带',
  time_limit_warning: '时限即将届满',
  time_limit_exceeded: '超过法定时限',
  overstay: '滞留办案区超过24小时',
  no_meal: '未按时安排饮食',
  temporary_exit_overdue: '临时出区超时未归',
  device_offline: '设备离线',
  storage_low: '录像存储空间不足',
};

export const SEVERITY_LABELS: Record<Severity, string> = { critical: '严重', warning: '警告' };

/** The disk the recordings are written to, the device of storage alarms (device:storage). */
export const STORAGE_DEVICE = 'storage';

/** Subjects are written kind:id (person:P1, room:R1, session:S1, device:D1, tag:T1). */
export type SubjectKind = 'person' | 'room' | 'session' | 'device' | 'tag';
export function parseSubject(subject: string): { kind: SubjectKind; id: string } | null {
  const i = subject.indexOf(':');
  const kind = subject.slice(0, i);
  if (i < 0 || !['person', 'room', 'session', 'device', 'tag'].includes(kind)) return null;
  return { kind: kind as SubjectKind, id: subject.slice(i + 1) };
}
