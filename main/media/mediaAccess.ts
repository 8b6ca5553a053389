// Who may do what with recordings: watch live and play back as the station's configuration says
// (recording.liveViewRoles, recording.playbackRoles), export evidence as an operator, supervisor
// or administrator, read the viewing log as an administrator.
import { EVIDENCE_ROLES, type MediaAccess } from '../../common/recordings.js';
import type { Role } from '../../common/views.js';

export interface MediaRoles {
  readonly liveViewRoles: readonly Role[];
  readonly playbackRoles: readonly Role[];
}

const any = (roles: readonly Role[], allowed: readonly Role[]): boolean => roles.some((r) => allowed.includes(r));

export function mediaAccess(roles: readonly Role[], settings: MediaRoles): MediaAccess {
  return {
    live: any(roles, settings.liveViewRoles),
    playback: any(roles, settings.playbackRoles),
    exportEvidence: any(roles, EVIDENCE_ROLES),
    viewingLog: roles.includes('admin'),
  };
}
