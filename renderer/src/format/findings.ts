// The findings of a security check (人身安全检查) as the desk records them. The record keeps
// findings as a free object, so reading them back is tolerant: what is missing reads as empty.
export type Injury = { readonly location: string; readonly description: string };
export type DangerousItem = { readonly name: string; readonly handling: string };
export type AlcoholState = 'none' | 'drank' | 'drunk';

export interface Findings {
  /** When the check began (UTC ms); the record's own time is when it ended. */
  readonly startedAt: number | null;
  readonly illness: string;
  readonly infectious: boolean | null;
  readonly alcohol: AlcoholState | null;
  readonly injuries: readonly Injury[];
  readonly dangerousItems: readonly DangerousItem[];
  readonly bodyCheck: string;
  readonly witness: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const rows = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : []);

export function readFindings(raw: Readonly<Record<string, unknown>>): Findings {
  const alcohol = raw.alcohol;
  return {
    startedAt: typeof raw.startedAt === 'number' ? raw.startedAt : null,
    illness: str(raw.illness),
    infectious: typeof raw.infectious === 'boolean' ? raw.infectious : null,
    alcohol: alcohol === 'none' || alcohol === 'drank' || alcohol === 'drunk' ? alcohol : null,
    injuries: rows(raw.injuries).map((r) => ({ location: str(r.location), description: str(r.description) })),
    dangerousItems: rows(raw.dangerousItems).map((r) => ({ name: str(r.name), handling: str(r.handling) })),
    bodyCheck: str(raw.bodyCheck),
    witness: str(raw.witness),
  };
}

/** Rows the officer left blank are not findings. */
export function findingsRecord(f: Findings): Record<string, unknown> {
  return {
    ...(f.startedAt !== null ? { startedAt: f.startedAt } : {}),
    illness: f.illness.trim(),
    infectious: f.infectious,
    alcohol: f.alcohol,
    injuries: f.injuries.filter((i) => i.location.trim() || i.description.trim()),
    dangerousItems: f.dangerousItems.filter((d) => d.name.trim()),
    bodyCheck: f.bodyCheck.trim(),
    witness: f.witness.trim(),
  };
}
