import type { FirstAdministrator } from "../../services/system/ensure-first-administrator.ts";

/** The generated password is shown once, when the account is created; it is never stored in clear. */
export const printFirstAdministrator = (admin: FirstAdministrator | undefined): void => {
  if (!admin) return;
  const password = admin.generated ? admin.password : "(the password in CONTINUUM_ADMIN_PASSWORD)";
  process.stdout.write(
    [
      "",
      "First administrator created — sign in with:",
      `  email:    ${admin.email}`,
      `  password: ${password}`,
      admin.generated
        ? "  (generated now and shown only this once: keep it, then change it under Account)"
        : "",
      "",
    ].join("\n"),
  );
};
