/**
 * Turns zod issues into translated messages per field. A schema's own message is a
 * catalogue key under "Validation" (e.g. { message: "decimalPlaces" } with params in
 * the issue); zod's built-in codes map to generic keys.
 */
import type { z } from "zod";
import type { FieldErrors } from "../actions/result";

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Issue = z.core.$ZodIssue;

function messageOf(issue: Issue, t: Translate): string {
  const params = "params" in issue && issue.params ? (issue.params as Record<string, string | number>) : {};
  // custom messages are catalogue keys
  if (issue.code === "custom" || /^[a-zA-Z]+$/.test(issue.message)) {
    try {
      return t(issue.message, params);
    } catch {
      /* fall through to the generic message */
    }
  }
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" && Number(issue.minimum) === 1 ? t("required") : t("tooSmall", { minimum: String(issue.minimum) });
    case "too_big":
      return t("tooBig", { maximum: String(issue.maximum) });
    case "invalid_type":
      return issue.input === undefined ? t("required") : t("invalid");
    case "invalid_format":
      return t("invalidFormat");
    case "invalid_value":
      return t("invalidChoice");
    default:
      return t("invalid");
  }
}

export function localizeIssues(issues: readonly Issue[], t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    (errors[field] ??= []).push(messageOf(issue, t));
  }
  return errors;
}
