// The processes this test process started, directly or through its children, with their command
// lines as the kernel shows them to every user of the machine (/proc/PID/cmdline).
import { readdirSync, readFileSync } from 'node:fs';

export interface ChildProcessInfo { readonly pid: number; readonly argv: readonly string[] }

function parentOf(pid: number): number | null {
  try {
    // The command name (field 2) is in parentheses and may hold spaces: read after its end.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return null;
  }
}

export function descendants(root: number = process.pid): ChildProcessInfo[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const parent = parentOf(Number(name));
    if (parent !== null) parents.set(Number(name), parent);
  }
  const out: ChildProcessInfo[] = [];
  for (const pid of parents.keys()) {
    let p: number | undefined = parents.get(pid);
    for (let hops = 0; p !== undefined && p > 1 && hops < 64; hops++) {
      if (p === root) {
        try {
          const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
          out.push({ pid, argv });
        } catch {
          // Gone between the two reads.
        }
        break;
      }
      p = parents.get(p);
    }
  }
  return out;
}
