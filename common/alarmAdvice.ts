// What to do about each alarm (处置建议) and the notes desk officers most often write when they
// acknowledge it. One catalogue for the desk's dialogs and the alarm screen; the note itself is
// always the officer's own words (a suggestion only fills the field, it can be edited).
import type { AlarmRule } from './alarms.js';

export interface AlarmAdvice {
  /** What the officer should do now, in one or two sentences. */
  readonly advice: string;
  /** Notes offered in the acknowledgement dialog, most common first. */
  readonly notes: readonly string[];
}

export const ALARM_ADVICE: Readonly<Record<AlarmRule, AlarmAdvice>> = {
  unrecorded_interrogation: {
    advice: '立即暂停讯（询）问，检查本室摄像机与录像程序，恢复录音录像后再继续；无法恢复的，如实记录中断时段并报告值班领导。',
    notes: ['已暂停讯问，摄像机恢复录像后继续', '摄像机故障，已报修并改在其他讯问室进行', '录像中断时段已记录并报告值班领导'],
  },
  insufficient_officers: {
    advice: '讯（询）问须有两名以上民警在场：安排第二名民警进入，或暂停讯（询）问。',
    notes: ['第二名民警已到场', '已暂停讯问，待第二名民警到场后继续'],
  },
  unaccompanied_suspect: {
    advice: '立即安排民警到该房间看管；确认人员仍在房间内。',
    notes: ['已安排民警到场看管', '人员已带回候问室由民警看管'],
  },
  missing_security_check: {
    advice: '将人员带回安检室补做人身安全检查，并在系统中登记检查结果。',
    notes: ['已带回安检室补做人身安全检查', '已补做检查并登记'],
  },
  co_suspects_together: {
    advice: '同案人员不得同室：将其中一人移至其他候问室或讯问室。',
    notes: ['已将同案人员分开关押', '已移至其他候问室'],
  },
  mixed_gender_waiting: {
    advice: '男女不得混关：将其中一方移至其他候问室。',
    notes: ['已将男女分开候问', '已移至其他候问室'],
  },
  minor_with_adults: {
    advice: '未成年人应与成年人分开：移至未成年人候问室或单独房间。',
    notes: ['已将未成年人移至单独房间', '已移至未成年人候问室'],
  },
  minor_without_guardian: {
    advice: '通知法定代理人或其他合适成年人到场；到场前暂停讯（询）问，到场后在讯（询）问中登记其姓名。',
    notes: ['已暂停讯问，法定代理人到场后继续', '合适成年人已到场并登记'],
  },
  capacity_exceeded: {
    advice: '将超出人员移至其他空闲房间。',
    notes: ['已将部分人员移至其他房间'],
  },
  left_without_exit: {
    advice: '立即核实人员去向：查看监控、通知值班民警；人员确已离开的，按出区或临时出区补办手续并报告。',
    notes: ['已核实，人员仍在办案区内（读卡误报）', '人员经批准临时出区，已补办手续', '已报告值班领导并组织查找'],
  },
  unknown_tag: {
    advice: '核实该腕带：是否为新人员未登记、腕带丢失或他人误带；必要时收回腕带。',
    notes: ['为新人员腕带，已登记入区', '已收回遗失腕带', '读卡误报，已核实'],
  },
  time_limit_warning: {
    advice: '法定时限即将届满：尽快结束讯（询）问并作出处理决定，或依法办理延长审批。',
    notes: ['已报请延长时限', '即将办理出区', '已通知办案民警'],
  },
  time_limit_exceeded: {
    advice: '已超过法定时限：立即办理出区（释放或送押），并向法制部门报告超时原因。',
    notes: ['已办理出区并报告超时原因', '已报告法制部门'],
  },
  overstay: {
    advice: '在办案区滞留已超过 24 小时：尽快送押、释放或移交，并报告值班领导。',
    notes: ['已报告值班领导，正在办理送押', '即将办理出区'],
  },
  no_meal: {
    advice: '为人员安排饮食（或饮水），并在系统中登记。',
    notes: ['已安排就餐', '本人拒绝进食，已记录', '已提供饮水'],
  },
  temporary_exit_overdue: {
    advice: '联系带离民警核实情况：人员已返回的登记返回，未返回的报告值班领导。',
    notes: ['已联系带离民警，预计稍后返回', '人员已返回，已登记', '已报告值班领导'],
  },
  device_offline: {
    advice: '检查设备电源与网络连接；设备恢复前，以人工方式登记人员位置。',
    notes: ['已通知技术人员检修', '设备已恢复在线', '已改为人工登记位置'],
  },
  storage_low: {
    advice: '录像存储空间不足：通知技术人员清理或扩容，避免录像中断。',
    notes: ['已通知技术人员处理', '已清理过期录像'],
  },
};
