// The words of 办案区设置 and of the first-run wizard (zh-CN): the pages' labels, what a change
// will do, and what a device test found. Vocabulary labels come from messages.ts.
import type { SettingName } from './settings.js';
import type { ReaderProtocol, ReaderRole, SessionKind } from './vocab.js';

/** A clock difference for people: seconds, then minutes, hours, days (a camera never set can be years off). */
function offsetSpan(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} 分 ${seconds % 60} 秒`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} 小时 ${m % 60} 分`;
  return `${Math.floor(h / 24)} 天 ${h % 24} 小时`;
}

export const SETTING_LABELS: Record<SettingName, { readonly label: string; readonly unit: string; readonly hint: string }> = {
  recordingGraceSeconds: { label: '未录像告警宽限', unit: '秒', hint: '讯（询）问室有人而未录像多久后告警' },
  presenceGraceSeconds: { label: '人员位置告警宽限', unit: '秒', hint: '无人看管、同案同室、男女混关等持续多久后告警' },
  deviceGraceSeconds: { label: '设备离线告警宽限', unit: '秒', hint: '读卡器或摄像机离线多久后告警' },
  timeLimitWarnMinutes: { label: '时限预警提前量', unit: '分钟', hint: '法定时限届满前多久开始预警' },
  mealIntervalHours: { label: '饮食间隔', unit: '小时', hint: '入区或上次饮食后多久未安排饮食即告警' },
  maxStayHours: { label: '最长滞留', unit: '小时', hint: '在办案区滞留超过多久告警' },
};

export const PROTOCOL_LABELS: Record<ReaderProtocol, string> = {
  em4100: 'EM4100（125 kHz，RDM6300 / ID-12LA 等）',
  r2000: 'R2000 超高频（Impinj R2000 模块）',
  chafon: 'CHAFON 超高频（UHFReader18 / UHFReader288）',
};

export const READER_ROLE_LABELS: Record<ReaderRole, string> = { room: '房间读卡器', exit: '出口读卡器' };

/** What a camera test found, said plainly (hardware/camera/cameraTest.ts names the failure). */
export const CAMERA_TEST_FAILURES = {
  unreachable: '连接不上摄像机：请检查地址、端口和网线',
  auth: '摄像机拒绝了用户名或密码',
  no_picture: '摄像机有应答，但取不到画面：请检查码流地址',
  no_video: '试录像中没有视频',
  no_audio: '试录像中没有音频：请开启摄像机的麦克风或选择带音频的码流（讯问须同步录音录像）',
  recording_failed: '试录像未能录满：码流中断或不稳定',
  tools_missing: '本机缺少录像程序（ffmpeg/ffprobe）',
} as const;
export type CameraTestFailureText = keyof typeof CAMERA_TEST_FAILURES;

const SESSION_WORDS: Record<SessionKind, string> = { interrogation: '讯问', inquiry: '询问', identification: '辨认' };

