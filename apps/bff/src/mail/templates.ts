import { draftForEnglish } from './templates-en.js';

/**
 * The ticket e-mails in pt-BR (English in templates-en.ts), each with a text and an HTML part. Message text comes from people and is
 * untrusted: the HTML part escapes everything it interpolates.
 */
export type MailKind = 'ticket_received' | 'agent_update' | 'reminder' | 'resolved' | 'closed' | 'auto_closed' | 'reopened' | 'reply_refused';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export interface MailData {
  ticketId: number;
  ticketSubject: string;
  ticketUrl: string;
  recipientName: string;
  /** The message that caused the e-mail (agent update), if any. */
  body?: string;
  /** Reminder: which one and how many days until closing. */
  daysLeft?: number;
  /** Closing e-mails: five links, score 1…5. */
  starLinks?: string[];
  /** Resolved: the last day (DD/MM) to answer before the approval timeout concludes or reopens it. */
  answerBy?: { date: string; outcome: 'close' | 'reopen' };
  /** Agent update: the scheduled visit or the date agreed with the customer (DD/MM/AAAA). */
  dueDate?: { kind: 'visit' | 'agreed'; date: string };
  /** The recipient's language (issue 15); pt-BR when absent. */
  language?: 'pt-BR' | 'en';
}

/** Issue 15: the dates the customer is told, as sentences. */
function dueDateSentence(d: MailData): string[] {
  if (!d.dueDate) return [];
  return [d.dueDate.kind === 'visit' ? `Visita agendada para ${d.dueDate.date}.` : `Data combinada com você: ${d.dueDate.date}.`];
}
function answerBySentence(d: MailData): string[] {
  if (!d.answerBy) return [];
  return [`Se você não responder até ${d.answerBy.date}, o atendimento será ${d.answerBy.outcome === 'reopen' ? 'reaberto' : 'concluído'}.`];
}

export interface Draft {
  subject: string;
  /** Paragraphs, plain text. */
  paragraphs: string[];
  quote?: string;
  link?: { label: string; url: string };
  stars?: string[];
}

function draftFor(kind: MailKind, d: MailData): Draft {
  if (d.language === 'en') return draftForEnglish(kind, d);
  const ref = `#${d.ticketId} – ${d.ticketSubject}`;
  const link = { label: 'Ver o atendimento', url: d.ticketUrl };
  switch (kind) {
    case 'ticket_received':
      return { subject: `Recebemos sua solicitação ${ref}`, paragraphs: [`Olá, ${d.recipientName}.`, `Recebemos sua solicitação ${ref}. Nossa equipe vai analisá-la e responder em breve.`, 'Você pode responder a este e-mail para acrescentar informações.'], link };
    case 'agent_update':
      return { subject: `Seu atendimento ${ref} foi atualizado`, paragraphs: [`Olá, ${d.recipientName}.`, ...dueDateSentence(d), d.body ? `Seu atendimento ${ref} recebeu uma nova resposta:` : `Seu atendimento ${ref} foi atualizado.`], ...(d.body ? { quote: d.body } : {}), link };
    case 'reminder':
      return {
        subject: `Aguardamos sua resposta: ${ref}`,
        paragraphs: [`Olá, ${d.recipientName}.`, `O atendimento ${ref} está aguardando sua resposta. Ele será encerrado em ${d.daysLeft ?? 0} dias se não houver resposta.`, 'Responda a este e-mail ou pelo portal para continuarmos.'],
        link,
      };
    case 'resolved':
      return { subject: `Atendimento resolvido: ${ref}`, paragraphs: [`Olá, ${d.recipientName}.`, `Marcamos o atendimento ${ref} como resolvido. Confirme a solução ou diga o que ainda falta no portal.`, ...answerBySentence(d)], ...(d.body ? { quote: d.body } : {}), link: { label: 'Aprovar ou reprovar a solução', url: d.ticketUrl } };
    case 'closed':
      return { subject: `Atendimento concluído: ${ref}`, paragraphs: [`Olá, ${d.recipientName}.`, `O atendimento ${ref} foi concluído.`, 'Avalie nosso atendimento clicando na estrela que melhor o representa:', 'Se o problema continuar, responda a este e-mail para reabrir o atendimento.'], stars: d.starLinks ?? [], link };
    case 'auto_closed':
      return { subject: `Atendimento encerrado por falta de resposta: ${ref}`, paragraphs: [`Olá, ${d.recipientName}.`, `O atendimento ${ref} foi encerrado automaticamente porque não recebemos resposta.`, 'Avalie nosso atendimento clicando na estrela que melhor o representa:', 'Se o problema continuar, responda a este e-mail para reabrir o atendimento.'], stars: d.starLinks ?? [], link };
    case 'reopened':
      return { subject: `Atendimento reaberto pelo cliente: ${ref}`, paragraphs: [`Olá, ${d.recipientName}.`, `O cliente reabriu o atendimento ${ref}.`], ...(d.body ? { quote: d.body } : {}), link };
    case 'reply_refused':
      return { subject: `Não foi possível reabrir: ${ref}`, paragraphs: [`Olá, ${d.recipientName}.`, `Recebemos sua mensagem, mas o atendimento ${ref} já foi encerrado e não pode mais ser reaberto.`, 'Para continuar, abra um novo atendimento pelo portal, em "Novo atendimento".'], link };
  }
}

export function renderMail(kind: MailKind, data: MailData): MailContent {
  const draft = draftFor(kind, data);
  const english = data.language === 'en';
  const text = [
    ...draft.paragraphs.slice(0, draft.stars ? 2 : undefined),
    ...(draft.quote ? [draft.quote.split('\n').map((l) => `> ${l}`).join('\n')] : []),
    ...(draft.stars ? [draft.paragraphs[2]!, draft.stars.map((url, i) => `${'★'.repeat(i + 1)} (${i + 1}): ${url}`).join('\n'), ...draft.paragraphs.slice(3)] : []),
    ...(draft.link ? [`${draft.link.label}: ${draft.link.url}`] : []),
  ].join('\n\n');
  const p = (t: string) => `<p>${escapeHtml(t)}</p>`;
  const html = [
    `<!doctype html><html lang="${english ? 'en' : 'pt-BR'}"><body>`,
    ...draft.paragraphs.slice(0, draft.stars ? 2 : undefined).map(p),
    ...(draft.quote ? [`<blockquote>${escapeHtml(draft.quote).replace(/\n/g, '<br>')}</blockquote>`] : []),
    ...(draft.stars
      ? [p(draft.paragraphs[2]!), `<p>${draft.stars.map((url, i) => `<a href="${escapeHtml(url)}" aria-label="${english ? `Rating ${i + 1} of 5` : `Nota ${i + 1} de 5`}">${'★'.repeat(i + 1)}</a>`).join(' ')}</p>`, ...draft.paragraphs.slice(3).map(p)]
      : []),
    ...(draft.link ? [`<p><a href="${escapeHtml(draft.link.url)}">${escapeHtml(draft.link.label)}</a></p>`] : []),
    '</body></html>',
  ].join('\n');
  return { subject: draft.subject, text, html };
}
