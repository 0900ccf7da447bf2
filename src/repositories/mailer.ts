import nodemailer from "nodemailer";

/** SMTP settings from configuration (README → Configuration). */
export type SmtpSettings = {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
};

type Mail = { to: string; subject: string; text: string };
export type Mailer = { send: (mail: Mail) => Promise<void>; close: () => void };

/** A mailer over one pooled SMTP connection; the only code that speaks SMTP. */
export const createMailer = (settings: SmtpSettings): Mailer => {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? "" } } : {}),
    // Loopback and internal relays often run without a certificate a public CA signed.
    tls: { rejectUnauthorized: !["127.0.0.1", "localhost", "::1"].includes(settings.host) },
    connectionTimeout: 10_000,
  });
  return {
    send: async (mail) => {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
};
