// The recording programs are looked for where the configuration says, then beside the installed
// app, then on PATH, and each is run once to prove it is the program it should be.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateRecordingTools, toolProblems, toolsMissing } from '../../main/host/recordingTools.js';
import { scratch } from './bootFixtures.js';

const s = scratch('recording-tools-');
afterAll(() => s.remove());

/** A stand-in program that answers `-version` the way `name` would (or as something else). */
function program(path: string, answer: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `#!/bin/sh\necho '${answer}'\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('recording tools', () => {
  it('finds the real ffmpeg and ffprobe on PATH', async () => {
    const tools = await locateRecordingTools({ searchPath: '/nonexistent:/usr/bin' });
    expect(tools.ffmpeg).toMatchObject({ path: '/usr/bin/ffmpeg', source: 'PATH', problem: null });
    expect(tools.ffprobe).toMatchObject({ path: '/usr/bin/ffprobe', source: 'PATH', problem: null });
    expect(toolsMissing(tools)).toBe(false);
  });

  it('prefers the ones shipped with the app to those on PATH', async () => {
    const shipped = s.path('resources', 'ffmpeg');
    program(join(shipped, 'ffmpeg'), 'ffmpeg version 7.1-shipped');
    program(join(shipped, 'ffprobe'), 'ffprobe version 7.1-shipped');
    const tools = await locateRecordingTools({ shippedDir: shipped, searchPath: '/usr/bin' });
    expect([tools.ffmpeg.source, tools.ffmpeg.path, tools.ffprobe.source]).toEqual(['app', join(shipped, 'ffmpeg'), 'app']);
  });

  it('takes the configured paths first, and says what is wrong with them', async () => {
    const impostor = program(s.path('bin', 'not-ffmpeg'), 'hello');
    const tools = await locateRecordingTools({ ffmpegPath: s.path('nowhere', 'ffmpeg'), ffprobePath: impostor, searchPath: '/usr/bin' });
    expect(tools.ffmpeg).toMatchObject({ source: 'configuration', path: s.path('nowhere', 'ffmpeg') });
    expect(tools.ffmpeg.problem).toBe(`配置的 recording.ffmpegPath（${s.path('nowhere', 'ffmpeg')}）文件不存在`);
    expect(tools.ffprobe.problem).toBe(`配置的 recording.ffprobePath（${impostor}）不是 ffprobe`);
  });

  it('names a tool found nowhere by its bare name, so that installing it later is enough', async () => {
    const tools = await locateRecordingTools({ searchPath: s.path('empty') });
    expect(tools.ffmpeg).toMatchObject({ path: 'ffmpeg', source: 'none' });
    expect(toolProblems(tools)).toEqual([
      '未找到 ffmpeg（没有配置 recording.ffmpegPath，程序没有附带，系统 PATH 中也没有）',
      '未找到 ffprobe（没有配置 recording.ffprobePath，程序没有附带，系统 PATH 中也没有）',
    ]);
  });

  it('looks for ffmpeg.exe on Windows', async () => {
    const shipped = s.path('win', 'ffmpeg');
    program(join(shipped, 'ffmpeg.exe'), 'ffmpeg version 7.1-win');
    const tools = await locateRecordingTools({ shippedDir: shipped, searchPath: s.path('empty'), platform: 'win32' });
    expect(tools.ffmpeg).toMatchObject({ source: 'app', path: join(shipped, 'ffmpeg.exe'), problem: null });
    expect(tools.ffprobe).toMatchObject({ source: 'none', path: 'ffprobe.exe' });
  });
});