export const SETUP_TEXT = {
  title: '办案区设置',
  nav: '办案区设置',
  intro: '房间、读卡器、摄像机、民警和告警设置。保存前会显示这次变更的影响；设备的连接信息（端口、地址、账户、密码）只保存在本机的设置文件中，不写入记录。',
  tabs: { rooms: '房间', readers: '读卡器', cameras: '摄像机', officers: '民警', settings: '告警设置', transfer: '导入/导出' },
  area: { id: '办案区编号', name: '办案区名称', fixed: '首次配置后不可更改' },
  rooms: {
    caption: '房间', id: '编号', name: '名称', kind: '类型', capacity: '容量', recording: '须录音录像', guard: '须民警看管',
    add: '添加房间', remove: '删除', present: (n: number) => `室内 ${n} 人`, inSession: '正在讯（询）问',
    capacityHint: '留空为不限', flagsHint: '默认随房间类型；改类型时重设',
  },
  readers: {
    caption: '读卡器', id: '编号', room: '所在房间', role: '用途', connection: '连接', none: '未连接（人员位置手工登记）',
    add: '添加读卡器', transport: '串口或网络地址', transportHint: '串口选择下方列表中的设备，或填写 tcp://主机:端口',
    protocol: '协议', baud: '波特率', baudHint: '留空为协议默认值', noRoom: '（不属于房间）',
    ports: '本机串口', refreshPorts: '刷新串口列表', noPorts: '未发现串口设备', usePort: '使用',
    portStable: '固定名称（拔插后不变）', portUnstable: '设备名称（拔插后可能变化）',
    connect: '设置连接', edit: '修改连接', fold: '收起', disconnect: '取消连接', desk: '值班台发卡读卡器', deskHint: '入区登记时刷腕带即可绑定；不属于任何房间',
    idCard: '身份证阅读器', idCardNone: '未连接（入区登记手工填写身份信息）', idCardHint: '值班台的二代证阅读器（SAM 协议，华视、神思、精伦等）：入区登记时放证即可自动填写',
    pollMs: '轮询间隔（毫秒）', pollHint: (ms: number) => `留空为 ${ms}`, watchdogMs: '离线判定（毫秒）', watchdogHint: (ms: number) => `多久无应答视为离线；留空为 ${ms}`,
    baudDefault: (baud: number) => `留空为 ${baud}`,
  },
  readTest: {
    start: '读卡测试', stop: '停止测试', title: (what: string) => `读卡测试：${what}`,
    waiting: '正在连接读卡器…', online: '读卡器已连接，请将腕带靠近读卡器', offline: (why: string) => `读卡器未连接：${why}`,
    none: '尚未读到腕带', tag: '腕带', count: '次数', last: '最后读到', rssi: '信号', antenna: '天线',
    owner: '绑定对象', unbound: '未绑定', useTag: '用作腕带',
    tooMany: '已有多个读卡测试在进行，请先停止其中一个', gone: '读卡测试已结束',
  },
  idCardTest: {
    start: '读证测试', stop: '停止测试', title: '读证测试：身份证阅读器',
    waiting: '正在连接身份证阅读器…', online: '身份证阅读器已连接，请将身份证放在阅读器上', offline: (why: string) => `身份证阅读器未连接：${why}`,
    none: '尚未读到身份证', name: '姓名', idTail: '证号末四位', at: '读到时间',
  },
  cameras: {
    caption: '摄像机', id: '编号', room: '所在房间', stream: '录像流地址', onvif: 'ONVIF 地址', user: '用户名', pass: '密码',
    passSet: '已设置', passKeep: '留空则保持原密码', add: '添加摄像机', none: '未设置视频流（不录像）', connect: '设置视频流', edit: '修改视频流', fold: '收起', disconnect: '取消视频流',
    discover: '搜索局域网摄像机', discovering: '正在搜索…', noneFound: '未发现 ONVIF 摄像机（可直接填写地址）',
    found: (n: number) => `发现 ${n} 台摄像机`, choose: '选用', probe: '读取摄像机信息', probing: '正在读取…',
    manufacturer: '厂商', model: '型号', deviceName: '设备名称', address: '地址', profiles: '码流', video: '视频', audio: '音频', clock: '时钟偏差',
    clockOffset: (seconds: number) => (Math.abs(seconds) < 2 ? '与本机一致' : `比本机${seconds > 0 ? '快' : '慢'} ${offsetSpan(Math.abs(seconds))}`),
    clockAdvice: '画面上叠加的时间将与记录不符：请在摄像机上校准时间（启用 NTP 对时）',
    useProfile: '使用此码流', profileAudio: '有音频', profileNoAudio: '无音频',
    test: '试录像', testing: '正在抓图并试录 10 秒…', testPassed: '抓图和试录像均通过', testFailed: '试录像未通过',
    snapshot: '抓图', recording: (s: number, v: string, a: string) => `录像 ${s} 秒：视频 ${v}，音频 ${a}`,
    mustTest: '保存前须先试录像通过', tested: '已通过试录像',
  },
  officers: {
    caption: '民警', id: '警号', name: '姓名', gender: '性别', tag: '腕带', add: '登记民警', registered: '已登记（不可修改）',
  },
  settings: { caption: '告警设置', reset: '恢复默认' },
  transfer: {
    export: '导出设置文件', exportSecrets: '导出时包含摄像机密码',
    secretsWarning: '导出文件将包含摄像机密码：请妥善保管，不要通过网络或 U 盘随意传递。',
    exportHint: '房间、设备连接、民警和告警设置存为一个文件，用于备份或配置另一台工作站（--config）。',
    import: '导入设置文件', importHint: '读入后在本页核对，保存前会显示变更的影响。', choose: '选择设置文件…',
    imported: (file: string) => `已读入 ${file}：请核对后保存`,
    badFile: (why: string) => `不是有效的设置文件：${why}`,
  },
  preview: {
    title: '保存前核对', checking: '正在核对…', unchanged: '没有需要保存的变更', refused: '不能保存：',
    effects: '这次变更将：', warnings: '请注意：', restarts: '将重新连接的设备（其他设备照常读卡和录像）：',
    save: '确认保存', saved: '已保存', check: '核对变更',
  },
  problems: {
    required: '不能为空',
    duplicateId: (id: string) => `编号 ${id} 重复`,
    duplicateTag: (tag: string) => `腕带 ${tag} 重复`,
    areaFixed: '办案区编号和名称在首次配置后不能更改',
    officerKept: (name: string, id: string) => `民警 ${name}（${id}）已登记，不能删除`,
    officerFixed: (name: string, id: string) => `民警 ${name}（${id}）已登记，不能修改`,
    needRoom: '须选择房间', needRooms: '至少须有一个房间',
    untested: (id: string) => `摄像机 ${id} 的视频流尚未通过试录像`,
    testFailed: (id: string, why: string) => `摄像机 ${id} 试录像未通过：${why}`,
    badConnection: (why: string) => `连接设置有误：${why}`,
    badAddress: (what: string, why: string) => `${what}有误：${why}`,
    positive: '须为正数',
  },
  effects: {
    configure: (name: string, rooms: number, readers: number, cameras: number, officers: number) =>
      `建立办案区“${name}”：${rooms} 个房间、${readers} 个读卡器、${cameras} 台摄像机、${officers} 名民警`,
    roomAdded: (name: string, kind: string) => `新增房间 ${name}（${kind}）`,
    roomRemoved: (name: string) => `移除房间 ${name}`,
    roomRenamed: (from: string, to: string) => `房间 ${from} 改名为 ${to}`,
    roomKind: (name: string, kind: string) => `${name} 改为${kind}（录音录像、看管要求随类型重设）`,
    roomCapacity: (name: string, from: string, to: string) => `${name} 容量：${from} → ${to}`,
    recordingOn: (name: string) => `${name} 改为须录音录像`,
    recordingOff: (name: string) => `${name} 不再要求录音录像`,
    guardOn: (name: string) => `${name} 改为须民警看管`,
    guardOff: (name: string) => `${name} 不再要求民警看管`,
    roomsOrder: '调整房间的排列顺序',
    unlimited: '不限',
    deviceAdded: (what: string, id: string, room: string) => `新增${what} ${id}（${room}）`,
    deviceRemoved: (what: string, id: string) => `移除${what} ${id}（此后不再使用，历史记录保留）`,
    deviceMoved: (what: string, id: string, from: string, to: string) => `${what} ${id}：${from} → ${to}`,
    readerRole: (id: string, role: string) => `读卡器 ${id} 改为${role}`,
    setting: (label: string, from: number, to: number, unit: string) => `${label}：${from} → ${to} ${unit}`,
    officer: (name: string, id: string, tag: string | null) => `登记民警 ${name}（${id}）${tag ? `，腕带 ${tag}` : ''}`,
    reader: '读卡器', camera: '摄像机', outside: '出口',
  },
  restarts: {
    reader: (id: string) => `读卡器 ${id}：重新连接（约 1 秒不读卡）`,
    readerStart: (id: string) => `读卡器 ${id}：开始读卡`,
    readerStop: (id: string) => `读卡器 ${id}：断开`,
    camera: (id: string) => `摄像机 ${id}：录像重新开始（中断数秒）`,
    cameraStart: (id: string) => `摄像机 ${id}：开始录像`,
    cameraStop: (id: string) => `摄像机 ${id}：停止录像`,
    desk: '值班台发卡读卡器：重新连接',
    idCard: '身份证阅读器：重新连接（约 1 秒不读证）', idCardStart: '身份证阅读器：开始读证', idCardStop: '身份证阅读器：断开',
  },
  warnings: {
    noCamera: (room: string, kind: SessionKind | null) => (kind
      ? `${room} 没有摄像机：在此开始${SESSION_WORDS[kind]}将立即告警`
      : `${room} 没有摄像机：有人在内时将立即告警（讯（询）问未录音录像）`),
    noStream: (room: string) => `${room} 的摄像机都没有设置视频流，本工作站不会录像：在此开始讯（询）问将立即告警`,
    occupied: (room: string, n: number) => `${room} 内现有 ${n} 人：保存后即开始计算告警时限`,
    notRecorded: (id: string, room: string) => `摄像机 ${id} 所在的 ${room} 不要求录音录像：不会录像`,
    noConnection: (id: string) => `读卡器 ${id} 未设置连接：其所在房间的人员位置须手工登记`,
  },
  wizard: {
    title: '首次使用：设置办案区',
    intro: '本工作站还没有办案区。可以先打开示例办案区熟悉流程，也可以现在配置本办案区。',
    example: '打开示例办案区（演示）', exampleHint: '示例记录与正式记录分开保存，不会成为本办案区的台账。',
    configure: '配置本办案区', configureHint: '依次填写办案区、房间、读卡器、摄像机、民警和管理员账户，最后核对并保存。',
    steps: ['办案区', '房间', '读卡器', '摄像机', '民警', '告警设置', '管理员', '核对保存'] as const,
    next: '下一步', previous: '上一步', finish: '保存并开始使用',
    admin: '管理员账户', adminHint: '管理员同时拥有登记和讯问室操作权限；其警号将登记为本办案区民警。',
    switching: '正在切换…', fromExample: '配置本办案区', fromExampleHint: '离开示例办案区，在正式记录中配置本办案区（示例记录保留，不会混入）。',
  },
} as const;
