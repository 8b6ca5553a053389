// Waits for an event the running station records (bounded; the assertion is on what arrived).
import type { RecordedEvent } from '../../common/events.js';
import type { Station } from '../../main/core/station.js';

export function nextEvent<T extends RecordedEvent>(station: Station, match: (e: RecordedEvent) => e is T, timeoutMs: number, what: string): Promise<T>;
export function nextEvent(station: Station, match: (e: RecordedEvent) => boolean, timeoutMs: number, what: string): Promise<RecordedEvent>;
export function nextEvent(station: Station, match: (e: RecordedEvent) => boolean, timeoutMs: number, what: string): Promise<RecordedEvent> {
  return new Promise((resolve, reject) => {
    const listener = (events: RecordedEvent[]): void => {
      const hit = events.find(match);
      if (!hit) return;
      clearTimeout(timer);
      station.off('events', listener);
      resolve(hit);
    };
    const timer = setTimeout(() => {
      station.off('events', listener);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    station.on('events', listener);
  });
}
