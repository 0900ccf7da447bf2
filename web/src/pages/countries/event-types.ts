/** Each type of violence's colour on the map and in the legend, by its code: other, state-based, non-state, one-sided. */
export const TYPE_COLOURS = ["#7f8c8d", "#b2182b", "#762a83", "#e08214"];
const TYPE_KEYS = ["other", "stateBased", "nonState", "oneSided"] as const;

/** The translation key naming a type of violence by its code (an unknown code is "other"). */
export const violenceKey = (type: number): string => `data.violence.${TYPE_KEYS[type] ?? "other"}`;
