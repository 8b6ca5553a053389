// Hardware settings carried on the area's camera entries in the configuration file (the record
// keeps only id and room; addresses and passwords stay in the local file).
import { z } from 'zod';
import { ConfigError } from './config.js';

const cameraHardware = z.object({
  id: z.string().min(1),
  room: z.string().min(1),
  /** The stream to record, e.g. rtsp://user:pass@10.0.0.21:554/Streaming/Channels/101 */
  rtsp: z.string().regex(/^rtsps?:\/\//, 'must be an rtsp:// URL').optional(),
  onvif: z.object({ url: z.string().regex(/^https?:\/\//, 'must be an http(s):// URL'), user: z.string().optional(), pass: z.string().optional() }).optional(),
}).loose();

export type CameraHardware = z.output<typeof cameraHardware>;

/** The cameras of a configuration's area, validated; the error names the camera and the field. */
export function camerasFromConfig(area: Record<string, unknown> | undefined): CameraHardware[] {
  const list = area?.cameras;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new ConfigError('area.cameras must be a list');
  return list.map((entry, i) => {
    const r = cameraHardware.safeParse(entry);
    if (r.success) return r.data;
    const issue = r.error.issues[0];
    const name = typeof (entry as { id?: unknown })?.id === 'string' ? (entry as { id: string }).id : `#${i + 1}`;
    throw new ConfigError(`area.cameras ${name}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  });
}
