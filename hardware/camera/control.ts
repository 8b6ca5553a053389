// What the station may ask of a camera over ONVIF. Implemented over the `onvif` package in
// onvifControl.ts; every method either resolves with these plain types or rejects with a
// CameraError (see cameraError.ts), never anything else.

export interface DeviceInfo {
  manufacturer: string;
  model: string;
  firmwareVersion: string;
  serialNumber: string;
  hardwareId: string;
}

export interface VideoEncoding {
  /** H264, H265, JPEG…; null when the camera does not say (some NVRs leave the encoder bare). */
  encoding: string | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  bitrateKbps: number | null;
}

export interface AudioEncoding {
  encoding: string;
  sampleRateKHz: number | null;
  bitrateKbps: number | null;
}

export interface MediaProfile {
  token: string;
  name: string;
  video: VideoEncoding | null;
  audio: AudioEncoding | null;
  ptz: boolean;
}

export interface ProbedProfile extends MediaProfile {
  streamUri: string | null;
  snapshotUri: string | null;
}

/** ONVIF services the camera advertises. */
export interface ServiceSet {
  media: boolean;
  media2: boolean;
  events: boolean;
  ptz: boolean;
  imaging: boolean;
  /** Profile G: the camera records itself (recording jobs). */
  recording: boolean;
  replay: boolean;
}

export interface ProbeResult {
  address: string;
  device: DeviceInfo | null;
  /** Camera clock minus station clock; null if the camera would not tell its time. */
  clockOffsetMs: number | null;
  services: ServiceSet;
  profiles: ProbedProfile[];
  /** What the camera could not answer without that making the probe useless. */
  warnings: string[];
}

export interface RecordingJob {
  token: string;
  recordingToken: string;
  /** The job's mode as configured: 'Active' records, 'Idle' does not. */
  mode: string;
  priority: number | null;
  sourceTokens: string[];
}

export type CameraEventKind = 'motion' | 'tampering' | 'other';

export interface CameraEvent {
  /** As the camera names it, e.g. 'tns1:RuleEngine/CellMotionDetector/Motion'. */
  topic: string;
  kind: CameraEventKind;
  /** The state the event reports (motion present, tampering detected), when it reports one. */
  active: boolean | null;
  /** The camera's UtcTime of the event, in UTC ms (camera clock). */
  at: number | null;
  /** 'Initialized' (current state on subscribing), 'Changed' or 'Deleted'. */
  operation: string | null;
  source: Record<string, string>;
  data: Record<string, string>;
}

export interface EventHandlers {
  event(e: CameraEvent): void;
  /** The subscription came up or went down (and will be restarted). */
  subscription?(s: { subscribed: boolean; reason: string }): void;
}

export interface EventSubscription {
  /** Stops pulling and unsubscribes (best effort). */
  close(): Promise<void>;
}

export interface CameraControl {
  /** Device information, profiles with stream and snapshot URIs, services, clock offset. */
  probe(): Promise<ProbeResult>;
  deviceInformation(): Promise<DeviceInfo>;
  clockOffsetMs(): Promise<number>;
  profiles(): Promise<MediaProfile[]>;
  streamUri(profileToken: string): Promise<string>;
  snapshotUri(profileToken: string): Promise<string>;
  /** Profile G recording jobs; null when the camera does not record itself. */
  recordingJobs(): Promise<RecordingJob[] | null>;
  /** PullPoint subscription with renewal; restarted with backoff when it fails. */
  subscribeEvents(handlers: EventHandlers): EventSubscription;
}
