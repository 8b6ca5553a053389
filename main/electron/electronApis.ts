// The parts of Electron the desk app uses, and no more: main.ts hands the real ones to runDesk,
// the tests a typed fake (tests/electron/fakeElectron.ts), so the main process runs under Node too.
// Each signature is one of Electron's own overloads, so the real modules are accepted as they are.
import type {
  BrowserWindowConstructorOptions, HandlerDetails, IpcMainEvent, IpcMainInvokeEvent, MessageBoxOptions, NotificationConstructorOptions, MessageBoxReturnValue, PermissionCheckHandlerHandlerDetails,
  PermissionRequest, Privileges, WindowOpenHandlerResponse,
} from 'electron';

/** The part of an Electron event the app uses. */
export interface Preventable {
  preventDefault(): void;
}

export interface DeskWebContents {
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface DeskWindow {
  readonly webContents: DeskWebContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  isFocused(): boolean;
  /** Flashes the frame (the taskbar button) until told to stop. */
  flashFrame(flag: boolean): void;
  on(event: 'focus', listener: () => void): unknown;
}

/** A system notification; kept referenced until it is replaced, or its click would be lost. */
export interface DeskNotification {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
  close(): void;
}

/** Any web contents the app creates (to refuse <webview> in all of them). */
export interface CreatedContents {
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
}

export interface DeskApp {
  readonly isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  quit(): void;
  exit(exitCode?: number): void;
  whenReady(): Promise<void>;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: Preventable, contents: CreatedContents) => void): unknown;
  getPath(name: 'userData'): string;
  getAppPath(): string;
}

export interface DeskIpc {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, arg: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
  /** One-way messages from the window (no answer). */
  on(channel: string, listener: (event: IpcMainEvent, arg: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: IpcMainEvent, arg: unknown) => void): unknown;
}

export interface DeskProtocol {
  registerSchemesAsPrivileged(customSchemes: { scheme: string; privileges?: Privileges }[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface DeskSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequest) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string, details: PermissionCheckHandlerHandlerDetails) => boolean): void;
}

export interface DeskElectron {
  readonly app: DeskApp;
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => DeskWindow;
  readonly ipcMain: DeskIpc;
  readonly protocol: DeskProtocol;
  readonly session: { readonly defaultSession: DeskSession };
  readonly dialog: {
    showErrorBox(title: string, content: string): void;
    showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  };
  readonly shell: { openExternal(url: string): Promise<void> };
  readonly Notification: {
    new (options: NotificationConstructorOptions): DeskNotification;
    isSupported(): boolean;
  };
}

/** What the process gives the desk app besides Electron. */
export interface DeskProcess {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Electron's resources folder of an installed app (where shipped tools are). */
  readonly resourcesPath: string | undefined;
  /** The running Electron's version (process.versions.electron). */
  readonly electronVersion: string | undefined;
}
