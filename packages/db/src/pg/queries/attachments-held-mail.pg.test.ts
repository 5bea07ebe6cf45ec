import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allAttachmentHashes,
  attachmentForAccess,
  attachmentsOfHeldMail,
  attachmentsOfMessage,
  attachmentsOfMessages,
  claimAttachments,
  deleteAbandonedUploads,
  holdAttachments,
  insertStagedAttachment,
  isStoredHashReferenced,
  moveHeldAttachmentsToMessage,
  stagedAttachmentsOf,
  type AttachmentOwner,
} from '../../queries/attachments.js';
import { decideHeldMail, getHeldMail, heldMailOfTicket, insertContactForSender, insertHeldMail, lastMessageIdOfTicket, type NewHeldMail } from '../../queries/held-mail.js';
import { findAccountByEmail } from '../../queries/accounts.js';
import { DEMO_ACCOUNTS } from '../../seed/demo-data.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import { tableOnBothEngines } from '../twin-testing.js';
import {
  allAttachmentHashesPg,
  attachmentForAccessPg,
  attachmentsOfHeldMailPg,
  attachmentsOfMessagePg,
  attachmentsOfMessagesPg,
  claimAttachmentsPg,
  deleteAbandonedUploadsPg,
  holdAttachmentsPg,
  insertStagedAttachmentPg,
  isStoredHashReferencedPg,
  moveHeldAttachmentsToMessagePg,
  stagedAttachmentsOfPg,
} from './attachments.js';
import { decideHeldMailPg, getHeldMailPg, heldMailOfTicketPg, insertContactForSenderPg, insertHeldMailPg, lastMessageIdOfTicketPg } from './held-mail.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
});
afterAll(() => both?.dispose());

const sha = (c: string) => c.repeat(64);
const contactId = () => findAccountByEmail(both.sqlite, DEMO_ACCOUNTS.contact)!.id;
const agentId = () => findAccountByEmail(both.sqlite, DEMO_ACCOUNTS.agent)!.id;
/** A demo ticket with its messages, on both engines (the copy keeps ids). */
const ticketWithMessages = async () => {
  const { rows } = await both.pg.$client.query<{ ticket_id: number; ids: number[] }>(
    'SELECT ticket_id, array_agg(id ORDER BY id) AS ids FROM messages GROUP BY ticket_id HAVING count(*) >= 3 ORDER BY ticket_id LIMIT 1',
  );
  return { ticketId: rows[0]!.ticket_id, messageIds: rows[0]!.ids };
};

/** Runs the SQLite function and its twin with the same arguments; both answers, for one assertion. */
async function onBoth<T>(sqlite: () => T, pg: () => Promise<T>): Promise<T> {
  const expected = sqlite();
  expect(await pg()).toEqual(expected);
  return expected;
}

