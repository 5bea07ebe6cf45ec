// The queries of queries/attachments.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/attachments.js';

export type * from '../../queries/attachments.js';

export const insertStagedAttachment = write(sqlite.insertStagedAttachment, notOnPostgresYet('insertStagedAttachment'));
export const stagedAttachmentsOf = read(sqlite.stagedAttachmentsOf, notOnPostgresYet('stagedAttachmentsOf'));
export const claimAttachments = write(sqlite.claimAttachments, notOnPostgresYet('claimAttachments'));
export const holdAttachments = write(sqlite.holdAttachments, notOnPostgresYet('holdAttachments'));
export const moveHeldAttachmentsToMessage = write(sqlite.moveHeldAttachmentsToMessage, notOnPostgresYet('moveHeldAttachmentsToMessage'));
export const attachmentForAccess = read(sqlite.attachmentForAccess, notOnPostgresYet('attachmentForAccess'));
export const attachmentsOfMessages = read(sqlite.attachmentsOfMessages, notOnPostgresYet('attachmentsOfMessages'));
export const attachmentsOfHeldMail = read(sqlite.attachmentsOfHeldMail, notOnPostgresYet('attachmentsOfHeldMail'));
export const attachmentsOfMessage = read(sqlite.attachmentsOfMessage, notOnPostgresYet('attachmentsOfMessage'));
export const deleteAbandonedUploads = write(sqlite.deleteAbandonedUploads, notOnPostgresYet('deleteAbandonedUploads'));
export const isStoredHashReferenced = read(sqlite.isStoredHashReferenced, notOnPostgresYet('isStoredHashReferenced'));
export const allAttachmentHashes = read(sqlite.allAttachmentHashes, notOnPostgresYet('allAttachmentHashes'));
