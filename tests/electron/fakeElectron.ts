// A small typed fake of the Electron APIs the desk app uses (main/electron/electronApis.ts), so
// that the Electron main module runs under Node: it records what the app asks of Electron and
// lets a test play the user (invoke IPC as the page, close the window).
import type { BrowserWindowConstructorOptions, IpcMainEvent, IpcMainInvokeEvent, MessageBoxOptions, NotificationConstructorOptions } from 'electron';
import type { DeskElectron } from '../../main/electron/electronApis.js';

type Listener = (...args: never[]) => void;

/** Listeners by event name; calling one passes the arguments the way Electron would. */
class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  add(event: string, listener: Listener, once = false): void {
    const wrapped: Listener = once ? (...args) => { this.remove(event, wrapped); (listener as (...a: unknown[]) => void)(...args); } : listener;
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), wrapped]);
  }
  remove(event: string, listener: Listener): void {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
  }
  emit(event: string, ...args: unknown[]): number {
    const list = this.listeners.get(event) ?? [];
    for (const l of list) (l as (...a: unknown[]) => void)(...args);
    return list.length;
  }
  has(event: string): boolean {
    return (this.listeners.get(event)?.length ?? 0) > 0;
  }
}

export type Outcome = 'window' | 'error' | 'quit';

export interface FakeWindow {
  readonly options: BrowserWindowConstructorOptions;
  readonly loaded: string[];
  readonly sent: { channel: string; args: unknown[] }[];
  shown: boolean;
  /** Whether the window is in front (the officer is at it); a test sets it. */
  focused: boolean;
  minimized: boolean;
  /** Every flashFrame(flag) asked for, in order. */
  readonly flashes: boolean[];
  /** Resolves with the next message sent to the page on `channel` that `match` accepts (or fails after `timeoutMs`). */
  nextSent(channel: string, match: (args: unknown[]) => boolean, timeoutMs: number): Promise<unknown[]>;
  /** Emits a webContents event (e.g. will-navigate) and tells whether the app prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean;
  /** The officer brings the window up (Electron's focus event). */
  focus(): void;
}

export interface FakeNotification {
  readonly options: NotificationConstructorOptions;
  shown: boolean;
  closed: boolean;
  /** The officer clicks it. */
  click(): void;
}

export interface FakeElectron {
  /** What main.ts imports from 'electron'. */
  readonly module: DeskElectron;
  readonly windows: FakeWindow[];
  readonly errorBoxes: { title: string; content: string }[];
  readonly messageBoxes: MessageBoxOptions[];
  readonly calls: { whenReady: number; quit: number; exit: number[]; protocolHandled: string[]; schemes: string[] };
  readonly notifications: FakeNotification[];
  /** Whether the system shows notifications (Notification.isSupported()). */
  notificationsSupported: boolean;
  /** The first of: the window loaded its page, a start-up failure was shown, the app quit. */
  readonly outcome: Promise<Outcome>;
  /** Resolves when the app quits. */
  readonly quit: Promise<void>;
  /** Requests an app:// address of the window's own protocol handler (as the page's fetch would). */
  fetchApp(url: string): Promise<Response>;
  /** Calls an API method over IPC as a page at `frameUrl` would. */
  invoke(method: string, arg?: unknown, frameUrl?: string): Promise<unknown>;
  /** Sends a one-way message as a page at `frameUrl` would (ipcRenderer.send); tells how many listened. */
  send(channel: string, arg: unknown, frameUrl?: string): number;
  handlers(): string[];
  emitApp(event: string, ...args: unknown[]): number;
}

