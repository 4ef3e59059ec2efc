/* Messages about the request around its body: route, method, media types,
 * preconditions, credentials, rights, the stored picture and the server's
 * own failures. See soi_msg.h for the form of an entry. */
#ifndef SOI_MSG_REQUEST_H
#define SOI_MSG_REQUEST_H

/* clang-format off */
#define SOI_MESSAGES_REQUEST(X) \
    /* Route and method */ \
    X(SOI_MSG_NO_ROUTE, 404, "No such resource. This server answers {1} below its mount point.") \
    X(SOI_MSG_BAD_CONTACT_ID, 400, "The contact id in the path must be a whole number from 1 to 2147483647, not \"{1}\".") \
    X(SOI_MSG_METHOD, 405, "The method {1} is not served here; this resource answers {2}.") \
    /* Media types */ \
    X(SOI_MSG_NOT_ACCEPTABLE, 406, "None of the media types in Accept (\"{1}\") can be produced; this resource answers {2}.") \
    X(SOI_MSG_CONTENT_TYPE_MALFORMED, 400, "The Content-Type header \"{1}\" is not a media type such as application/json.") \
    X(SOI_MSG_CHARSET, 415, "The charset \"{1}\" is not accepted: send the body as UTF-8 (charset=utf-8, or no charset).") \
    X(SOI_MSG_NO_CONTENT_TYPE, 415, "The request has no Content-Type; {1} takes {2} (charset utf-8).") \
    X(SOI_MSG_CONTENT_TYPE, 415, "Content-Type \"{1}\" is not accepted here; {2} takes {3} (charset utf-8).") \
    /* The body as a whole */ \
    X(SOI_MSG_BODY_EMPTY, 400, "The request body is empty: send a BlobEntity, or a patch.") \
    X(SOI_MSG_IMAGE_EMPTY, 400, "The request body is empty: send the picture's bytes.") \
    X(SOI_MSG_BODY_TOO_LARGE, 413, "The request body is larger than the {1} bytes accepted here.") \
    X(SOI_MSG_BODY_TOO_LARGE_CHUNKED, 413, "The request body is larger than the {1} bytes accepted here, or a chunk-size line of its chunked encoding is too long.") \
    X(SOI_MSG_BODY_FRAMING, 400, "The request body could not be read: its framing (Content-Length or chunked encoding) is malformed.") \
    X(SOI_MSG_BODY_CODING, 501, "The request body could not be read: its transfer coding is unknown here; send it with Content-Length or chunked.") \
    X(SOI_MSG_BODY_UNREAD, 400, "The request body could not be read: the client stopped sending or its framing is malformed.") \
    /* Preconditions */ \
    X(SOI_MSG_BAD_ETAG_LIST, 400, "The {1} header \"{2}\" is not \"*\" or a list of entity tags such as \"abc\".") \
    X(SOI_MSG_PRECONDITION, 412, "The picture is not in the state the request's preconditions (If-Match, If-Unmodified-Since, If-None-Match) expect; nothing was changed. Read it again and retry with its current ETag.") \
    /* Credentials */ \
    X(SOI_MSG_AUTH_REQUIRED, 401, "Authentication is required; this resource accepts {1}.") \
    X(SOI_MSG_AUTH_SCHEME, 401, "This Authorization scheme is not accepted here; use {1}.") \
    X(SOI_MSG_AUTH_BASIC_MALFORMED, 401, "The Basic credentials must be the base64 encoding of user:password in UTF-8, without control characters in the user name.") \
    X(SOI_MSG_AUTH_REFUSED, 401, "The user name or password is wrong, or the associate is not active.") \
    X(SOI_MSG_AUTH_TOKEN_MALFORMED, 401, "The {1} credentials must be a token such as 7T:... of at most 512 letters, digits and -._~+/=: characters.") \
    X(SOI_MSG_AUTH_TICKET_REFUSED, 401, "The {1} token is unknown, expired or revoked, or its associate is not active.") \
    X(SOI_MSG_AUTH_COOKIE_REFUSED, 401, "The session cookie SOTICKET holds no ticket that is valid: it is unknown, expired or revoked, or its associate is not active.") \
    X(SOI_MSG_APP_MALFORMED, 401, "The SO-AppToken header must be a token of at most 512 letters, digits and -._~+/=: characters.") \
    X(SOI_MSG_APP_REFUSED, 401, "The application token (SO-AppToken) is unknown or revoked.") \
    X(SOI_MSG_APP_REQUIRED, 401, "This server requires an application token with {1} credentials: send the SO-AppToken header of a registered application.") \
    X(SOI_MSG_XSRF, 403, "A cookie session must send its XSRF value (the X-XSRF-TOKEN header, or the XSRF_TOKEN field of a form) to change anything; it is missing or wrong.") \
    X(SOI_MSG_APACHE_USER, 403, "The user \"{1}\" that the server authenticated is not an active associate.") \
    /* Rights */ \
    X(SOI_MSG_NEEDS_SELECT, 403, "Reading a picture needs the Select right; this associate holds: {1}.") \
    X(SOI_MSG_NEEDS_UPDATE, 403, "Changing a picture needs the Update right; this associate holds: {1}.") \
    X(SOI_MSG_NEEDS_INSERT, 403, "Creating a picture needs the Insert right; this associate holds: {1}.") \
    X(SOI_MSG_NEEDS_WRITE, 403, "Changing a picture needs the Update right (Insert to create one); this associate holds: {1}.") \
    /* The stored picture */ \
    X(SOI_MSG_NO_CONTACT, 404, "Contact {1} does not exist or is deleted.") \
    X(SOI_MSG_BLOB_CONFLICT, 409, "BlobId {1} is not the picture of contact {2}, whose picture is BlobId {3}; send that BlobId or 0.") \
    X(SOI_MSG_BLOBSIZE_MISMATCH, 400, "BlobSize {1} is not the length of the picture's bytes, {2}; send BlobSize {2}, or store other bytes with PUT /v1/Contact/{3}/Image.") \
    X(SOI_MSG_NO_IMAGE, 404, "Contact {1} has no picture bytes; store some with PUT /v1/Contact/{1}/Image.") \
    X(SOI_MSG_RANGE, 416, "No part of the range \"{1}\" lies within the picture's {2} bytes.") \
    X(SOI_MSG_IMAGE_MAGIC, 400, "The bytes are not {1}: a picture's first bytes must match its Content-Type ({0}).") \
    X(SOI_PH_BYTES_ARE, 0, "these are {1}") \
    X(SOI_PH_BYTES_NO_PICTURE, 0, "these are no picture this server takes") \
    X(SOI_MSG_IMAGE_UNKNOWN, 400, "The bytes are no picture this server takes: a picture begins with the signature of {1}.") \
    X(SOI_MSG_MULTIPART_EMPTY, 400, "The file part of the multipart/form-data body is empty: put the picture's bytes in it.") \
    X(SOI_MSG_MULTIPART_PART_TYPE, 415, "The file part of the multipart/form-data body has the Content-Type \"{1}\"; a picture there is {2}, or application/octet-stream (or no Content-Type) to have its type told by its bytes.") \
    X(SOI_MSG_NEEDS_DELETE, 403, "Deleting a picture needs the Delete right; this associate holds: {1}.") \
    X(SOI_MSG_BLOB_CONFLICT_NONE, 409, "BlobId {1} is not the picture of contact {2}, which has no picture yet; send BlobId 0 to create one.") \
    /* Culture and time zone headers */ \
    X(SOI_MSG_CULTURE, 400, "The SO-Culture header \"{1}\" is not a culture code such as sv or nb-NO (a language, an optional script and region).") \
    X(SOI_MSG_TIMEZONE, 400, "The SO-TimeZone header \"{1}\" names no time zone known here: send a SuperOffice zone code such as NO or US-NY, or its id such as 261, optionally followed by \", includeTZOffset\".") \
    /* The server's own failures: the detail goes to the error log only */ \
    X(SOI_MSG_SERVER, 500, "The server could not complete the request; its error log has the details.") \
    X(SOI_MSG_UNAVAILABLE, 503, "The database is unavailable at the moment; try again later.") \
    X(SOI_MSG_BUSY, 503, "The database did not answer in time (a statement or lock timeout); try again later.")
/* clang-format on */

#endif
