// The IPC channel names, in one place for both ends: the main process (ipc.ts) answers them and
// the preload (preload.ts, bundled with this file) calls them.
import type { ApiMethod } from '../../common/api.js';

/** One channel per API method. */
export const channelOf = (method: ApiMethod): string => `api:${method}`;

/** Live changes, sent from the station to the window. */
export const CHANGE_CHANNEL = 'station:change';

/** What an API channel answers: the value, or the station's refusal (an Error would lose its status crossing IPC). */
export type IpcReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly status: number; readonly code: string; readonly message: string };

/** From the window: what needs the desk's attention now (DeskAttention), for the frame's flash and the system notification. */
export const ATTENTION_CHANNEL = 'desk:attention';
