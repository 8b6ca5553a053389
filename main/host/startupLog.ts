// The start-up log in the data folder (station.log): every start, and every failure or problem
// found at start with the words the person was shown, so that whoever looks later can tell what
// happened. Writing it never stops a start.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { STARTUP_LOG } from '../../common/startupText.js';
import { FILE_MODE } from './privateFiles.js';

export type LogLevel = 'start' | 'warning' | 'error';

export function appendStartupLog(dataDir: string, at: number, level: LogLevel, code: string, message: string, detail?: string): void {
  const line = `${new Date(at).toISOString()} ${level.toUpperCase()} ${code} ${message}${detail ? `\n    ${detail.replace(/\n/g, '\n    ')}` : ''}\n`;
  try {
    appendFileSync(join(dataDir, STARTUP_LOG), line, { mode: FILE_MODE });
  } catch {
    // A folder that cannot be written is itself the failure being reported elsewhere.
  }
}
