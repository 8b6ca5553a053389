// The camera layer's public surface, for the station to import from one place.
export type { RecorderOptions, RecorderSink, RecorderStatus, SegmentRecord } from './types.js';
export { CameraRecorder, DEFAULT_TUNING, detectionBoundMs, type RecorderTuning } from './recorder.js';
export { checkStorage, type StorageCheck } from './storage.js';
export { deleteExpired, type RetentionResult } from './retention.js';
export type {
  CameraControl, CameraEvent, CameraEventKind, DeviceInfo, EventHandlers, EventSubscription, MediaProfile, ProbedProfile,
  ProbeResult, RecordingJob, ServiceSet,
} from './control.js';
export { OnvifCameraControl, type OnvifTarget } from './onvifControl.js';
export { CameraError, type CameraErrorKind } from './cameraError.js';
export { discoverCameras, type DiscoveredCamera } from './discovery.js';
export { grabFrame } from './snapshot.js';
export { probeRtsp, redactUrl } from './rtspProbe.js';
