// What the station says when it cannot start, or starts with a problem: what is wrong and what to
// do, for the person at the desk (Electron dialog, console, log file). No secret ever goes in.

export const STARTUP_LOG = 'station.log';

export const STARTUP_TEXT = {
  failedTitle: '办案区管控工作站无法启动',
  warningTitle: '办案区管控工作站：启动时发现问题',
  portTaken: (address: string, port: number) =>
    `端口 ${port} 已被占用，工作站无法在 ${address} 上提供服务。可能已有一个工作站在运行（请先关闭它），或有其他程序占用了该端口；`
    + '也可以在配置文件中把 server.port 改为其他端口，然后重新启动工作站。',
  portUnusable: (address: string, port: number, why: string) =>
    `工作站无法在 ${address} 的端口 ${port} 上提供服务（${why}）。请在配置文件中把 server.port 改为 1024 以上的其他端口，或检查 --bind 给出的地址，然后重新启动工作站。`,
  dbNewer: (path: string, found: number, supported: number) =>
    `数据库 ${path} 由更新版本的工作站写入（结构版本 ${found}，本程序只支持到 ${supported}），为免损坏记录，本程序不会打开它。`
    + '请安装更新版本的工作站程序后再启动；不要删除或改动该数据库。',
  dataNotWritable: (dir: string, why: string) =>
    `数据目录 ${dir} 无法写入（${why}）。请检查该目录的权限和磁盘剩余空间，或用 --data 指定其他数据目录，然后重新启动工作站。`,
  dataInUse: (dir: string, pid: number | null, host: string | null, lockPath: string) =>
    `数据目录 ${dir} 正由另一个工作站使用（${pid === null ? '进程未知' : `进程 ${pid}`}${host ? `，计算机 ${host}` : ''}）。两个工作站写同一份记录会使记录分叉，所以本工作站不启动。`
    + `请先关闭正在运行的工作站，或用 --data 指定其他数据目录；如确认没有工作站在运行，可删除 ${lockPath} 后重新启动。`,
  recorderMissing: (problems: readonly string[]) =>
    `录像程序不可用：${problems.join('；')}。需要录音录像的房间现在无法录像，讯（询）问时会报“讯（询）问未录音录像”告警。`
    + '请安装 ffmpeg（含 ffprobe），或在配置文件的 recording.ffmpegPath / recording.ffprobePath 中写明其位置，然后重新启动工作站。',
  configInvalid: (path: string, detail: string) => `配置文件 ${path} 有误：${detail}。请改正后重新启动工作站。`,
  areaRefused: (path: string, detail: string) => `配置文件 ${path} 中的办案区（area）不被接受：${detail}。请改正后重新启动工作站。`,
  areaDiffers: (recorded: string, configured: string) =>
    `配置文件中的办案区（${configured}）与本机已记录的办案区（${recorded}）不同。工作站继续使用已记录的办案区：办案区一经记录，不能由配置文件替换。`,
  usage: (detail: string) => `启动参数有误：${detail}。`,
  internal: (detail: string) => `工作站启动失败：${detail}。详细信息已写入数据目录中的 ${STARTUP_LOG}，请交给维护人员。`,
  demo: (dir: string) => `已打开示例办案区（演示），其记录单独保存在 ${dir}，不会成为正式记录。要配置本办案区，请在“办案区设置”中选择“配置本办案区”。`,
  firstRun: (dir: string) => `本办案区尚未配置：请在工作站页面上完成首次设置（或打开示例办案区）。记录将保存在 ${dir}。`,
  configNotImported: (config: string, settings: string) =>
    `配置文件 ${config} 未导入：本工作站已有设置文件 ${settings}（首次启动时导入，此后以它和“办案区设置”为准）。要改设置，请使用“办案区设置”页面。`,
} as const;
