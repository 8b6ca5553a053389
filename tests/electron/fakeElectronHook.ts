// Module resolution hook: 'electron' is the scripted fake (scriptedElectron.ts).
interface ResolveResult { url: string; shortCircuit?: boolean }
type NextResolve = (specifier: string, context: unknown) => Promise<ResolveResult>;

export async function resolve(specifier: string, context: unknown, next: NextResolve): Promise<ResolveResult> {
  if (specifier === 'electron') return { url: new URL('./scriptedElectron.ts', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
