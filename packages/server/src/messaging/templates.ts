import type { MailMessage } from './mailer';

export type Locale = 'en' | 'es';

interface Template {
  subject: string;
  /** Paragraphs; `{link}` becomes the call to action. */
  paragraphs: string[];
  action?: string;
}

type TemplateName =
  | 'verifyEmail'
  | 'emailChangeVerify'
  | 'emailChangeNotice'
  | 'passwordReset'
  | 'passwordChanged'
  | 'newSignIn'
  | 'mfaEnabled'
  | 'mfaDisabled'
  | 'mfaMethodAdded'
  | 'mfaMethodRemoved'
  | 'passkeyAdded'
  | 'passkeyRemoved'
  | 'teamInvitation'
  | 'apiKeyExpiring'
  | 'webhookFailing'
  | 'webhookDisabled'
  | 'dataExportReady'
  | 'reactivateAccount'
  | 'accountDeletionScheduled';

const TEMPLATES: Record<Locale, Record<TemplateName, Template>> = {
  en: {
    verifyEmail: {
      subject: 'Confirm your email address',
      paragraphs: [
        'Hi {name},',
        'Please confirm that this is your email address for Atrium.',
        'The link is valid for 24 hours.',
      ],
      action: 'Confirm email address',
    },
    emailChangeVerify: {
      subject: 'Confirm your new email address',
      paragraphs: [
        'Hi {name},',
        'You asked to sign in to Atrium with this address from now on. Confirm it to finish the change.',
        'The link is valid for 24 hours. If you did not ask for this, ignore this message.',
      ],
      action: 'Confirm new address',
    },
    emailChangeNotice: {
      subject: 'Your Atrium email address is changing',
      paragraphs: [
        'Hi {name},',
        'Someone asked to change the email address of your Atrium account to {newEmail}. It changes only when the link sent to that address is used.',
        'If this was not you, change your password now.',
      ],
    },
    passwordReset: {
      subject: 'Reset your Atrium password',
      paragraphs: [
        'Hi {name},',
        'Use the link below to choose a new password. It is valid for one hour and works once. Resetting signs you out everywhere.',
        'If you did not ask for this, ignore this message.',
      ],
      action: 'Choose a new password',
    },
    passwordChanged: {
      subject: 'Your Atrium password was changed',
      paragraphs: [
        'Hi {name},',
        'The password of your Atrium account was just changed.',
        'If this was not you, reset your password now and review your devices.',
      ],
    },
    newSignIn: {
      subject: 'New sign-in to your Atrium account',
      paragraphs: [
        'Hi {name},',
        'Your account was just signed in to from a device it had not used before: {device}, {place}.',
        'If this was not you, change your password and sign that device out under Security → Devices.',
      ],
    },
    mfaEnabled: {
      subject: 'Two-factor authentication is on',
      paragraphs: [
        'Hi {name},',
        'Two-factor authentication was turned on for your Atrium account. Keep your backup codes somewhere safe.',
        'If this was not you, reset your password now.',
      ],
    },
    mfaDisabled: {
      subject: 'Two-factor authentication was turned off',
      paragraphs: [
        'Hi {name},',
        'Two-factor authentication was turned off for your Atrium account.',
        'If this was not you, reset your password now and turn it on again.',
      ],
    },
    mfaMethodAdded: {
      subject: 'A sign-in method was added to your Atrium account',
      paragraphs: [
        'Hi {name},',
        'Two-factor authentication on your Atrium account now also accepts {method}.',
        'If this was not you, reset your password now.',
      ],
    },
    mfaMethodRemoved: {
      subject: 'A sign-in method was removed from your Atrium account',
      paragraphs: [
        'Hi {name},',
        'Two-factor authentication on your Atrium account no longer accepts {method}.',
        'If this was not you, reset your password now.',
      ],
    },
    passkeyAdded: {
      subject: 'A passkey was added to your Atrium account',
      paragraphs: [
        'Hi {name},',
        'A passkey named “{passkey}” can now sign in to your Atrium account without a password.',
        'If this was not you, remove it under Settings → Security and reset your password now.',
      ],
    },
    passkeyRemoved: {
      subject: 'A passkey was removed from your Atrium account',
      paragraphs: [
        'Hi {name},',
        'The passkey named “{passkey}” no longer signs in to your Atrium account.',
        'If this was not you, reset your password now.',
      ],
    },
    teamInvitation: {
      subject: '{name} invited you to {organization} on Atrium',
      paragraphs: [
        'Hello,',
        '{name} invited you to join {organization} on Atrium as {role}.',
        'The invitation is for this email address and is valid for 7 days. If you have no Atrium account yet, sign up with this address first. If you do not know {name}, ignore this message.',
      ],
      action: 'Accept the invitation',
    },
    apiKeyExpiring: {
      subject: 'An API key of {organization} expires soon',
      paragraphs: [
        'Hi {name},',
        'The API key "{keyName}" ({prefix}…) of {organization} on Atrium expires on {date}. Tools that use it will be refused from then on.',
        'To keep them working, create a new key under Settings → API keys and give it to them before that date.',
      ],
    },
    webhookFailing: {
      subject: 'A webhook endpoint of {organization} is failing',
      paragraphs: [
        'Hi {name},',
        'Deliveries to the webhook endpoint {url} of {organization} on Atrium have failed since {date}. Atrium keeps retrying; if they go on failing for 5 days in all, the endpoint will be turned off.',
        'Check that the receiver is up and answers with a 2xx status, under Settings → Webhooks, where the delivery log shows each attempt.',
      ],
      action: 'Open the webhooks',
    },
    webhookDisabled: {
      subject: 'A webhook endpoint of {organization} was turned off',
      paragraphs: [
        'Hi {name},',
        'The webhook endpoint {url} of {organization} on Atrium was turned off: {reason}. Nothing more is sent to it.',
        'Once the receiver works again, recover the endpoint under Settings → Webhooks: that turns it back on and redelivers what failed since a time you choose.',
      ],
      action: 'Open the webhooks',
    },
    dataExportReady: {
      subject: 'Your Atrium data export is ready',
      paragraphs: [
        'Hi {name},',
        'The archive of your account data you asked for is ready. Sign in to download it; the download works until {date}.',
        'If you did not ask for this, change your password now.',
      ],
      action: 'Download your data',
    },
    reactivateAccount: {
      subject: 'Reactivate your Atrium account',
      paragraphs: [
        'Hi {name},',
        'Someone signed in with the right password to your deactivated Atrium account. Use the link below to reactivate it; your data is as you left it.',
        'The link is valid for 24 hours. If this was not you, ignore this message and change your password.',
      ],
      action: 'Reactivate my account',
    },
    accountDeletionScheduled: {
      subject: 'Your Atrium account will be deleted on {date}',
      paragraphs: [
        'Hi {name},',
        'You asked to delete your Atrium account. On {date} it is erased with all its data, and this cannot be undone. Every device was signed out.',
        'To keep your account, sign in before then and cancel the deletion.',
      ],
      action: 'Sign in to cancel',
    },
  },
  es: {
    verifyEmail: {
      subject: 'Confirma tu dirección de correo',
      paragraphs: [
        'Hola, {name}:',
        'Confirma que esta es tu dirección de correo para Atrium.',
        'El enlace es válido durante 24 horas.',
      ],
      action: 'Confirmar dirección',
    },
    emailChangeVerify: {
      subject: 'Confirma tu nueva dirección de correo',
      paragraphs: [
        'Hola, {name}:',
        'Pediste iniciar sesión en Atrium con esta dirección a partir de ahora. Confírmala para completar el cambio.',
        'El enlace es válido durante 24 horas. Si no lo pediste tú, ignora este mensaje.',
      ],
      action: 'Confirmar nueva dirección',
    },
    emailChangeNotice: {
      subject: 'Tu dirección de correo de Atrium va a cambiar',
      paragraphs: [
        'Hola, {name}:',
        'Alguien pidió cambiar la dirección de correo de tu cuenta de Atrium a {newEmail}. Solo cambiará cuando se use el enlace enviado a esa dirección.',
        'Si no fuiste tú, cambia tu contraseña ahora.',
      ],
    },
    passwordReset: {
      subject: 'Restablece tu contraseña de Atrium',
      paragraphs: [
        'Hola, {name}:',
        'Usa el enlace para elegir una contraseña nueva. Es válido durante una hora y funciona una sola vez. Al restablecerla se cerrarán todas tus sesiones.',
        'Si no lo pediste tú, ignora este mensaje.',
      ],
      action: 'Elegir una contraseña nueva',
    },
    passwordChanged: {
      subject: 'Se cambió tu contraseña de Atrium',
      paragraphs: [
        'Hola, {name}:',
        'Se acaba de cambiar la contraseña de tu cuenta de Atrium.',
        'Si no fuiste tú, restablece tu contraseña ahora y revisa tus dispositivos.',
      ],
    },
    newSignIn: {
      subject: 'Nuevo inicio de sesión en tu cuenta de Atrium',
      paragraphs: [
        'Hola, {name}:',
        'Se acaba de iniciar sesión en tu cuenta desde un dispositivo que no había usado antes: {device}, {place}.',
        'Si no fuiste tú, cambia tu contraseña y cierra la sesión de ese dispositivo en Seguridad → Dispositivos.',
      ],
    },
    mfaEnabled: {
      subject: 'La verificación en dos pasos está activada',
      paragraphs: [
        'Hola, {name}:',
        'Se activó la verificación en dos pasos en tu cuenta de Atrium. Guarda tus códigos de respaldo en un lugar seguro.',
        'Si no fuiste tú, restablece tu contraseña ahora.',
      ],
    },
    mfaDisabled: {
      subject: 'Se desactivó la verificación en dos pasos',
      paragraphs: [
        'Hola, {name}:',
        'Se desactivó la verificación en dos pasos en tu cuenta de Atrium.',
        'Si no fuiste tú, restablece tu contraseña ahora y vuelve a activarla.',
      ],
    },
    mfaMethodAdded: {
      subject: 'Se añadió un método de inicio de sesión a tu cuenta de Atrium',
      paragraphs: [
        'Hola, {name}:',
        'La verificación en dos pasos de tu cuenta de Atrium ahora también acepta {method}.',
        'Si no fuiste tú, restablece tu contraseña ahora.',
      ],
    },
    mfaMethodRemoved: {
      subject: 'Se quitó un método de inicio de sesión de tu cuenta de Atrium',
      paragraphs: [
        'Hola, {name}:',
        'La verificación en dos pasos de tu cuenta de Atrium ya no acepta {method}.',
        'Si no fuiste tú, restablece tu contraseña ahora.',
      ],
    },
    passkeyAdded: {
      subject: 'Se añadió una llave de acceso a tu cuenta de Atrium',
      paragraphs: [
        'Hola, {name}:',
        'Una llave de acceso llamada «{passkey}» ya puede iniciar sesión en tu cuenta de Atrium sin contraseña.',
        'Si no fuiste tú, quítala en Ajustes → Seguridad y restablece tu contraseña ahora.',
      ],
    },
    passkeyRemoved: {
      subject: 'Se quitó una llave de acceso de tu cuenta de Atrium',
      paragraphs: [
        'Hola, {name}:',
        'La llave de acceso llamada «{passkey}» ya no inicia sesión en tu cuenta de Atrium.',
        'Si no fuiste tú, restablece tu contraseña ahora.',
      ],
    },
    teamInvitation: {
      subject: '{name} te invitó a {organization} en Atrium',
      paragraphs: [
        'Hola:',
        '{name} te invitó a unirte a {organization} en Atrium como {role}.',
        'La invitación es para esta dirección de correo y es válida durante 7 días. Si aún no tienes cuenta en Atrium, regístrate antes con esta dirección. Si no conoces a {name}, ignora este mensaje.',
      ],
      action: 'Aceptar la invitación',
    },
    apiKeyExpiring: {
      subject: 'Una clave de API de {organization} caduca pronto',
      paragraphs: [
        'Hola, {name}:',
        'La clave de API «{keyName}» ({prefix}…) de {organization} en Atrium caduca el {date}. A partir de entonces se rechazarán las herramientas que la usen.',
        'Para que sigan funcionando, crea una clave nueva en Ajustes → Claves de API y dásela antes de esa fecha.',
      ],
    },
    webhookFailing: {
      subject: 'Un endpoint de webhook de {organization} está fallando',
      paragraphs: [
        'Hola, {name}:',
        'Las entregas al endpoint de webhook {url} de {organization} en Atrium fallan desde el {date}. Atrium sigue reintentando; si siguen fallando 5 días en total, el endpoint se desactivará.',
        'Comprueba que el receptor está en marcha y responde con un estado 2xx, en Ajustes → Webhooks, donde el registro de entregas muestra cada intento.',
      ],
      action: 'Abrir los webhooks',
    },
    webhookDisabled: {
      subject: 'Se desactivó un endpoint de webhook de {organization}',
      paragraphs: [
        'Hola, {name}:',
        'Se desactivó el endpoint de webhook {url} de {organization} en Atrium: {reason}. No se le envía nada más.',
        'Cuando el receptor vuelva a funcionar, recupera el endpoint en Ajustes → Webhooks: lo vuelve a activar y reenvía lo que falló desde el momento que elijas.',
      ],
      action: 'Abrir los webhooks',
    },
    dataExportReady: {
      subject: 'Tu exportación de datos de Atrium está lista',
      paragraphs: [
        'Hola, {name}:',
        'El archivo con los datos de tu cuenta que pediste está listo. Inicia sesión para descargarlo; la descarga funciona hasta el {date}.',
        'Si no lo pediste tú, cambia tu contraseña ahora.',
      ],
      action: 'Descargar tus datos',
    },
    reactivateAccount: {
      subject: 'Reactiva tu cuenta de Atrium',
      paragraphs: [
        'Hola, {name}:',
        'Alguien inició sesión con la contraseña correcta en tu cuenta desactivada de Atrium. Usa el enlace de abajo para reactivarla; tus datos siguen como los dejaste.',
        'El enlace es válido durante 24 horas. Si no fuiste tú, ignora este mensaje y cambia tu contraseña.',
      ],
      action: 'Reactivar mi cuenta',
    },
    accountDeletionScheduled: {
      subject: 'Tu cuenta de Atrium se eliminará el {date}',
      paragraphs: [
        'Hola, {name}:',
        'Pediste eliminar tu cuenta de Atrium. El {date} se borrará con todos sus datos, y no se podrá deshacer. Se cerró la sesión en todos los dispositivos.',
        'Para conservar tu cuenta, inicia sesión antes de esa fecha y cancela la eliminación.',
      ],
      action: 'Iniciar sesión para cancelar',
    },
  },
};

