import type { Me } from "../../api/types.ts";

/** Mirrors the forecast.run and backtest.run grants: the server decides, this only hides useless buttons. */
export const canRunModels = (me: Me): boolean =>
  me.user.platformAdmin || me.acting.role === "administrator" || me.acting.role === "analyst";
