import nodemailer from 'nodemailer';

/** One plain-text e-mail. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail; the reminder job needs nothing more. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Where e-mail goes (LICHENG_SMTP_*): an SMTP server the school runs or rents. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** The sender, e.g. 「學習歷程檔案平台 <portfolio@school.edu.tw>」. */
  from: string;
  user?: string | undefined;
  pass?: string | undefined;
}

/** An SMTP transport (nodemailer, one pooled connection). A message the server refuses rejects. */
export function smtpTransport(settings: SmtpSettings): MailTransport {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.pass ?? '' } } : {}),
  });
  return {
    async send(message) {
      const info = await transporter.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text });
      if (info.rejected.length > 0) throw new Error(`the SMTP server refused ${message.to}`);
    },
    close() {
      transporter.close();
    },
  };
}
