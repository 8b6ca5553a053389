// The words of the county platform's pages and of the replication link on the desk (zh-CN).
import type { ChainAlarmKind, LinkState } from './countyApi.js';

export const COUNTY_TEXT = {
  appName: '县（市）局督察平台',
  nav: { areas: '全部办案区', stats: '统计', chain: '记录核验告警', log: '查阅记录', back: '← 全部办案区' },
  areas: {
    title: '全部办案区（实时）', none: '尚无登记的工作站：用 npm run county -- enrol 登记',
    columns: {
      area: '办案区', link: '同步状态', persons: '在区人员', sessions: '讯（询）问进行中', recording: '录像', critical: '严重告警', record: '县局记录', seen: '最后联系',
    },
    recordingOk: '正常', recordingNone: '无需录像', unrecorded: (n: number) => `${n} 个房间未录像`,
    noCritical: '无', verified: '核验通过', unverified: '记录分叉或缺失', events: (n: number) => `${n} 条`,
    projection: (why: string) => `看板数据未能更新：${why}`, never: '从未联系', open: '进入',
    totals: (areas: number, persons: number, critical: number) => `${areas} 个办案区 · 在区 ${persons} 人 · 严重告警 ${critical} 条`,
  },
  stats: {
    title: '各办案区统计', range: '时间范围', from: '自', to: '至', apply: '查询',
    columns: { area: '办案区', entries: '入区', exits: '出区', stay: '平均滞留（分钟）', alarms: '告警', critical: '严重告警', breaches: '超时限', unrecorded: '未录像（分钟）' },
    total: '合计', drill: '查看该办案区统计',
  },
  chain: {
    title: '记录核验告警（记录分叉、缺口、哈希不符、记录被截短）', none: '没有告警：各工作站记录均与县局平台保存的一致',
    columns: { at: '发现时间', area: '工作站', kind: '类别', seq: '事件序号', detail: '说明' },
  },
  log: { title: '查阅记录（个人信息的读取）', columns: { at: '时间', account: '账户', action: '操作', area: '工作站', target: '内容', address: '地址' } },
  area: { readOnly: '县局督察平台 · 只读', notFound: (id: string) => `没有登记编号为 ${id} 的工作站` },
  signOut: '退出登录', live: '实时连接', offline: '实时连接已断开，正在重连…',
} as const;

export const CHAIN_ALARM_LABELS: Readonly<Record<ChainAlarmKind, string>> = {
  fork: '记录分叉', gap: '记录缺口', broken: '哈希不符（事件被改动）', shortened: '记录被截短',
};

/** 已同步 / 落后 N 条 / 未连接 / 被拒绝（原因） */
export function linkText(link: LinkState | { readonly state: 'connecting' }): string {
  switch (link.state) {
    case 'synced': return '已同步';
    case 'behind': return `落后 ${link.behind} 条`;
    case 'offline': return '未连接';
    case 'refused': return `被拒绝：${link.reason}`;
    case 'connecting': return '正在连接…';
  }
}

/** The desk's badge: 上级督察 and the link's state. */
export const deskLinkLabel = (link: LinkState | { readonly state: 'connecting' }): string => `上级督察：${linkText(link)}`;
