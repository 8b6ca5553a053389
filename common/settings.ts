// Rule-engine settings of an area, by the names of the replay contract.
export const DEFAULT_SETTINGS = {
  recordingGraceSeconds: 10,
  presenceGraceSeconds: 60,
  deviceGraceSeconds: 30,
  timeLimitWarnMinutes: 60,
  mealIntervalHours: 6,
  maxStayHours: 24,
} as const;

export type SettingName = keyof typeof DEFAULT_SETTINGS;
export type Settings = { readonly [K in SettingName]: number };
export const SETTING_NAMES = Object.keys(DEFAULT_SETTINGS) as SettingName[];
