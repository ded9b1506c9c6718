/** Password rules (domain.md §8): at least 8 characters, not the account name, not the old password. */
import { PASSWORD_MIN_LENGTH } from "@/lib/schemas/access";

export type PasswordProblem = "tooShort" | "sameAsAccount" | "sameAsOld";

/** The rule a new password breaks, or null. `sameAsOld` is checked by the caller against the hash. */
export function passwordProblem(password: string, account: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (password.trim().toLowerCase() === account.trim().toLowerCase()) return "sameAsAccount";
  return null;
}
