// The station's clock, ticking once a second for countdowns and durations. One timer serves the
// whole page; a test provides a fixed instant through NowContext.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export const NowContext = createContext<number | null>(null);

export function NowProvider({ skewMs, children }: { readonly skewMs: number; readonly children: ReactNode }) {
  const [now, setNow] = useState(() => Date.now() + skewMs);
  useEffect(() => {
    setNow(Date.now() + skewMs);
    const t = setInterval(() => setNow(Date.now() + skewMs), 1000);
    return () => clearInterval(t);
  }, [skewMs]);
  return <NowContext.Provider value={now}>{children}</NowContext.Provider>;
}

export function useNow(): number {
  return useContext(NowContext) ?? Date.now();
}
