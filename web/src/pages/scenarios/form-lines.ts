/** A box's lines, trimmed, the blank ones left out. */
export const lines = (text: string | undefined) =>
  (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** "action | actor | timeline", one per line. */
export const actionsOf = (text: string | undefined) =>
  lines(text).map((line) => {
    const [action = "", actor = "", timeline = ""] = line.split("|").map((part) => part.trim());
    return { action, actor, timeline };
  });