/** Role names as mail shows them. */
export const ROLE_LABELS: Record<Locale, Record<string, string>> = {
  en: {
    OWNER: 'owner',
    ADMIN: 'administrator',
    MANAGER: 'manager',
    MEMBER: 'member',
    VIEWER: 'viewer',
  },
  es: {
    OWNER: 'propietario',
    ADMIN: 'administrador',
    MANAGER: 'gestor',
    MEMBER: 'miembro',
    VIEWER: 'lector',
  },
};

const SMS: Record<Locale, (code: string) => string> = {
  en: (code) => `Your Atrium verification code is ${code}. It expires in 10 minutes.`,
  es: (code) => `Tu código de verificación de Atrium es ${code}. Caduca en 10 minutos.`,
};

export function toLocale(locale: string): Locale {
  return locale === 'es' ? 'es' : 'en';
}

/** A mail with text and HTML parts in the recipient's language. */
export function renderMail(
  name: TemplateName,
  locale: string,
  to: string,
  values: {
    name: string;
    link?: string;
    newEmail?: string;
    device?: string;
    place?: string;
    organization?: string;
    role?: string;
    keyName?: string;
    prefix?: string;
    date?: string;
    url?: string;
    reason?: string;
    method?: string;
    passkey?: string;
  },
): MailMessage {
  const template = TEMPLATES[toLocale(locale)][name];
  const fill = (text: string, escape: (s: string) => string) =>
    text.replace(/\{(\w+)\}/g, (_, key: string) =>
      escape(String(values[key as keyof typeof values] ?? '')),
    );
  const textParagraphs = template.paragraphs.map((p) => fill(p, (s) => s));
  const htmlParagraphs = template.paragraphs.map((p) => `<p>${fill(p, escapeHtml)}</p>`);
  if (template.action && values.link) {
    textParagraphs.splice(2, 0, `${template.action}: ${values.link}`);
    htmlParagraphs.splice(
      2,
      0,
      `<p><a href="${escapeHtml(values.link)}" style="font-weight:bold">${escapeHtml(template.action)}</a></p>`,
    );
  }
  return {
    to,
    subject: fill(template.subject, (s) => s),
    text: `${textParagraphs.join('\n\n')}\n\n— Atrium\n`,
    html: `<!doctype html><html lang="${toLocale(locale)}"><body style="font-family:sans-serif">${htmlParagraphs.join('')}<p>— Atrium</p></body></html>`,
  };
}

export function renderSmsCode(locale: string, code: string): string {
  return SMS[toLocale(locale)](code);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "15 January 2026 at 10:00 (Europe/Madrid)" in the reader's language and time zone. */
export function formatMailDate(
  iso: string | null,
  reader: { locale: string; timezone: string },
): string {
  if (!iso) return '';
  try {
    const formatted = new Intl.DateTimeFormat(toLocale(reader.locale), {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: reader.timezone,
    }).format(new Date(iso));
    return `${formatted} (${reader.timezone})`;
  } catch {
    return iso;
  }
}
