// 办案区设置 on the station's side: the set-up as it stands (no password leaves), the preview of a
// draft (the core's dry run and what the change does), the save — the commands through the core,
// the connections into the settings file, and only the touched devices restarted — and the first
// run's save, which records the area.
import type { AreaDraft, AreaPreview, AreaSaveResult, AreaSetupView, DraftProblem } from '../../../common/areaSetup.js';
import type { Rejection } from '../../../common/rejections.js';
import { SETUP_TEXT } from '../../../common/setupText.js';
import type { AreaState } from '../../core/state/model.js';
import { setupView } from './current.js';
import { dryRun, type DecideMoment } from './dryRun.js';
import { describeChange } from './effects.js';
import { planSetup, type DeviceConnections, type SetupPlan } from './plan.js';

/** Where the device connections are kept (the station's settings file). */
export interface DeviceStore {
  readonly file: string;
  load(): DeviceConnections;
  save(devices: DeviceConnections): void;
}

export interface SetupPorts {
  state(): AreaState;
  submit(command: Record<string, unknown>, actor: string): { readonly ok: true } | { readonly ok: false; readonly rejection: Rejection };
  moment(): DecideMoment;
  readonly devices: DeviceStore;
  /** Brings the devices in line with the area and the kept connections: those changed restart, the others keep running. */
  apply(): Promise<void>;
  /** Cameras recorded now. */
  recordedCameras(): ReadonlySet<string>;
  /** Whether a camera's stream passed 试录像 lately. */
  passed(rtsp: string, user: string | null, pass: string | null): boolean;
  readonly example: boolean;
  log(line: string): void;
}

type Planned = { ok: true; plan: SetupPlan; saved: DeviceConnections } | { ok: false; problem: DraftProblem };

export class SetupService {
  constructor(private readonly ports: SetupPorts) {}

  view(): AreaSetupView {
    return setupView(this.ports.state(), this.ports.devices.load(), { example: this.ports.example, settingsFile: this.ports.devices.file });
  }

  private plan(draft: AreaDraft): Planned {
    const saved = this.ports.devices.load();
    const r = planSetup(this.ports.state(), saved, draft);
    if (!r.ok) return r;
    // A camera is saved only with a stream that passed 试录像 (a picture and a recording with sound).
    for (const u of r.plan.untested) {
      if (!this.ports.passed(u.connection.rtsp, u.connection.user, u.connection.pass)) {
        return { ok: false, problem: { field: `cameras.${u.index}.connection.test`, message: SETUP_TEXT.problems.untested(u.id) } };
      }
    }
    const refused = dryRun(this.ports.state(), r.plan.commands, this.ports.moment());
    return refused ? { ok: false, problem: refused } : { ok: true, plan: r.plan, saved };
  }

  private report(draft: AreaDraft, plan: SetupPlan, saved: DeviceConnections, problem: DraftProblem | null): AreaPreview {
    const change = describeChange(this.ports.state(), draft, plan, saved, this.ports.recordedCameras());
    const unchanged = plan.commands.length === 0 && plan.changed.readers.length === 0 && plan.changed.cameras.length === 0 && !plan.changed.deskReader
      && !plan.changed.idCardReader && change.restarts.length === 0;
    return { unchanged, problem, ...change };
  }

  preview(draft: AreaDraft): AreaPreview {
    const saved = this.ports.devices.load();
    const r = planSetup(this.ports.state(), saved, draft);
    if (!r.ok) return { unchanged: false, problem: r.problem, effects: [], warnings: [], restarts: [] };
    const p = this.plan(draft);
    return this.report(draft, r.plan, saved, p.ok ? null : p.problem);
  }

  /** Saves a draft: the commands in order (each decided again by the core), then the connections, then the devices. */
  async save(draft: AreaDraft, actor: string): Promise<AreaSaveResult> {
    const p = this.plan(draft);
    if (!p.ok) return p;
    const preview = this.report(draft, p.plan, p.saved, null);
    // The connections first: an entry for a device the record does not hold (yet) is ignored,
    // while a device on the record without its connection would go unrecorded.
    this.ports.devices.save(p.plan.connections);
    for (const planned of p.plan.commands) {
      const r = this.ports.submit(planned.command, actor);
      if (!r.ok) {
        // Another desk changed the area in between: what was recorded stands, the connections follow the record.
        this.ports.log(`area set-up: ${planned.command.type} refused at save: ${r.rejection.reason ?? r.rejection.message}`);
        if (planned === p.plan.commands[0]) this.ports.devices.save(p.saved);
        await this.ports.apply();
        return { ok: false, problem: { field: planned.draftField(r.rejection.field), message: r.rejection.message } };
      }
    }
    await this.ports.apply();
    this.ports.log(`area set-up saved by ${actor}: ${preview.effects.length} changes, restarted ${preview.restarts.length} devices`);
    return { ok: true, preview };
  }
}
