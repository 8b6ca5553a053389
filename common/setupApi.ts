// The API methods of 办案区设置 and of the first run: their arguments (zod, checked by the server
// before anything runs), their answers, and who may call them. common/api.ts and apiArgs.ts take
// these in, so that the contract stays one table.
import { z } from 'zod';
import {
  areaDraftSchema, idCardConnectionSchema, readerConnectionSchema, type AreaPreview, type AreaSaveResult, type AreaSetupView, type CameraProbeView,
  type CameraTestView, type DraftProblem, type FoundCamera, type ReadTestState, type SerialPortView,
} from './areaSetup.js';
import type { SessionInfo } from './views.js';

const none = z.object({}).strict();
const id = z.string().min(1).max(200);
/** A camera's account for a probe or a test: a typed password, or the camera whose kept password the station uses. */
const account = { user: z.string().max(200).nullable().default(null), pass: z.string().max(200).optional(), camera: id.optional() };

export const SETUP_ARG_SCHEMAS = {
  /** The set-up as it stands, without any password. */
  areaSetup: none,
  /** What saving the draft would do, decided by the core without recording anything. */
  previewArea: z.object({ draft: areaDraftSchema }).strict(),
  saveArea: z.object({ draft: areaDraftSchema }).strict(),
  /** The first run's save: area.configure, the connections, and the first administrator's account. */
  firstRunArea: z.object({ draft: areaDraftSchema, admin: z.object({ officerId: id, password: z.string().max(200) }).strict() }).strict(),
  /** Restarts the station on the example area's record (demo/) or on this area's real one. */
  openRecord: z.object({ example: z.boolean() }).strict(),
  serialPorts: none,
  readTestStart: z.object({ connection: readerConnectionSchema }).strict(),
  /** 读证测试: seen through readTestView / readTestStop like a wristband reader's test. */
  idCardTestStart: z.object({ connection: idCardConnectionSchema }).strict(),
  readTestView: z.object({ id }).strict(),
  readTestStop: z.object({ id }).strict(),
  discoverCameras: none,
  probeCamera: z.object({ onvif: z.string().regex(/^https?:\/\//, '须为 http:// 地址').max(1000), ...account }).strict(),
  testCamera: z.object({ rtsp: z.string().regex(/^rtsps?:\/\//, '须为 rtsp:// 地址').max(1000), ...account }).strict(),
  /** The whole set-up as a configuration file; camera passwords only when asked. */
  exportSetup: z.object({ secrets: z.boolean() }).strict(),
} satisfies Record<string, z.ZodType>;

export interface SetupApiResults {
  areaSetup: AreaSetupView;
  previewArea: AreaPreview;
  saveArea: AreaSaveResult;
  firstRunArea: { readonly ok: true; readonly session: SessionInfo } | { readonly ok: false; readonly problem: DraftProblem };
  openRecord: { readonly ok: true };
  serialPorts: SerialPortView[];
  readTestStart: { readonly id: string };
  idCardTestStart: { readonly id: string };
  readTestView: ReadTestState;
  readTestStop: { readonly ok: true };
  discoverCameras: FoundCamera[];
  probeCamera: CameraProbeView;
  testCamera: CameraTestView;
  exportSetup: { readonly fileName: string; readonly text: string };
}

/**
 * 'setup': administrators — and, while the station has no area and no account yet (the first run),
 * whoever reaches its pages, as with the first administrator's account (`setup`).
 * 'first-run': only then.
 */
export const SETUP_ACCESS = {
  areaSetup: 'setup', previewArea: 'setup', saveArea: ['admin'], firstRunArea: 'first-run', openRecord: 'setup',
  serialPorts: 'setup', readTestStart: 'setup', idCardTestStart: 'setup', readTestView: 'setup', readTestStop: 'setup',
  discoverCameras: 'setup', probeCamera: 'setup', testCamera: 'setup', exportSetup: ['admin'],
} as const satisfies { readonly [K in keyof SetupApiResults]: 'setup' | 'first-run' | readonly ['admin'] };
