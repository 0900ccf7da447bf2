import { describe, expect, it } from "vitest";
import { syntheticPanel } from "../../../test/support/synthetic-panel.ts";
import { backtest } from "./backtest.ts";
import { backtestOnWorkers } from "./backtest-on-workers.ts";

const small = { rounds: 20, residualHoldoutMonths: 24 };
const origins = ["2011-12", "2012-06", "2012-12"];

describe("backtest on worker threads", () => {
  it("gives the report of the one-thread backtest, with progress adding up over the threads", async () => {
    const panel = syntheticPanel();
    const done: number[] = [];
    const parallel = await backtestOnWorkers(panel, origins, small, (p) => done.push(p.done), 2);
    const alone = backtest(panel, origins, small);
    expect(parallel.report).toEqual(alone.report);
    expect(parallel.modelSeconds).toHaveLength(origins.length);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(origins.length * 13);
  });

  it("fails as a whole when one origin cannot be trained", async () => {
    await expect(
      backtestOnWorkers(syntheticPanel(), ["2012-06", "2030-01"], small, () => {}, 2),
    ).rejects.toThrow(/2030-01/);
  });
});
