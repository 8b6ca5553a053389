// The words of the recording pages (zh-CN): live view (实时画面), the video wall (视频墙), playback
// (录像回放), evidence export (证据导出) and the viewing log (观看记录). The desk's other screens
// are in deskText.ts; these are kept apart because they belong together and to nothing else.
import { SESSION_KIND_LABELS } from './messages.js';
import type { GapReason } from './recordings.js';

export const R = {
  nav: { wall: '视频墙', viewingLog: '观看记录' },
  live: {
    button: '实时画面', buttonShort: '实时', title: (camera: string, room: string) => `${room} · 摄像机 ${camera} 实时画面`,
    connecting: '正在连接摄像机…', stalled: '画面中断，正在重新连接…', playing: '实时',
    unmute: '打开声音', mute: '关闭声音', close: '关闭',
    notAllowed: '当前账户的角色无权查看实时画面（可在工作站配置 recording.liveViewRoles 中设置）',
    none: '该房间没有可查看的摄像机',
    video: (camera: string) => `摄像机 ${camera} 实时画面`,
  },
  wall: {
    title: '视频墙', intro: '需要同步录音录像的每个房间，实时画面与录像状态。',
    empty: '办案区没有需要录音录像的房间',
    pause: '停止播放', play: '播放画面', occupants: (n: number) => `在场 ${n} 人`, session: '讯（询）问进行中', openRoom: '房间详情',
    noCamera: '该房间没有摄像机',
  },
  playback: {
    title: '录像回放', button: '回放', play: '播放', pause: '暂停', speed: '倍速',
    speedLabel: (x: number) => `×${x}`,
    camera: '摄像机', loading: '正在读取录像…', ended: '已播放至末尾',
    notAllowed: '当前账户的角色无权回放录像（可在工作站配置 recording.playbackRoles 中设置）',
    noRecording: '这段时间没有录像', position: (t: string) => `当前 ${t}`,
    scale: '时间轴：点击跳转到该时刻',
    legend: { recorded: '有录像', gap: '录像缺失', changed: '录像片段被改动', pending: '录像尚未封存', sessionStart: '讯（询）问开始', sessionEnd: '讯（询）问结束' },
    gap: (from: string, to: string) => `录像缺失：${from}–${to}`,
    gapReason: { not_recording: '摄像机当时未录像或离线', missing: '记录中没有这段录像', deleted: '录像已按保留期限删除', file_missing: '录像文件不存在' },
    skipped: (from: string, to: string) => `已跳过没有录像的 ${from}–${to}`,
    refused: {
      changed: (from: string, to: string) => `录像片段被改动：${from}–${to} 的录像与记录的 SHA-256 不符，已拒绝播放`,
      missing: (from: string, to: string) => `录像缺失：${from}–${to} 的录像文件不存在，无法播放`,
      unreadable: (from: string, to: string) => `${from}–${to} 的录像无法读取，未播放`,
    },
    hashes: (expected: string, found: string) => `记录：${expected}；现在：${found}`,
    intervalOf: (room: string, from: string, to: string) => `${room} · ${from}–${to}`,
    person: (name: string) => `人员：${name}`,
  },
  session: {
    title: (kind: string) => `${kind}录像`, facts: '讯（询）问情况', person: '被讯（询）问人', room: '房间', kind: '类别', officers: '办案民警',
    adults: '合适成年人', started: '开始', ended: '结束', running: '进行中', duration: '时长', caseNo: '案件编号',
    recording: '同步录音录像', cameras: '摄像机', segments: (n: number) => `${n} 个片段`, gaps: (n: number) => `${n} 处录像缺失`,
    noGaps: '无录像缺失', open: '查看录像', notFound: (id: string) => `没有编号为 ${id} 的讯（询）问`,
  },
  evidence: {
    title: '证据导出', button: '导出录像证据', busy: '正在导出…（两小时的讯问约需半分钟）',
    intro: '每台摄像机导出一个 MP4 文件（视频原样复制，声音转为 AAC），附清单（manifest.json）与《讯（询）问同步录音录像情况说明》。导出会写入记录。',
    done: (dir: string) => `已导出到 ${dir}`, notAllowed: '只有讯（询）问操作员、督察和管理员可以导出录像证据',
    history: '导出记录', none: '尚未导出', at: '导出时间', by: '导出人', files: '文件', manifest: '清单 SHA-256',
    via: { desk: '工作站页面', cli: '命令行' },
    verifyHint: (dir: string) => `核验：npm run evidence -- verify ${dir}`,
    summary: '查看情况说明', running: '讯（询）问尚未结束，不能导出',
  },
  summary: {
    title: '讯（询）问同步录音录像情况说明',
    area: '办案区', room: '讯（询）问室', person: '被讯（询）问人', caseNo: '案件编号', kind: '讯（询）问类别', officers: '办案民警',
    adults: '合适成年人', start: '开始时间', end: '结束时间', duration: '讯（询）问时长', cameras: '录像', camera: '摄像机', file: '文件',
    fileHash: '文件 SHA-256', sourceSegments: '源录像片段', segmentRange: '录制时间', segmentHash: 'SHA-256',
    gaps: '录像缺失', noGaps: '全程无录像缺失', changed: '被改动的录像片段（未导出）',
    record: '记录链头', exportedAt: '导出时间', exportedBy: '导出人', manifest: '清单 SHA-256',
    statement: '以上录像自讯（询）问开始至结束同步录制，由办案区管控工作站按记录的 SHA-256 校验后导出；核验方法：npm run evidence -- verify 导出目录。',
    sign: '制作人（签名）：', date: '日期：', print: '打印',
    none: '无',
  },
  viewingLog: {
    title: '观看记录', intro: '谁在何时观看了哪个房间的实时画面、回放了哪段录像。',
    from: '从', to: '至', account: '账户', kind: '类型', camera: '摄像机', room: '房间', target: '讯（询）问 / 人员', span: '录像时段',
    watched: '观看时间', address: '地址', kinds: { live: '实时画面', playback: '录像回放' }, empty: '这段时间没有观看记录', stillOpen: '仍在观看',
    notAllowed: '只有管理员可以查看观看记录',
  },
  timeline: {
    exported: (files: number, via: string) => `导出 ${files} 个文件（${via}）`,
    recordings: '录像', playStay: '回放在此房间的录像', playSession: '回放讯（询）问录像',
  },
  errors: {
    noCamera: (id: string) => `没有编号为 ${id} 的摄像机`,
    unsupported: '此浏览器不能播放 H.264 视频（Media Source Extensions），请使用最新版 Chrome、Edge 或 Firefox',
  },
} as const;

/** The words for a gap's reason, as the manifest records it (one it does not know is shown as recorded). */
export function gapReasonText(reason: string): string {
  if (reason === 'pending') return R.playback.legend.pending;
  return (R.playback.gapReason as Record<GapReason, string>)[reason as GapReason] ?? reason;
}

/** A session's kind in words (讯问, 询问, 辨认). */
export function sessionKindText(kind: string): string {
  return (SESSION_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}
