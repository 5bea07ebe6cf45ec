import type { Draft, MailData, MailKind } from './templates.js';

/** The ticket e-mails in English (issue 15), for recipients whose account language is English. */
export function draftForEnglish(kind: MailKind, d: MailData): Draft {
  const ref = `#${d.ticketId} – ${d.ticketSubject}`;
  const link = { label: 'See the ticket', url: d.ticketUrl };
  const hello = `Hello, ${d.recipientName}.`;
  const due = d.dueDate ? [d.dueDate.kind === 'visit' ? `Visit scheduled for ${d.dueDate.date}.` : `Date agreed with you: ${d.dueDate.date}.`] : [];
  const answerBy = d.answerBy ? [`If you do not answer by ${d.answerBy.date}, the ticket will be ${d.answerBy.outcome === 'reopen' ? 'reopened' : 'concluded'}.`] : [];
  const rate = 'Rate our service by clicking the star that best describes it:';
  const reopen = 'If the problem continues, reply to this e-mail to reopen the ticket.';
  switch (kind) {
    case 'ticket_received':
      return { subject: `We received your request ${ref}`, paragraphs: [hello, `We received your request ${ref}. Our team will look into it and answer soon.`, 'You can reply to this e-mail to add information.'], link };
    case 'agent_update':
      return { subject: `Your ticket ${ref} was updated`, paragraphs: [hello, ...due, d.body ? `Your ticket ${ref} has a new reply:` : `Your ticket ${ref} was updated.`], ...(d.body ? { quote: d.body } : {}), link };
    case 'reminder':
      return {
        subject: `We are waiting for your reply: ${ref}`,
        paragraphs: [hello, `The ticket ${ref} is waiting for your reply. It will be closed in ${d.daysLeft ?? 0} days if there is no answer.`, 'Reply to this e-mail or on the portal so we can continue.'],
        link,
      };
    case 'resolved':
      return { subject: `Ticket resolved: ${ref}`, paragraphs: [hello, `We marked the ticket ${ref} as resolved. Confirm the solution or tell us what is still missing on the portal.`, ...answerBy], ...(d.body ? { quote: d.body } : {}), link: { label: 'Approve or reject the solution', url: d.ticketUrl } };
    case 'closed':
      return { subject: `Ticket concluded: ${ref}`, paragraphs: [hello, `The ticket ${ref} was concluded.`, rate, reopen], stars: d.starLinks ?? [], link };
    case 'auto_closed':
      return { subject: `Ticket closed for lack of reply: ${ref}`, paragraphs: [hello, `The ticket ${ref} was closed automatically because we did not hear back from you.`, rate, reopen], stars: d.starLinks ?? [], link };
    case 'reopened':
      return { subject: `Ticket reopened by the customer: ${ref}`, paragraphs: [hello, `The customer reopened the ticket ${ref}.`], ...(d.body ? { quote: d.body } : {}), link };
    case 'reply_refused':
      return { subject: `Could not reopen: ${ref}`, paragraphs: [hello, `We received your message, but the ticket ${ref} is closed and can no longer be reopened.`, 'To continue, open a new ticket on the portal, under "New ticket".'], link };
  }
}