describe('attachments and held e-mail on PostgreSQL answer as on SQLite', () => {
  it('stages, claims, holds, moves, reads and cleans files with the same rows and answers', async () => {
    const { ticketId, messageIds } = await ticketWithMessages();
    const contact: AttachmentOwner = { kind: 'contact', id: contactId() };
    const agent: AttachmentOwner = { kind: 'agent', id: agentId() };
    const system: AttachmentOwner = { kind: 'system', id: null };
    const stage = (owner: AttachmentOwner, c: string, now = NOW) => {
      const input = { sha256: sha(c), size: 10, mime: 'image/png', filename: `foto-${c}.png`, owner, now };
      return onBoth(() => insertStagedAttachment(both.sqlite, input), () => insertStagedAttachmentPg(both.pg, input));
    };
    const a1 = await stage(contact, 'a');
    const a2 = await stage(contact, 'b');
    const a3 = await stage(system, 'c');
    const a4 = await stage(agent, 'a');
    const ids = [a4.id, a2.id, a1.id, a3.id, 999_999];

    await onBoth(() => stagedAttachmentsOf(both.sqlite, contact, ids), () => stagedAttachmentsOfPg(both.pg, contact, ids));
    expect((await stagedAttachmentsOfPg(both.pg, contact, ids)).map((a) => a.id)).toEqual([a1.id, a2.id]);
    await onBoth(() => stagedAttachmentsOf(both.sqlite, system, ids), () => stagedAttachmentsOfPg(both.pg, system, ids));
    await onBoth(() => stagedAttachmentsOf(both.sqlite, contact, []), () => stagedAttachmentsOfPg(both.pg, contact, []));

    const claim = { ids: [a1.id, a2.id], messageId: messageIds[0]!, ticketId };
    expect(await onBoth(() => claimAttachments(both.sqlite, claim), () => claimAttachmentsPg(both.pg, claim))).toBe(2);
    expect(await onBoth(() => claimAttachments(both.sqlite, { ...claim, messageId: messageIds[1]! }), () => claimAttachmentsPg(both.pg, { ...claim, messageId: messageIds[1]! }))).toBe(0);
    await onBoth(() => claimAttachments(both.sqlite, { ...claim, ids: [] }), () => claimAttachmentsPg(both.pg, { ...claim, ids: [] }));
    await onBoth(() => stagedAttachmentsOf(both.sqlite, contact, ids), () => stagedAttachmentsOfPg(both.pg, contact, ids));

    const held: NewHeldMail = { ticketId, fromAddress: 'desconhecido@example.org', fromName: 'Desconhecido', body: 'Segue a foto', reason: 'unknown_sender', mailMessageId: '<foto@example.org>', receivedAt: NOW };
    const heldRow = (await onBoth(() => insertHeldMail(both.sqlite, held), () => insertHeldMailPg(both.pg, held)))!;
    expect(heldRow.status).toBe('held');
    expect(await onBoth(() => insertHeldMail(both.sqlite, held), () => insertHeldMailPg(both.pg, held))).toBeNull();
    const noId = { ...held, mailMessageId: null };
    await onBoth(() => insertHeldMail(both.sqlite, noId), () => insertHeldMailPg(both.pg, noId));
    await onBoth(() => holdAttachments(both.sqlite, { ids: [a3.id], heldMailId: heldRow.id, ticketId }), () => holdAttachmentsPg(both.pg, { ids: [a3.id], heldMailId: heldRow.id, ticketId }));
    await onBoth(() => holdAttachments(both.sqlite, { ids: [], heldMailId: heldRow.id, ticketId }), () => holdAttachmentsPg(both.pg, { ids: [], heldMailId: heldRow.id, ticketId }));
    await onBoth(() => attachmentsOfHeldMail(both.sqlite, heldRow.id), () => attachmentsOfHeldMailPg(both.pg, heldRow.id));
    await onBoth(() => heldMailOfTicket(both.sqlite, ticketId), () => heldMailOfTicketPg(both.pg, ticketId));
    await onBoth(() => getHeldMail(both.sqlite, heldRow.id), () => getHeldMailPg(both.pg, heldRow.id));
    expect(await onBoth(() => getHeldMail(both.sqlite, 999_999), () => getHeldMailPg(both.pg, 999_999))).toBeNull();

    const sender = { name: 'Desconhecido', email: 'Desconhecido@Example.org', companyId: null, now: NOW };
    await onBoth(() => insertContactForSender(both.sqlite, sender), () => insertContactForSenderPg(both.pg, sender));
    const lastMessage = (await onBoth(() => lastMessageIdOfTicket(both.sqlite, ticketId), () => lastMessageIdOfTicketPg(both.pg, ticketId)))!;
    expect(lastMessage).toBe(messageIds.at(-1));
    expect(await onBoth(() => lastMessageIdOfTicket(both.sqlite, 999_999), () => lastMessageIdOfTicketPg(both.pg, 999_999))).toBeNull();
    const decision = { id: heldRow.id, status: 'accepted' as const, agentId: agentId(), now: NOW + 1, messageId: lastMessage };
    expect(await onBoth(() => decideHeldMail(both.sqlite, decision), () => decideHeldMailPg(both.pg, decision))).toBe(true);
    expect(await onBoth(() => decideHeldMail(both.sqlite, { ...decision, status: 'discarded' }), () => decideHeldMailPg(both.pg, { ...decision, status: 'discarded' }))).toBe(false);
    await onBoth(() => heldMailOfTicket(both.sqlite, ticketId), () => heldMailOfTicketPg(both.pg, ticketId));
    const move = { heldMailId: heldRow.id, messageId: lastMessage };
    await onBoth(() => moveHeldAttachmentsToMessage(both.sqlite, move), () => moveHeldAttachmentsToMessagePg(both.pg, move));

    for (const id of [a1.id, a3.id, a4.id, 999_999]) await onBoth(() => attachmentForAccess(both.sqlite, id), () => attachmentForAccessPg(both.pg, id));
    expect((await attachmentForAccessPg(both.pg, a1.id))!.requesterId).toBe(contactId());
    const byMessage = await onBoth(() => attachmentsOfMessages(both.sqlite, [...messageIds, 999_999]), () => attachmentsOfMessagesPg(both.pg, [...messageIds, 999_999]));
    expect([...byMessage.keys()].sort()).toEqual([messageIds[0], lastMessage].sort());
    await onBoth(() => attachmentsOfMessages(both.sqlite, []), () => attachmentsOfMessagesPg(both.pg, []));
    await onBoth(() => attachmentsOfMessage(both.sqlite, messageIds[0]!), () => attachmentsOfMessagePg(both.pg, messageIds[0]!));

    // Abandoned uploads: the agent's unclaimed 'a' and two old rows sharing a hash (returned once) go; a newer one and the claimed ones stay.
    await stage(contact, 'd', NOW - 10_000);
    await stage(agent, 'd', NOW - 9_000);
    await stage(agent, 'e', NOW - 8_000);
    await stage(agent, 'f', NOW + 10_000);
    expect(await onBoth(() => allAttachmentHashes(both.sqlite).sort(), async () => (await allAttachmentHashesPg(both.pg)).sort())).toHaveLength(6);
    expect(await allAttachmentHashesPg(both.pg)).toEqual(allAttachmentHashes(both.sqlite));
    expect(await onBoth(() => deleteAbandonedUploads(both.sqlite, NOW + 1), () => deleteAbandonedUploadsPg(both.pg, NOW + 1))).toEqual([sha('a'), sha('d'), sha('e')]);
    for (const c of ['a', 'd', 'f']) await onBoth(() => isStoredHashReferenced(both.sqlite, sha(c)), () => isStoredHashReferencedPg(both.pg, sha(c)));
    expect(await isStoredHashReferencedPg(both.pg, sha('d'))).toBe(false);

    for (const table of ['attachments', 'heldMail', 'contacts'] as const) {
      const rows = await tableOnBothEngines(both, table);
      expect(rows.pg, table).toEqual(rows.sqlite);
    }
  });
});

