export { type MailContent, type RenderedMail, renderMail } from './layout.js';
export { createMailer, type DeliveryReport, type Mailer, type MailLog, type MailMessage } from './mailer.js';
