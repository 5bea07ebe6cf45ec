/**
 * A WhatsApp conversation link for a contact's phone (seed 001 §3.1): https://wa.me/<digits>, the
 * number in international form without "+", spaces or punctuation. Null when it cannot be a phone.
 */
export function whatsAppUrl(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 10 && digits.length <= 15 ? `https://wa.me/${digits}` : null;
}
