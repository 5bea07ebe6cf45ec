// The queries of queries/attachments.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/attachments.js';
import * as pg from '../../pg/queries/attachments.js';

export type * from '../../queries/attachments.js';

export const insertStagedAttachment = write(sqlite.insertStagedAttachment, pg.insertStagedAttachmentPg);
export const stagedAttachmentsOf = read(sqlite.stagedAttachmentsOf, pg.stagedAttachmentsOfPg);
export const claimAttachments = write(sqlite.claimAttachments, pg.claimAttachmentsPg);
export const holdAttachments = write(sqlite.holdAttachments, pg.holdAttachmentsPg);
export const moveHeldAttachmentsToMessage = write(sqlite.moveHeldAttachmentsToMessage, pg.moveHeldAttachmentsToMessagePg);
export const attachmentForAccess = read(sqlite.attachmentForAccess, pg.attachmentForAccessPg);
export const attachmentsOfMessages = read(sqlite.attachmentsOfMessages, pg.attachmentsOfMessagesPg);
export const attachmentsOfHeldMail = read(sqlite.attachmentsOfHeldMail, pg.attachmentsOfHeldMailPg);
export const attachmentsOfMessage = read(sqlite.attachmentsOfMessage, pg.attachmentsOfMessagePg);
export const deleteAbandonedUploads = write(sqlite.deleteAbandonedUploads, pg.deleteAbandonedUploadsPg);
export const isStoredHashReferenced = read(sqlite.isStoredHashReferenced, pg.isStoredHashReferencedPg);
export const allAttachmentHashes = read(sqlite.allAttachmentHashes, pg.allAttachmentHashesPg);
