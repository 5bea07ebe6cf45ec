import { customerDates } from '@atende/domain';
import { getAutomationSettings, getCompanySettings, type CustomerTicketPage, type Database, type TicketRecord } from '@atende/db/store';

const iso = (epoch: number | null) => (epoch === null ? null : new Date(epoch).toISOString());

/**
 * What the customer's ticket page shows besides the thread (issue 15): the visit or agreed date, until
 * when a resolved ticket waits for their answer (the approval-timeout policy), and their own ratings
 * with comments. Dates go as instants plus the company's time zone, in which the page writes the day.
 */
export async function customerTicketExtras(db: Database, ticket: TicketRecord, ratings: CustomerTicketPage['ratings']) {
  const dates = customerDates(ticket, (await getAutomationSettings(db)).approvalTimeout);
  return {
    dates: {
      timeZone: (await getCompanySettings(db)).timeZone,
      visitAt: iso(dates.visitAt),
      agreedAt: iso(dates.agreedAt),
      answerBy: dates.answerBy ? { at: iso(dates.answerBy.at)!, outcome: dates.answerBy.outcome } : null,
    },
    ratings: ratings.map((r) => ({ closing: r.closing, score: r.score, comment: r.comment, createdAt: iso(r.createdAt)! })),
  };
}
