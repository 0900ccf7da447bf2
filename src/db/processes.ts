import { hostname } from "node:os";

/** Whether a process of this machine still runs (one owned by another user counts). */
export const isProcessRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** This process as `host:pid`, to record who holds or runs something. */
export const thisProcess = (): string => `${hostname()}:${process.pid}`;

/** Whether `host:pid` names a process of this machine that has ended; unknown for other machines. */
export const hasEnded = (runner: string): boolean => {
  const at = runner.lastIndexOf(":");
  const pid = Number(runner.slice(at + 1));
  return runner.slice(0, at) === hostname() && Number.isInteger(pid) && !isProcessRunning(pid);
};
