// The recorder (ffmpeg) and its checker (ffprobe), located rather than assumed: the configured
// path (recording.ffmpegPath / ffprobePath), else the one shipped with the installed app, else
// the one on PATH; each is run once (`-version`) to prove it works. A tool that is not found is
// still named by its bare name, so that installing it on PATH later lets the recorders start.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

export type ToolName = 'ffmpeg' | 'ffprobe';

export interface Tool {
  readonly name: ToolName;
  /** What the recorders run: a full path, or the bare name when nothing was found. */
  readonly path: string;
  readonly source: 'configuration' | 'app' | 'PATH' | 'none';
  /** Why it cannot be used (Chinese, for the person), or null when it ran. */
  readonly problem: string | null;
}

export interface RecordingTools {
  readonly ffmpeg: Tool;
  readonly ffprobe: Tool;
}

export interface ToolSettings {
  readonly ffmpegPath?: string | undefined;
  readonly ffprobePath?: string | undefined;
  /** The folder of tools shipped with the installed app (resources/ffmpeg), if any. */
  readonly shippedDir?: string | undefined;
  /** PATH to search; the process's own by default. */
  readonly searchPath?: string | undefined;
  readonly platform?: NodeJS.Platform;
}

const CHECK_TIMEOUT_MS = 10_000;

export const toolsMissing = (t: RecordingTools): boolean => t.ffmpeg.problem !== null || t.ffprobe.problem !== null;
export const toolProblems = (t: RecordingTools): string[] => [t.ffmpeg.problem, t.ffprobe.problem].flatMap((p) => (p === null ? [] : [p]));

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function fileName(name: ToolName, platform: NodeJS.Platform): string {
  return platform === 'win32' ? `${name}.exe` : name;
}

function onPath(file: string, searchPath: string): string | null {
  for (const dir of searchPath.split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, file);
    if (executable(candidate)) return candidate;
  }
  return null;
}

/** Runs `tool -version`; null when it answered as that tool, else why not. */
function runs(path: string, name: ToolName): Promise<string | null> {
  return new Promise((done) => {
    execFile(path, ['-version'], { timeout: CHECK_TIMEOUT_MS, windowsHide: true }, (err, stdout) => {
      if (err) {
        const e = err as NodeJS.ErrnoException & { killed?: boolean };
        done(e.code === 'ENOENT' ? '文件不存在' : e.code === 'EACCES' ? '没有执行权限' : e.killed ? '运行超时' : `无法运行：${e.code ?? e.message.split('\n')[0] ?? ''}`);
      } else done(stdout.startsWith(`${name} version`) ? null : `不是 ${name}`);
    });
  });
}

async function locate(name: ToolName, configured: string | undefined, s: ToolSettings): Promise<Tool> {
  const platform = s.platform ?? process.platform;
  const file = fileName(name, platform);
  const setting = `recording.${name}Path`;
  if (configured) {
    const path = resolve(configured);
    const why = await runs(path, name);
    return { name, path, source: 'configuration', problem: why === null ? null : `配置的 ${setting}（${path}）${why}` };
  }
  const shipped = s.shippedDir ? join(s.shippedDir, file) : null;
  if (shipped && executable(shipped)) {
    const why = await runs(shipped, name);
    return { name, path: shipped, source: 'app', problem: why === null ? null : `随程序附带的 ${shipped} ${why}` };
  }
  const found = onPath(file, s.searchPath ?? process.env.PATH ?? '');
  if (found) {
    const why = await runs(found, name);
    return { name, path: found, source: 'PATH', problem: why === null ? null : `${found} ${why}` };
  }
  return { name, path: file, source: 'none', problem: `未找到 ${name}（没有配置 ${setting}，程序没有附带，系统 PATH 中也没有）` };
}

export async function locateRecordingTools(s: ToolSettings): Promise<RecordingTools> {
  const [ffmpeg, ffprobe] = await Promise.all([locate('ffmpeg', s.ffmpegPath, s), locate('ffprobe', s.ffprobePath, s)]);
  return { ffmpeg, ffprobe };
}
