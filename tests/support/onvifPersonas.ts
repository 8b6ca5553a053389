// Cameras as the test SOAP server plays them: which captured answer (tests/fixtures/onvif, see
// SOURCES.md there) it sends for each request. Keys are the request's element name, prefixed
// with "media2:" for a Media2 (ver20/media) request. A request a persona has no capture for gets
// the persona's captured "not supported" fault, as the camera would send for an action it lacks.

export interface Persona {
  name: string;
  answers: Record<string, string>;
  /** Fault for requests without a capture. */
  notSupported: string;
  /** Fault for a WS-Security token with the wrong password. */
  notAuthorized: string;
}

export const HIKVISION: Persona = {
  name: 'Hikvision DS-2CD2012-I',
  answers: {
    GetSystemDateAndTime: 'hikvision-DS-2CD2012-I-GetSystemDateAndTimeResponse.xml',
    GetServices: 'hikvision-DS-2CD2012-I-GetServicesResponse.xml',
    GetCapabilities: 'hikvision-DS-2CD2012-I-GetCapabilitiesResponse.xml',
    GetDeviceInformation: 'hikvision-DS-2CD2012-I-GetDeviceInformationResponse.xml',
    GetProfiles: 'hikvision-DS-2CD2012-I-GetProfilesResponse.xml',
    GetStreamUri: 'hikvision-DS-2CD2012-I-GetStreamUriResponse.xml',
    GetSnapshotUri: 'hikvision-DS-2CD2012-I-GetSnapshotUriResponse.xml',
    GetEventProperties: 'hikvision-DS-2CD2012-I-GetEventPropertiesResponse.xml',
    CreatePullPointSubscription: 'hikvision-DS-2CD2012-I-CreatePullPointSubscriptionResponse.xml',
    // This model's capture holds no notification; another Hikvision's (motion, tampering) does.
    PullMessages: 'hikvision-PullMessagesResponse.xml',
  },
  notSupported: 'hikvision-DS-2DF7276-AEL-Fault-ActionNotSupported.xml',
  // TRENDnet TV-IP320PI is a Hikvision OEM camera.
  notAuthorized: 'trendnet-TV-IP320PI-Fault-NotAuthorized.xml',
};

/** Answers GetServices with a fault, so the client must fall back to GetCapabilities. */
export const AXIS_Q6045: Persona = {
  name: 'Axis Q6045-E',
  answers: {
    GetSystemDateAndTime: 'axis-Q6045-E-GetSystemDateAndTimeResponse.xml',
    GetServices: 'axis-Q6045-E-Fault-GetServices-Action.xml',
    GetCapabilities: 'axis-Q6045-E-GetCapabilitiesResponse.xml',
    GetDeviceInformation: 'axis-Q6045-E-GetDeviceInformationResponse.xml',
    GetProfiles: 'axis-Q6045-E-GetProfilesResponse.xml',
    GetStreamUri: 'axis-Q6045-E-GetStreamUriResponse.xml',
    GetSnapshotUri: 'axis-Q6045-E-GetSnapshotUriResponse.xml',
    GetEventProperties: 'axis-Q6045-E-GetEventPropertiesResponse.xml',
    CreatePullPointSubscription: 'axis-Q6045-E-CreatePullPointSubscriptionResponse.xml',
    PullMessages: 'axis-Q6045-E-Fault-PullMessages-InvalidArgs.xml',
  },
  notSupported: 'axis-Q6045-E-Fault-GetServices-Action.xml',
  notAuthorized: 'axis-Q6045-E-Fault-NotAuthorized.xml',
};

/** Profile G: an Axis camera with recording jobs (captures of two Axis devices). */
export const AXIS_PROFILE_G: Persona = {
  name: 'Axis M2025-LE with recording',
  answers: {
    GetSystemDateAndTime: 'axis-GetSystemDateAndTimeResponse.xml',
    GetServices: 'axis-M2025-LE-GetServicesResponse.xml',
    GetDeviceInformation: 'axis-M2025-LE-GetDeviceInformationResponse.xml',
    GetProfiles: 'axis-M2025-LE-GetProfilesResponse.xml',
    'media2:GetStreamUri': 'axis-M2025-LE-media2-GetStreamUriResponse.xml',
    'media2:GetSnapshotUri': 'axis-M2025-LE-media2-GetSnapshotUriResponse.xml',
    GetRecordingJobs: 'axis-GetRecordingJobsResponse.xml',
  },
  notSupported: 'sunba-PerformanceSeries-Fault.xml',
  notAuthorized: 'axis-Q6045-E-Fault-NotAuthorized.xml',
};

