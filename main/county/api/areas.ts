// The county's list of areas: each station's link as the county sees it, and its area now.
import { SILENT_AFTER_MS, type CountyArea, type LinkState } from '../../../common/countyApi.js';
import type { AreaRow } from '../store/reads.js';

/** 已同步 / 落后 N 条 / 未连接 / 被拒绝, from the county's side. */
export function linkAtCounty(row: AreaRow, now: number): LinkState {
  if (!row.verified) return { state: 'refused', reason: row.lastChainAlarm ?? '记录校验未通过' };
  if (row.lastSeenAt === null) return { state: 'offline', reason: null };
  if (now - row.lastSeenAt > SILENT_AFTER_MS) return { state: 'offline', reason: null };
  const behind = Math.max(0, (row.reportedSeq ?? row.seq) - row.seq);
  return behind > 0 ? { state: 'behind', behind } : { state: 'synced' };
}

export function countyArea(row: AreaRow, now: number): CountyArea {
  const l = row.listing;
  const recording = l?.recording ?? [];
  return {
    station: row.station, area: l?.area ?? (row.areaId ? { id: row.areaId, name: row.areaName ?? row.areaId } : null), timeZone: row.timeZone,
    seq: row.seq, head: row.head, verified: row.verified, lastSeenAt: row.lastSeenAt, stationSeq: row.reportedSeq, link: linkAtCounty(row, now),
    personsIn: l?.personsIn ?? 0, sessionsActive: l?.sessionsActive ?? 0,
    unrecordedRooms: recording.filter((r) => r.state !== 'recorded').length, recording,
    criticalAlarms: l?.criticalAlarms ?? [],
    chainAlarms: row.chainAlarms, projectionError: row.projectionError, updatedAt: row.updatedAt,
  };
}
