/* Messages about a request body: its syntax (JSON, XML, forms, patches) and
 * the BlobEntity's rules. See soi_msg.h for the form of an entry. */
#ifndef SOI_MSG_BODY_H
#define SOI_MSG_BODY_H

/* clang-format off */
#define SOI_MESSAGES_BODY(X) \
    /* What a decoder met where a value of another type was expected ({0} of the SOI_MSG_NOT_* messages). */ \
    X(SOI_PH_NULL, 0, "null") \
    X(SOI_PH_BOOL, 0, "a boolean") \
    X(SOI_PH_NUMBER, 0, "a number") \
    X(SOI_PH_STRING, 0, "a string") \
    X(SOI_PH_OBJECT, 0, "an object") \
    X(SOI_PH_ARRAY, 0, "an array") \
    X(SOI_PH_TEXT, 0, "text") \
    X(SOI_PH_QUOTED, 0, "\"{1}\"") \
    /* A property's value, by the property's type. */ \
    X(SOI_MSG_NOT_ID, 400, "{1} must be an integer (the picture's BlobId, or 0), not {0}.") \
    X(SOI_MSG_NOT_SIZE, 400, "{1} must be an integer from 0 to 2147483647, not {0}.") \
    X(SOI_MSG_NOT_STRING, 400, "{1} must be a string of at most 254 characters, or null, not {0}.") \
    X(SOI_MSG_NOT_BOOL, 400, "{1} must be true or false, not {0}.") \
    X(SOI_MSG_NOT_DATE, 400, "{1} must be an ISO 8601 date-time such as 2020-03-20T01:49:50.7296610Z, or null, not {0}.") \
    X(SOI_MSG_NOT_ASSOCIATE, 400, "{1} must be an Associate object or null, not {0}.") \
    X(SOI_MSG_NOT_OBJECT, 400, "{1} must be an object or null, not {0}.") \
    X(SOI_MSG_STRING_NUL, 400, "{1} contains U+0000, which is not accepted in text.") \
    X(SOI_MSG_STRING_CONTROL, 400, "{1} contains the control character U+{2}, which is not accepted in text.") \
    X(SOI_MSG_STRING_UTF8, 400, "{1} is not valid UTF-8 (near 0x{2}): send text as UTF-8 without overlong forms or surrogates.") \
    X(SOI_MSG_STRING_SURROGATE, 400, "{1} is not valid UTF-8: it holds an unpaired surrogate escape (\\uD800 to \\uDFFF).") \
    X(SOI_MSG_STRING_LONG, 400, "{1} has {2} characters; at most {3} are accepted.") \
    X(SOI_MSG_DUPLICATE, 400, "{1} is given more than once.") \
    /* JSON */ \
    X(SOI_MSG_JSON_SYNTAX, 400, "The body is not valid JSON: {1} near byte {2}.") \
    X(SOI_MSG_JSON_DEPTH, 400, "The body nests objects and arrays deeper than {1} levels.") \
    X(SOI_MSG_JSON_NOT_OBJECT, 400, "The body must be a JSON object holding BlobEntity properties such as {\"Description\": \"...\"}.") \
    X(SOI_MSG_MERGE_UNKNOWN, 400, "The merge patch names \"{1}\", which is not a property of BlobEntity.") \
    X(SOI_MSG_MERGE_READONLY, 400, "The merge patch names {1}, which cannot be changed; {2} can.") \
    /* XML */ \
    X(SOI_MSG_XML_SYNTAX, 400, "The body is not well-formed XML: {1}.") \
    X(SOI_MSG_XML_DOCTYPE, 400, "XML with a DOCTYPE or entity declaration is refused; send the BlobEntity element alone.") \
    X(SOI_MSG_XML_NUL, 400, "The XML body holds NUL bytes; send it as UTF-8.") \
    X(SOI_MSG_XML_DEPTH, 400, "The body nests elements deeper than {1} levels.") \
    /* Forms */ \
    X(SOI_MSG_FORM_ESCAPE, 400, "The form field \"{1}\" holds a malformed percent escape.") \
    X(SOI_MSG_FORM_TWICE, 400, "The form gives \"{1}\" more than once.") \
    X(SOI_MSG_FORM_XSRF_NUL, 400, "The form's XSRF_TOKEN contains U+0000.") \
    /* JSON Patch: reading it */ \
    X(SOI_MSG_PATCH_NOT_ARRAY, 400, "A JSON Patch is an array of operations such as [{\"op\": \"replace\", \"path\": \"/Description\", \"value\": \"...\"}].") \
    X(SOI_MSG_PATCH_OP_NOT_OBJECT, 400, "Operation {1} of the JSON Patch is not an object.") \
    X(SOI_MSG_PATCH_MEMBER_NOT_STRING, 400, "Operation {1} of the JSON Patch: \"{2}\" must be a string.") \
    X(SOI_MSG_PATCH_MEMBER_NUL, 400, "Operation {1} of the JSON Patch: \"{2}\" contains U+0000.") \
    X(SOI_MSG_PATCH_MEMBER_TWICE, 400, "Operation {1} of the JSON Patch gives \"{2}\" twice.") \
    X(SOI_MSG_PATCH_NO_OP, 400, "Operation {1} of the JSON Patch has no \"op\".") \
    X(SOI_MSG_PATCH_NO_MEMBER, 400, "Operation {1} of the JSON Patch ({2}) has no \"{3}\".") \
    X(SOI_MSG_PATCH_BAD_OP, 400, "Operation {1} of the JSON Patch has the op \"{2}\"; the ops are add, remove, replace, move, copy and test.") \
    /* JSON Patch: applying it */ \
    X(SOI_MSG_PATCH_INTO, 400, "Operation {1} of the JSON Patch points into \"{2}\"; the properties of BlobEntity that can be patched hold no members.") \
    X(SOI_MSG_PATCH_UNKNOWN, 400, "Operation {1} of the JSON Patch names \"{2}\", which is not a property of BlobEntity.") \
    X(SOI_MSG_PATCH_NOT_WRITABLE, 400, "Operation {1} of the JSON Patch names {2}, which cannot be changed; {3} can.") \
    X(SOI_MSG_PATCH_NOT_READABLE, 400, "Operation {1} of the JSON Patch names {2}, which cannot be patched; {3} can.") \
    X(SOI_MSG_PATCH_VALUE, 400, "Operation {1} of the JSON Patch: {0}") \
    X(SOI_MSG_PATCH_KIND, 400, "Operation {1} of the JSON Patch moves or copies {2} into {3}, which holds another kind of value.") \
    X(SOI_MSG_PATCH_TEST, 409, "Operation {1} of the JSON Patch (test) failed: {2} does not hold the value given; nothing was changed.") \
    /* Text that is not UTF-8, wherever a body holds it ({1} of SOI_MSG_INSIDE_UTF8 is a property's name, or a quoted name the body gives). */ \
    X(SOI_MSG_NAME_UTF8, 400, "A property name is not valid UTF-8 (near 0x{1}): send text as UTF-8 without overlong forms or surrogates.") \
    X(SOI_MSG_INSIDE_UTF8, 400, "{1} holds text that is not valid UTF-8 (near 0x{2}): send text as UTF-8 without overlong forms or surrogates.") \
    X(SOI_MSG_JSON_UTF8, 400, "The body holds a string that is not valid UTF-8 (near 0x{1}): send JSON as UTF-8 without overlong forms or surrogates.") \
    X(SOI_MSG_PATCH_MEMBER_UTF8, 400, "Operation {1} of the JSON Patch: \"{2}\" is not valid UTF-8 (near 0x{3}): send text as UTF-8 without overlong forms or surrogates.") \
    X(SOI_MSG_PATCH_NAME_UTF8, 400, "Operation {1} of the JSON Patch has a member name that is not valid UTF-8 (near 0x{2}).") \
    X(SOI_MSG_XML_UTF8, 400, "The XML body is not valid UTF-8 at byte offset {1} (near 0x{2}): send text as UTF-8 without overlong forms or surrogates.") \
    X(SOI_MSG_XML_ENCODING, 400, "The XML declaration names the encoding \"{1}\"; send XML as UTF-8 (encoding=\"utf-8\", or none).") \
    X(SOI_MSG_XML_DECL_LONG, 400, "The XML declaration is longer than {1} bytes; send a short one, such as <?xml version=\"1.0\" encoding=\"utf-8\"?>, or none.") \
    /* multipart/form-data: the Content-Type's boundary ({1} of SOI_MSG_MULTIPART_TYPE is the quoted media type) */ \
    X(SOI_MSG_MULTIPART_TYPE, 400, "The Content-Type \"{1}\" is not multipart/form-data.") \
    X(SOI_MSG_MULTIPART_NO_BOUNDARY, 400, "The multipart/form-data Content-Type has no boundary parameter.") \
    X(SOI_MSG_MULTIPART_BOUNDARY_TWICE, 400, "The multipart/form-data Content-Type gives the boundary parameter more than once.") \
    X(SOI_MSG_MULTIPART_BOUNDARY_EMPTY, 400, "The boundary parameter of the multipart/form-data Content-Type is empty.") \
    X(SOI_MSG_MULTIPART_BOUNDARY_LONG, 400, "The boundary parameter of the multipart/form-data Content-Type has {1} characters; at most {2} are accepted (RFC 2046).") \
    X(SOI_MSG_MULTIPART_BOUNDARY_CHAR, 400, "The boundary parameter of the multipart/form-data Content-Type holds the byte 0x{1}, which is not a boundary character (RFC 2046: letters, digits, space and '()+_,-./:=?).") \
    X(SOI_MSG_MULTIPART_BOUNDARY_SPACE, 400, "The boundary parameter of the multipart/form-data Content-Type ends in a space, which RFC 2046 does not allow.") \
    /* multipart/form-data: the body ({1} of the delimiter messages is the boundary, of the others the part's number from 1) */ \
    X(SOI_MSG_MULTIPART_NO_DELIMITER, 400, "The multipart/form-data body holds no delimiter line \"--{1}\".") \
    X(SOI_MSG_MULTIPART_NO_PART, 400, "The multipart/form-data body holds no part: its first delimiter is the close delimiter \"--{1}--\".") \
    X(SOI_MSG_MULTIPART_NO_CLOSE, 400, "The multipart/form-data body ends without its close delimiter \"--{1}--\".") \
    X(SOI_MSG_MULTIPART_PADDING, 400, "A delimiter line \"--{1}\" of the multipart/form-data body has more than {2} spaces or tabs after the boundary.") \
    X(SOI_MSG_MULTIPART_PARTS, 400, "The multipart/form-data body has more than {1} parts.") \
    X(SOI_MSG_MULTIPART_HEADERS_END, 400, "The multipart/form-data body ends in the headers of part {1}, without its close delimiter.") \
    X(SOI_MSG_MULTIPART_HEADERS_LONG, 400, "Part {1} of the multipart/form-data body has more than {2} bytes of headers.") \
    X(SOI_MSG_MULTIPART_HEADER_DELIMITER, 400, "Part {1} of the multipart/form-data body has a delimiter among its headers: an empty line must end them.") \
    X(SOI_MSG_MULTIPART_HEADER_CRLF, 400, "Part {1} of the multipart/form-data body has a header line with a CR or LF of its own: header lines end in CR LF.") \
    X(SOI_MSG_MULTIPART_HEADER_FOLDED, 400, "Part {1} of the multipart/form-data body has a header line that begins with a space or tab (a folded line), which is refused.") \
    X(SOI_MSG_MULTIPART_HEADER_SYNTAX, 400, "Part {1} of the multipart/form-data body has the header line \"{2}\", which is not a name, a colon and a value of visible characters.") \
    X(SOI_MSG_MULTIPART_HEADER_TWICE, 400, "Part {1} of the multipart/form-data body gives the header {2} more than once.") \
    X(SOI_MSG_MULTIPART_DISPOSITION, 400, "Part {1} of the multipart/form-data body has the Content-Disposition \"{2}\"; RFC 7578 has form-data.") \
    X(SOI_MSG_MULTIPART_DISPOSITION_SYNTAX, 400, "The Content-Disposition of part {1} of the multipart/form-data body cannot be read at \"{2}\".") \
    X(SOI_MSG_MULTIPART_TOO_LARGE, 413, "Part {1} of the multipart/form-data body is larger than the {2} bytes accepted here.")
/* clang-format on */

#endif