export function fakeElectron(options: { userData: string; appPath: string; lock?: boolean }): FakeElectron {
  const appEvents = new Emitter();
  const handlers = new Map<string, (event: IpcMainInvokeEvent, arg: unknown) => Promise<unknown>>();
  const ipcListeners = new Map<string, ((event: IpcMainEvent, arg: unknown) => void)[]>();
  const notifications: FakeNotification[] = [];
  const protocols = new Map<string, (request: Request) => Response | Promise<Response>>();
  const windows: FakeWindow[] = [];
  const errorBoxes: FakeElectron['errorBoxes'] = [];
  const messageBoxes: MessageBoxOptions[] = [];
  const calls: FakeElectron['calls'] = { whenReady: 0, quit: 0, exit: [], protocolHandled: [], schemes: [] };
  let settle: (o: Outcome) => void = () => undefined;
  const outcome = new Promise<Outcome>((resolve) => { settle = resolve; });
  let quitted: () => void = () => undefined;
  const quit = new Promise<void>((resolve) => { quitted = resolve; });

  class BrowserWindow {
    private readonly events = new Emitter();
    private readonly contentsEvents = new Emitter();
    private readonly sentEvents = new Emitter();
    private destroyed = false;
    readonly record: FakeWindow;
    readonly webContents = {
      on: (event: string, listener: Listener): unknown => { this.contentsEvents.add(event, listener); return undefined; },
      setWindowOpenHandler: (_handler: unknown) => undefined,
      send: (channel: string, ...args: unknown[]) => {
        this.record.sent.push({ channel, args });
        this.sentEvents.emit(channel, args);
      },
      isDestroyed: () => this.destroyed,
    };

    constructor(opts: BrowserWindowConstructorOptions) {
      const contents = this.contentsEvents;
      const events = this.events;
      const sent = this.sentEvents;
      this.record = {
        options: opts, loaded: [], sent: [], shown: false, focused: false, minimized: false, flashes: [],
        nextSent: (channel, match, timeoutMs) => new Promise((resolve, reject) => {
          const timer = setTimeout(() => { sent.remove(channel, listener); reject(new Error(`nothing sent on ${channel} within ${timeoutMs} ms`)); }, timeoutMs);
          const listener = (args: unknown[]): void => {
            if (!match(args)) return;
            clearTimeout(timer);
            sent.remove(channel, listener as Listener);
            resolve(args);
          };
          sent.add(channel, listener as Listener);
        }),
        navigate(event, url) {
          let prevented = false;
          contents.emit(event, { preventDefault: () => { prevented = true; } }, url);
          return prevented;
        },
        focus() {
          this.focused = true;
          this.minimized = false;
          events.emit('focus');
        },
      };
      windows.push(this.record);
    }
    once(event: string, listener: Listener): this { this.events.add(event, listener, true); return this; }
    on(event: string, listener: Listener): this { this.events.add(event, listener); return this; }
    show(): void { this.record.shown = true; }
    async loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      this.events.emit('ready-to-show');
      settle('window');
    }
    isDestroyed(): boolean { return this.destroyed; }
    isMinimized(): boolean { return this.record.minimized; }
    restore(): void { this.record.minimized = false; }
    focus(): void { this.record.focus(); }
    isFocused(): boolean { return this.record.focused; }
    flashFrame(flag: boolean): void { this.record.flashes.push(flag); }
  }

  class Notification {
    static supported = true;
    static isSupported(): boolean { return Notification.supported; }
    private readonly events = new Emitter();
    private readonly record: FakeNotification;
    constructor(opts: NotificationConstructorOptions) {
      const events = this.events;
      this.record = { options: opts, shown: false, closed: false, click: () => { events.emit('click'); } };
      notifications.push(this.record);
    }
    on(event: string, listener: Listener): this { this.events.add(event, listener); return this; }
    show(): void { this.record.shown = true; }
    close(): void { this.record.closed = true; }
  }

  const module = {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => options.lock ?? true,
      quit: () => { calls.quit += 1; settle('quit'); quitted(); },
      exit: (code?: number) => { calls.exit.push(code ?? 0); },
      whenReady: () => { calls.whenReady += 1; return Promise.resolve(); },
      on(event: string, listener: Listener): unknown { appEvents.add(event, listener); return undefined; },
      getPath: (name: string) => { if (name !== 'userData') throw new Error(`the desk app asked for ${name}`); return options.userData; },
      getAppPath: () => options.appPath,
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, listener: (event: IpcMainInvokeEvent, arg: unknown) => Promise<unknown>) => {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, listener);
      },
      removeHandler: (channel: string) => { handlers.delete(channel); },
      on: (channel: string, listener: (event: IpcMainEvent, arg: unknown) => void): unknown => {
        ipcListeners.set(channel, [...(ipcListeners.get(channel) ?? []), listener]);
        return undefined;
      },
      removeListener: (channel: string, listener: (event: IpcMainEvent, arg: unknown) => void): unknown => {
        ipcListeners.set(channel, (ipcListeners.get(channel) ?? []).filter((l) => l !== listener));
        return undefined;
      },
    },
    Notification,
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) => { calls.schemes.push(...schemes.map((x) => x.scheme)); },
      handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
        calls.protocolHandled.push(scheme);
        protocols.set(scheme, handler);
      },
    },
    session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
    dialog: {
      showErrorBox: (title: string, content: string) => { errorBoxes.push({ title, content }); settle('error'); },
      showMessageBox: async (opts: MessageBoxOptions) => { messageBoxes.push(opts); return { response: 0, checkboxChecked: false }; },
    },
    shell: { openExternal: async () => undefined },
  } satisfies DeskElectron;

  return {
    module, windows, errorBoxes, messageBoxes, calls, outcome, quit, notifications,
    get notificationsSupported() { return Notification.supported; },
    set notificationsSupported(on: boolean) { Notification.supported = on; },
    send(channel, arg, frameUrl = 'app://station/') {
      const list = ipcListeners.get(channel) ?? [];
      const event = { senderFrame: { url: frameUrl } } as unknown as IpcMainEvent;
      for (const l of list) l(event, arg);
      return list.length;
    },
    async invoke(method, arg = {}, frameUrl = 'app://station/') {
      const handler = handlers.get(`api:${method}`);
      if (!handler) throw new Error(`no IPC handler for ${method}`);
      // The one part of Electron's event object the app reads is the sending frame's URL.
      const event = { senderFrame: { url: frameUrl } } as unknown as IpcMainInvokeEvent;
      return handler(event, arg);
    },
    async fetchApp(url) {
      const handler = protocols.get(new URL(url).protocol.replace(':', ''));
      if (!handler) throw new Error(`no protocol handler for ${url}`);
      return handler(new Request(url));
    },
    handlers: () => [...handlers.keys()],
    emitApp: (event, ...args) => appEvents.emit(event, ...args),
  };
}