describe('races on PostgreSQL have one winner, as on SQLite', () => {
  it('one held copy of an e-mail delivered six times at once; one decision of two agents deciding at once', async () => {
    const { ticketId } = await ticketWithMessages();
    const held: NewHeldMail = { ticketId, fromAddress: 'x@example.org', body: 'corrida', reason: 'auth_failed', mailMessageId: '<corrida@example.org>', receivedAt: NOW };
    const inserted = await Promise.all(Array.from({ length: 6 }, () => both.pg.transaction((tx) => insertHeldMailPg(tx, held))));
    expect(inserted.filter(Boolean)).toHaveLength(1);
    const id = inserted.find(Boolean)!.id;
    const decisions = await Promise.all(
      (['accepted', 'discarded'] as const).map((status, i) => both.pg.transaction((tx) => decideHeldMailPg(tx, { id, status, agentId: agentId(), now: NOW + i }))),
    );
    expect(decisions.filter(Boolean)).toHaveLength(1);
  });

  it('two messages claiming the same staged files at once: each file goes to one message', async () => {
    const { ticketId, messageIds } = await ticketWithMessages();
    const owner: AttachmentOwner = { kind: 'contact', id: contactId() };
    const files = await Promise.all(['1', '2', '3'].map((c) => insertStagedAttachmentPg(both.pg, { sha256: sha(c), size: 1, mime: 'text/plain', filename: 'x.txt', owner, now: NOW })));
    const ids = files.map((f) => f.id);
    const claimed = await Promise.all(messageIds.slice(0, 2).map((messageId) => both.pg.transaction((tx) => claimAttachmentsPg(tx, { ids, messageId, ticketId }))));
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(3);
    const owners = new Set([...(await attachmentsOfMessagesPg(both.pg, messageIds)).values()].flatMap((list) => list.filter((f) => ids.includes(f.id)).map((f) => f.messageId)));
    expect(owners.size).toBe(1);
  });
});
