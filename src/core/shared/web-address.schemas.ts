import { z } from "zod";

/** A link shown to readers: http(s) only, so that no `javascript:` or `data:` address is ever rendered. */
export const ZWebAddress = z.url({ protocol: /^https?$/, error: "must be an http(s) address" }).max(2000);
