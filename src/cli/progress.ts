import cliProgress from "cli-progress";

export type Progress = {
  update(done: number, total: number, label?: string): void;
  stop(): void;
};

const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);

/**
 * Progress on stderr (stdout stays clean for --json): a bar on a terminal; otherwise plain lines, one per
 * step and every tenth of the work, so logs of unattended runs stay short.
 */
export const progressReporter = (title: string): Progress => {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${title} [{bar}] {percentage}% | {doneMb}/{totalMb} MB | {label}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, label = "") {
        const payload = { label, doneMb: mb(done), totalMb: mb(total) };
        if (!started) {
          bar.start(Math.max(total, 1), done, payload);
          started = true;
        } else {
          bar.setTotal(Math.max(total, 1));
          bar.update(done, payload);
        }
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let lastLabel: string | undefined;
  let lastTenth = -1;
  return {
    update(done, total, label = "") {
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 0;
      if (label === lastLabel && tenth === lastTenth) return;
      lastLabel = label;
      lastTenth = tenth;
      const percent = total > 0 ? Math.round((done / total) * 100) : 0;
      process.stderr.write(
        `${title}: ${percent}% (${mb(done)}/${mb(total)} MB)${label ? ` ${label}` : ""}\n`,
      );
    },
    stop: () => {},
  };
};