export const PELCO: Persona = {
  name: 'Pelco D6230L',
  answers: {
    GetSystemDateAndTime: 'pelco-D6230L-GetSystemDateAndTimeResponse.xml',
    GetServices: 'pelco-D6230L-GetServicesResponse.xml',
    GetCapabilities: 'pelco-D6230L-GetCapabilitiesResponse.xml',
    GetDeviceInformation: 'pelco-D6230L-GetDeviceInformationResponse.xml',
    GetProfiles: 'pelco-D6230L-GetProfilesResponse.xml',
    GetStreamUri: 'pelco-D6230L-GetStreamUriResponse.xml',
    GetSnapshotUri: 'pelco-D6230L-GetSnapshotUriResponse.xml',
    CreatePullPointSubscription: 'pelco-D6230L-CreatePullPointSubscriptionResponse.xml',
    PullMessages: 'pelco-D6230L-PullMessagesResponse.xml',
  },
  notSupported: 'pelco-D6230L-Fault-MethodNotImplemented.xml',
  notAuthorized: 'axis-Q6045-E-Fault-NotAuthorized.xml',
};

/** Only media captures: no clock, no device information. */
export const DAHUA: Persona = {
  name: 'Dahua',
  answers: {
    GetCapabilities: 'dahua-GetCapabilitiesResponse.xml',
    GetProfiles: 'dahua-GetProfilesResponse.xml',
    GetStreamUri: 'dahua-GetStreamUriResponse.xml',
    GetSnapshotUri: 'dahua-GetSnapshotUriResponse.xml',
  },
  notSupported: 'dahua-Fault-GetNTP-NotImplemented.xml',
  notAuthorized: 'trendnet-TV-IP320PI-Fault-NotAuthorized.xml',
};

/** Advertises Media2 but has Media1 captures, and its stream URI only over Media2. */
export const SUNBA: Persona = {
  name: 'SUNBA Performance-Series',
  answers: {
    GetSystemDateAndTime: 'sunba-PerformanceSeries-GetSystemDateAndTimeResponse.xml',
    GetServices: 'sunba-PerformanceSeries-GetServicesResponse.xml',
    GetCapabilities: 'sunba-PerformanceSeries-GetCapabilitiesResponse.xml',
    GetDeviceInformation: 'sunba-PerformanceSeries-GetDeviceInformationResponse.xml',
    GetProfiles: 'sunba-PerformanceSeries-GetProfilesResponse.xml',
    'media2:GetStreamUri': 'sunba-PerformanceSeries-media2-GetStreamUriResponse.xml',
    GetSnapshotUri: 'sunba-PerformanceSeries-GetSnapshotUriResponse.xml',
  },
  notSupported: 'sunba-PerformanceSeries-Fault.xml',
  notAuthorized: 'axis-Q6045-E-Fault-NotAuthorized.xml',
};

export const TRENDNET: Persona = {
  name: 'TRENDnet TV-IP320PI',
  answers: {
    GetSystemDateAndTime: 'trendnet-TV-IP320PI-GetSystemDateAndTimeResponse.xml',
    GetServices: 'trendnet-TV-IP320PI-GetServicesResponse.xml',
    GetCapabilities: 'trendnet-TV-IP320PI-GetCapabilitiesResponse.xml',
    GetDeviceInformation: 'trendnet-TV-IP320PI-GetDeviceInformationResponse.xml',
    GetProfiles: 'trendnet-TV-IP320PI-GetProfilesResponse.xml',
    GetStreamUri: 'trendnet-TV-IP320PI-GetStreamUriResponse.xml',
    GetSnapshotUri: 'trendnet-TV-IP320PI-GetSnapshotUriResponse.xml',
    CreatePullPointSubscription: 'trendnet-TV-IP320PI-CreatePullPointSubscriptionResponse.xml',
    PullMessages: 'trendnet-TV-IP320PI-PullMessagesResponse.xml',
  },
  notSupported: 'hikvision-DS-2DF7276-AEL-Fault-ActionNotSupported.xml',
  notAuthorized: 'trendnet-TV-IP320PI-Fault-NotAuthorized.xml',
};

/** Only its device information was captured. */
export const MILESIGHT: Persona = {
  name: 'Milesight MS-C8165-PE',
  answers: { GetDeviceInformation: 'milesight-GetDeviceInformationResponse.xml' },
  notSupported: 'oem-IPG-8150PSS-Fault.xml',
  notAuthorized: 'axis-Q6045-E-Fault-NotAuthorized.xml',
};

export const PERSONAS = [HIKVISION, AXIS_Q6045, AXIS_PROFILE_G, PELCO, DAHUA, SUNBA, TRENDNET];
