/**
 * The size limit of spreadsheet imports, shared by the importers (their own message), the
 * forms (which check before sending, so that no file of any size reaches the framework's
 * own refusal) and next.config.ts (the server action body limit: the file plus the form's
 * other fields and the multipart envelope).
 */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const ACTION_BODY_LIMIT_BYTES = MAX_UPLOAD_BYTES + 256 * 1024;
