/** Fragments every password list starts with: a password built on one is guessed first. */
const commonParts = [
  "password",
  "passwort",
  "motdepasse",
  "qwerty",
  "azerty",
  "123456",
  "abcdef",
  "letmein",
  "continuum",
];

/**
 * Why a long enough password is still easy to guess for this account, or null (NIST SP 800-63B: refuse
 * repetitive or sequential values, common passwords and values derived from the account).
 */
export const passwordWeakness = (password: string, email: string): string | null => {
  const lower = password.toLowerCase();
  const mailbox = email.toLowerCase().split("@")[0] ?? "";
  if (new Set(lower).size < 5) return "uses fewer than 5 different characters";
  if (mailbox.length >= 4 && lower.includes(mailbox))
    return "contains the part of the account's e-mail address before the @";
  const common = commonParts.find((part) => lower.includes(part));
  return common ? `contains "${common}", which password guessers try first` : null;
};
