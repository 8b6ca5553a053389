// The desk window's sign-in, held in the main process (the page never sees its token): the IPC
// calls and the app:// media requests of the window are the same signed-in officer.
export class WindowSignIn {
  token: string | undefined = undefined;
}
