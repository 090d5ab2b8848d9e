import type { MailMessage } from '../../messaging/mailer';
import { toLocale, type Locale } from '../../messaging/templates';
import type { NotificationType } from './notification-catalog';

export interface NoticeText {
  title: string;
  body: string;
}

/** How mail and texts name each type, in the footer that says why a notice came. */
const TYPE_NAMES: Record<Locale, Record<NotificationType, string>> = {
  en: {
    CAMPAIGN_COMPLETED: 'campaign completed',
    CAMPAIGN_STATUS: 'campaign status',
    CALLBACK_REMINDER: 'callback reminder',
    CONTACT_IMPORT: 'contact import',
    MISSED_CALL: 'missed call and voicemail',
    USAGE_ALERT: 'usage alert',
    LOW_BALANCE: 'low balance',
    BILLING: 'billing',
    PRODUCT_UPDATES: 'product update',
    SYSTEM_ALERT: 'system alert',
    SECURITY: 'security',
  },
  es: {
    CAMPAIGN_COMPLETED: 'campaña completada',
    CAMPAIGN_STATUS: 'estado de campaña',
    CALLBACK_REMINDER: 'recordatorio de devolución de llamada',
    CONTACT_IMPORT: 'importación de contactos',
    MISSED_CALL: 'llamada perdida y buzón de voz',
    USAGE_ALERT: 'alerta de uso',
    LOW_BALANCE: 'saldo bajo',
    BILLING: 'facturación',
    PRODUCT_UPDATES: 'novedades del producto',
    SYSTEM_ALERT: 'alerta del sistema',
    SECURITY: 'seguridad',
  },
};

const WORDS: Record<
  Locale,
  {
    greeting: (name: string) => string;
    open: string;
    why: (type: string) => string;
    unsubscribe: string;
    security: string;
  }
> = {
  en: {
    greeting: (name) => `Hi ${name},`,
    open: 'Open in Atrium',
    why: (type) => `You get this because ${type} notices by email are on.`,
    unsubscribe: 'Turn off these emails',
    security: 'Security notices are always sent; they cannot be turned off.',
  },
  es: {
    greeting: (name) => `Hola, ${name}:`,
    open: 'Abrir en Atrium',
    why: (type) => `Recibes esto porque tienes activados los avisos de ${type} por correo.`,
    unsubscribe: 'Desactivar estos correos',
    security: 'Los avisos de seguridad se envían siempre; no se pueden desactivar.',
  },
};

/** A notice by email, in the person's language; `unsubscribeUrl` is null for security notices. */
export function renderNoticeMail(input: {
  locale: string;
  to: string;
  name: string;
  type: NotificationType;
  text: NoticeText;
  link: string | null;
  unsubscribeUrl: string | null;
}): MailMessage {
  const locale = toLocale(input.locale);
  const words = WORDS[locale];
  const footer = input.unsubscribeUrl ? words.why(TYPE_NAMES[locale][input.type]) : words.security;
  const text = [
    words.greeting(input.name),
    input.text.body,
    ...(input.link ? [`${words.open}: ${input.link}`] : []),
    '— Atrium',
    footer,
    ...(input.unsubscribeUrl ? [`${words.unsubscribe}: ${input.unsubscribeUrl}`] : []),
  ].join('\n\n');
  const paragraph = (content: string) => `<p>${content}</p>`;
  const html = [
    paragraph(escapeHtml(words.greeting(input.name))),
    paragraph(escapeHtml(input.text.body).replace(/\n/g, '<br>')),
    ...(input.link
      ? [
          paragraph(
            `<a href="${escapeHtml(input.link)}" style="font-weight:bold">${words.open}</a>`,
          ),
        ]
      : []),
    paragraph('— Atrium'),
    `<p style="color:#666;font-size:small">${escapeHtml(footer)}${
      input.unsubscribeUrl
        ? ` <a href="${escapeHtml(input.unsubscribeUrl)}">${escapeHtml(words.unsubscribe)}</a>`
        : ''
    }</p>`,
  ].join('');
  return {
    to: input.to,
    subject: input.text.title,
    text: `${text}\n`,
    html: `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif">${html}</body></html>`,
    ...(input.unsubscribeUrl
      ? {
          headers: {
            'List-Unsubscribe': `<${input.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }
      : {}),
  };
}

/** SMS stays short: two segments at most. */
const SMS_MAX_CHARS = 300;

export function renderNoticeSms(text: NoticeText, link: string | null): string {
  const tail = link ? ` ${link}` : '';
  const room = Math.max(40, SMS_MAX_CHARS - tail.length);
  const core = `Atrium: ${text.title}. ${text.body}`;
  return `${core.length > room ? `${core.slice(0, room - 1)}…` : core}${tail}`;
}

/** The low-balance alert, in both languages (the notifier picks the person's). */
export function lowBalanceTexts(values: {
  organization: string;
  balanceCents: number;
  thresholdCents: number;
}): Record<Locale, NoticeText> {
  const money = (locale: Locale, cents: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
      cents / 100,
    );
  return {
    en: {
      title: `Low balance in ${values.organization}`,
      body: `The wallet balance of ${values.organization} is ${money('en', values.balanceCents)}, below your alert threshold of ${money('en', values.thresholdCents)}. Top it up to keep calls and messages going.`,
    },
    es: {
      title: `Saldo bajo en ${values.organization}`,
      body: `El saldo del monedero de ${values.organization} es ${money('es', values.balanceCents)}, por debajo de tu umbral de aviso de ${money('es', values.thresholdCents)}. Recárgalo para que las llamadas y los mensajes sigan funcionando.`,
    },
  };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
