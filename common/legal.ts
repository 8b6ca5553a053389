import type { Basis } from './vocab.js';

// Legal time limits by basis (hours from entry). `max` is the furthest an approved extension may
// go; null means the basis cannot be extended. Sources are named in the replay contract.
export interface LegalLimit { readonly hours: number; readonly max: number | null; readonly law: string }

export const LEGAL_LIMITS: Readonly<Record<Basis, LegalLimit | null>> = {
  criminal_summons: { hours: 12, max: 24, law: '刑事诉讼法 第119条' },
  compelled_appearance: { hours: 12, max: 24, law: '刑事诉讼法 第119条' },
  admin_summons: { hours: 8, max: 24, law: '治安管理处罚法 询问查证' },
  interrogation_stop: { hours: 24, max: 48, law: '人民警察法 第9条' },
  criminal_detention: { hours: 24, max: null, law: '刑事诉讼法 第85条（送看守所）' },
  voluntary: null,
};

export function initialLimitHours(basis: Basis | undefined): number | null {
  return basis === undefined ? null : (LEGAL_LIMITS[basis]?.hours ?? null);
}

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
