/** Status colours of the charts (fills with ≥ 3:1 contrast on white; text labels carry the meaning too). */
export const STATUS_FILL: Record<string, string> = {
  AHEAD: "#15803d", // green-700
  BEHIND: "#b45309", // amber-700
  SERIOUSLY_BEHIND: "#b91c1c", // red-700
  NO_TARGET: "#64748b",
  NO_DATA: "#64748b",
  INACTIVE: "#94a3b8",
};
