/* The message catalogue in German: one entry per id of SOI_MESSAGES, in its
 * order, with the English text's {0}..{4} slots. See soi_catalogue.h. */
#ifndef SOI_CATALOGUE_DE_H
#define SOI_CATALOGUE_DE_H

/* clang-format off */
#define SOI_CATALOGUE_DE(T) \
    /* Route and method */ \
    T(SOI_MSG_NO_ROUTE, "Diese Ressource gibt es nicht. Dieser Server antwortet unterhalb seines Einhängepunkts auf {1}.") \
    T(SOI_MSG_BAD_CONTACT_ID, "Die Kontakt-ID im Pfad muss eine ganze Zahl von 1 bis 2147483647 sein, nicht \"{1}\".") \
    T(SOI_MSG_METHOD, "Die Methode {1} wird hier nicht unterstützt; diese Ressource unterstützt {2}.") \
    /* Media types */ \
    T(SOI_MSG_NOT_ACCEPTABLE, "Keiner der Medientypen in Accept (\"{1}\") kann geliefert werden; diese Ressource antwortet mit {2}.") \
    T(SOI_MSG_CONTENT_TYPE_MALFORMED, "Der Header Content-Type \"{1}\" ist kein Medientyp wie application/json.") \
    T(SOI_MSG_CHARSET, "Der Zeichensatz \"{1}\" wird nicht akzeptiert: Senden Sie den Rumpf als UTF-8 (charset=utf-8 oder kein charset).") \
    T(SOI_MSG_NO_CONTENT_TYPE, "Die Anfrage hat keinen Content-Type; {1} akzeptiert {2} (charset utf-8).") \
    T(SOI_MSG_CONTENT_TYPE, "Content-Type \"{1}\" wird hier nicht akzeptiert; {2} akzeptiert {3} (charset utf-8).") \
    /* The body as a whole */ \
    T(SOI_MSG_BODY_EMPTY, "Der Anfragerumpf ist leer: Senden Sie eine BlobEntity oder einen Patch.") \
    T(SOI_MSG_IMAGE_EMPTY, "Der Anfragerumpf ist leer: Senden Sie die Bytes des Bildes.") \
    T(SOI_MSG_BODY_TOO_LARGE, "Der Anfragerumpf ist größer als die hier akzeptierten {1} Bytes.") \
    T(SOI_MSG_BODY_TOO_LARGE_CHUNKED, "Der Anfragerumpf ist größer als die hier akzeptierten {1} Bytes, oder eine Zeile mit der Chunk-Größe seiner chunked-Kodierung ist zu lang.") \
    T(SOI_MSG_BODY_FRAMING, "Der Anfragerumpf konnte nicht gelesen werden: Seine Rahmung (Content-Length oder chunked-Kodierung) ist fehlerhaft.") \
    T(SOI_MSG_BODY_CODING, "Der Anfragerumpf konnte nicht gelesen werden: Seine Transferkodierung ist hier unbekannt; senden Sie ihn mit Content-Length oder chunked.") \
    T(SOI_MSG_BODY_UNREAD, "Der Anfragerumpf konnte nicht gelesen werden: Der Client hat das Senden abgebrochen, oder die Rahmung des Rumpfs ist fehlerhaft.") \
    /* Preconditions */ \
    T(SOI_MSG_BAD_ETAG_LIST, "Der Header {1} \"{2}\" ist weder \"*\" noch eine Liste von Entity-Tags wie \"abc\".") \
    T(SOI_MSG_PRECONDITION, "Das Bild ist nicht in dem Zustand, den die Vorbedingungen der Anfrage (If-Match, If-Unmodified-Since, If-None-Match) erwarten; es wurde nichts geändert. Lesen Sie es erneut, und versuchen Sie es mit seinem aktuellen ETag noch einmal.") \
    /* Credentials */ \
    T(SOI_MSG_AUTH_REQUIRED, "Eine Authentifizierung ist erforderlich; diese Ressource akzeptiert {1}.") \
    T(SOI_MSG_AUTH_SCHEME, "Dieses Authorization-Schema wird hier nicht akzeptiert; verwenden Sie {1}.") \
    T(SOI_MSG_AUTH_BASIC_MALFORMED, "Die Basic-Zugangsdaten müssen die Base64-Kodierung von user:password in UTF-8 sein, ohne Steuerzeichen im Benutzernamen.") \
    T(SOI_MSG_AUTH_REFUSED, "Benutzername oder Passwort ist falsch, oder der Mitarbeiter ist nicht aktiv.") \
    T(SOI_MSG_AUTH_TOKEN_MALFORMED, "Die Zugangsdaten für {1} müssen ein Token wie 7T:... mit höchstens 512 Zeichen sein (Buchstaben, Ziffern und -._~+/=:).") \
    T(SOI_MSG_AUTH_TICKET_REFUSED, "Das Token für {1} ist unbekannt, abgelaufen oder widerrufen, oder der zugehörige Mitarbeiter ist nicht aktiv.") \
    T(SOI_MSG_AUTH_COOKIE_REFUSED, "Das Sitzungs-Cookie SOTICKET enthält kein gültiges Ticket: Es ist unbekannt, abgelaufen oder widerrufen, oder der zugehörige Mitarbeiter ist nicht aktiv.") \
    T(SOI_MSG_APP_MALFORMED, "Der Header SO-AppToken muss ein Token mit höchstens 512 Zeichen sein (Buchstaben, Ziffern und -._~+/=:).") \
    T(SOI_MSG_APP_REFUSED, "Das Anwendungstoken (SO-AppToken) ist unbekannt oder widerrufen.") \
    T(SOI_MSG_APP_REQUIRED, "Dieser Server verlangt bei Zugangsdaten für {1} ein Anwendungstoken: Senden Sie den Header SO-AppToken einer registrierten Anwendung.") \
    T(SOI_MSG_XSRF, "Eine Cookie-Sitzung muss ihren XSRF-Wert (den Header X-XSRF-TOKEN oder das Feld XSRF_TOKEN eines Formulars) senden, um etwas zu ändern; er fehlt oder ist falsch.") \
    T(SOI_MSG_APACHE_USER, "Der vom Server authentifizierte Benutzer \"{1}\" ist kein aktiver Mitarbeiter.") \
    /* Rights */ \
    T(SOI_MSG_NEEDS_SELECT, "Zum Lesen eines Bildes ist das Recht Select erforderlich; dieser Mitarbeiter hat: {1}.") \
    T(SOI_MSG_NEEDS_UPDATE, "Zum Ändern eines Bildes ist das Recht Update erforderlich; dieser Mitarbeiter hat: {1}.") \
    T(SOI_MSG_NEEDS_INSERT, "Zum Anlegen eines Bildes ist das Recht Insert erforderlich; dieser Mitarbeiter hat: {1}.") \
    T(SOI_MSG_NEEDS_WRITE, "Zum Ändern eines Bildes ist das Recht Update erforderlich (Insert, um eines anzulegen); dieser Mitarbeiter hat: {1}.") \
    /* The stored picture */ \
    T(SOI_MSG_NO_CONTACT, "Der Kontakt {1} existiert nicht oder ist gelöscht.") \
    T(SOI_MSG_BLOB_CONFLICT, "BlobId {1} ist nicht das Bild des Kontakts {2}, dessen Bild die BlobId {3} hat; senden Sie diese BlobId oder 0.") \
    T(SOI_MSG_BLOBSIZE_MISMATCH, "BlobSize {1} ist nicht die Länge des Bildes in Bytes, {2}; senden Sie BlobSize {2}, oder speichern Sie andere Bytes mit PUT /v1/Contact/{3}/Image.") \
    T(SOI_MSG_NO_IMAGE, "Der Kontakt {1} hat keine Bilddaten; speichern Sie sie mit PUT /v1/Contact/{1}/Image.") \
    T(SOI_MSG_RANGE, "Kein Teil des Bereichs \"{1}\" liegt innerhalb der {2} Bytes des Bildes.") \
    T(SOI_MSG_IMAGE_MAGIC, "Die Bytes sind nicht vom Typ {1}: Die ersten Bytes eines Bildes müssen zu seinem Content-Type passen ({0}).") \
    T(SOI_PH_BYTES_ARE, "dies ist {1}") \
    T(SOI_PH_BYTES_NO_PICTURE, "dies ist kein Bild, das dieser Server annimmt") \
    T(SOI_MSG_IMAGE_UNKNOWN, "Die Bytes sind kein Bild, das dieser Server annimmt: Ein Bild beginnt mit der Signatur von {1}.") \
    T(SOI_MSG_MULTIPART_EMPTY, "Der Dateiteil des multipart/form-data-Rumpfs ist leer: Legen Sie die Bytes des Bildes hinein.") \
    T(SOI_MSG_MULTIPART_PART_TYPE, "Der Dateiteil des multipart/form-data-Rumpfs hat den Content-Type \"{1}\"; ein Bild hat dort den Typ {2} oder application/octet-stream (oder keinen Content-Type), damit sein Typ an seinen Bytes erkannt wird.") \
    T(SOI_MSG_NEEDS_DELETE, "Zum Löschen eines Bildes ist das Recht Delete erforderlich; dieser Mitarbeiter hat: {1}.") \
    T(SOI_MSG_BLOB_CONFLICT_NONE, "BlobId {1} ist nicht das Bild des Kontakts {2}, der noch kein Bild hat; senden Sie BlobId 0, um eines anzulegen.") \
    T(SOI_MSG_CULTURE, "Der Header SO-Culture \"{1}\" ist kein Kulturcode wie sv oder nb-NO (eine Sprache, optional mit Schrift und Region).") \
    T(SOI_MSG_TIMEZONE, "Der Header SO-TimeZone \"{1}\" nennt keine hier bekannte Zeitzone: Senden Sie einen SuperOffice-Zonencode wie NO oder US-NY oder dessen Id wie 261, optional gefolgt von \", includeTZOffset\".") \
    /* The server's own failures */ \
    T(SOI_MSG_SERVER, "Der Server konnte die Anfrage nicht abschließen; die Einzelheiten stehen in seinem Fehlerprotokoll.") \
    T(SOI_MSG_UNAVAILABLE, "Die Datenbank ist im Moment nicht verfügbar; versuchen Sie es später erneut.") \
    T(SOI_MSG_BUSY, "Die Datenbank hat nicht rechtzeitig geantwortet (Zeitüberschreitung einer SQL-Anweisung oder Sperre); versuchen Sie es später erneut.") \
    /* What a decoder met where a value of another type was expected */ \
    T(SOI_PH_NULL, "der Wert null") \
    T(SOI_PH_BOOL, "ein boolescher Wert") \
    T(SOI_PH_NUMBER, "eine Zahl") \
    T(SOI_PH_STRING, "eine Zeichenkette") \
    T(SOI_PH_OBJECT, "ein Objekt") \
    T(SOI_PH_ARRAY, "ein Array") \
    T(SOI_PH_TEXT, "Text") \
    T(SOI_PH_QUOTED, "\"{1}\"") \
    /* A property's value, by the property's type */ \
    T(SOI_MSG_NOT_ID, "{1} muss eine ganze Zahl sein (die BlobId des Bildes oder 0), nicht {0}.") \
    T(SOI_MSG_NOT_SIZE, "{1} muss eine ganze Zahl von 0 bis 2147483647 sein, nicht {0}.") \
    T(SOI_MSG_NOT_STRING, "{1} muss eine Zeichenkette mit höchstens 254 Zeichen oder null sein, nicht {0}.") \
    T(SOI_MSG_NOT_BOOL, "{1} muss true oder false sein, nicht {0}.") \
    T(SOI_MSG_NOT_DATE, "{1} muss ein Zeitpunkt nach ISO 8601 wie 2020-03-20T01:49:50.7296610Z oder null sein, nicht {0}.") \
    T(SOI_MSG_NOT_ASSOCIATE, "{1} muss ein Associate-Objekt oder null sein, nicht {0}.") \
    T(SOI_MSG_NOT_OBJECT, "{1} muss ein Objekt oder null sein, nicht {0}.") \
    T(SOI_MSG_STRING_NUL, "{1} enthält U+0000, das in Text nicht akzeptiert wird.") \
    T(SOI_MSG_STRING_CONTROL, "{1} enthält das Steuerzeichen U+{2}, das in Text nicht akzeptiert wird.") \
    T(SOI_MSG_STRING_UTF8, "{1} ist kein gültiges UTF-8 (bei 0x{2}): Senden Sie Text als UTF-8 ohne überlange Kodierungen oder Surrogate.") \
    T(SOI_MSG_STRING_SURROGATE, "{1} ist kein gültiges UTF-8: Der Wert enthält ein ungepaartes Surrogat als Escape-Sequenz (\\uD800 bis \\uDFFF).") \
    T(SOI_MSG_STRING_LONG, "{1} hat {2} Zeichen; höchstens {3} werden akzeptiert.") \
    T(SOI_MSG_DUPLICATE, "{1} ist mehr als einmal angegeben.") \
    /* JSON */ \
    T(SOI_MSG_JSON_SYNTAX, "Der Rumpf ist kein gültiges JSON: {1} bei Byte {2}.") \
    T(SOI_MSG_JSON_DEPTH, "Der Rumpf verschachtelt Objekte und Arrays tiefer als {1} Ebenen.") \
    T(SOI_MSG_JSON_NOT_OBJECT, "Der Rumpf muss ein JSON-Objekt mit Eigenschaften von BlobEntity sein, etwa {\"Description\": \"...\"}.") \
    T(SOI_MSG_MERGE_UNKNOWN, "Der Merge-Patch nennt \"{1}\"; das ist keine Eigenschaft von BlobEntity.") \
    T(SOI_MSG_MERGE_READONLY, "Der Merge-Patch nennt {1}; diese Eigenschaft kann nicht geändert werden, wohl aber {2}.") \
    /* XML */ \
    T(SOI_MSG_XML_SYNTAX, "Der Rumpf ist kein wohlgeformtes XML: {1}.") \
    T(SOI_MSG_XML_DOCTYPE, "XML mit einer DOCTYPE- oder Entity-Deklaration wird abgewiesen; senden Sie nur das Element BlobEntity.") \
    T(SOI_MSG_XML_NUL, "Der XML-Rumpf enthält NUL-Bytes; senden Sie ihn als UTF-8.") \
    T(SOI_MSG_XML_DEPTH, "Der Rumpf verschachtelt Elemente tiefer als {1} Ebenen.") \
    /* Forms */ \
    T(SOI_MSG_FORM_ESCAPE, "Das Formularfeld \"{1}\" enthält eine fehlerhafte Prozentkodierung.") \
    T(SOI_MSG_FORM_TWICE, "Das Formular gibt \"{1}\" mehr als einmal an.") \
    T(SOI_MSG_FORM_XSRF_NUL, "Das Feld XSRF_TOKEN des Formulars enthält U+0000.") \
    /* JSON Patch: reading it */ \
    T(SOI_MSG_PATCH_NOT_ARRAY, "Ein JSON-Patch ist ein Array von Operationen wie [{\"op\": \"replace\", \"path\": \"/Description\", \"value\": \"...\"}].") \
    T(SOI_MSG_PATCH_OP_NOT_OBJECT, "Operation {1} des JSON-Patches ist kein Objekt.") \
    T(SOI_MSG_PATCH_MEMBER_NOT_STRING, "Operation {1} des JSON-Patches: \"{2}\" muss eine Zeichenkette sein.") \
    T(SOI_MSG_PATCH_MEMBER_NUL, "Operation {1} des JSON-Patches: \"{2}\" enthält U+0000.") \
    T(SOI_MSG_PATCH_MEMBER_TWICE, "Operation {1} des JSON-Patches gibt \"{2}\" zweimal an.") \
    T(SOI_MSG_PATCH_NO_OP, "Bei Operation {1} des JSON-Patches fehlt \"op\".") \
    T(SOI_MSG_PATCH_NO_MEMBER, "Bei Operation {1} des JSON-Patches ({2}) fehlt \"{3}\".") \
    T(SOI_MSG_PATCH_BAD_OP, "Operation {1} des JSON-Patches hat den op-Wert \"{2}\"; gültige Werte sind add, remove, replace, move, copy und test.") \
    /* JSON Patch: applying it */ \
    T(SOI_MSG_PATCH_INTO, "Operation {1} des JSON-Patches zeigt in \"{2}\" hinein; die patchbaren Eigenschaften von BlobEntity haben keine Member.") \
    T(SOI_MSG_PATCH_UNKNOWN, "Operation {1} des JSON-Patches nennt \"{2}\"; das ist keine Eigenschaft von BlobEntity.") \
    T(SOI_MSG_PATCH_NOT_WRITABLE, "Operation {1} des JSON-Patches nennt {2}; diese Eigenschaft kann nicht geändert werden, wohl aber {3}.") \
    T(SOI_MSG_PATCH_NOT_READABLE, "Operation {1} des JSON-Patches nennt {2}; diese Eigenschaft kann nicht gepatcht werden, wohl aber {3}.") \
    T(SOI_MSG_PATCH_VALUE, "Operation {1} des JSON-Patches: {0}") \
    T(SOI_MSG_PATCH_KIND, "Operation {1} des JSON-Patches verschiebt oder kopiert {2} nach {3}, einer Eigenschaft mit einer anderen Art von Wert.") \
    T(SOI_MSG_PATCH_TEST, "Operation {1} des JSON-Patches (test) ist fehlgeschlagen: {2} hat nicht den angegebenen Wert; es wurde nichts geändert.") \
    /* Text that is not UTF-8, wherever a body holds it */ \
    T(SOI_MSG_NAME_UTF8, "Ein Eigenschaftsname ist kein gültiges UTF-8 (bei 0x{1}): Senden Sie Text als UTF-8 ohne überlange Kodierungen oder Surrogate.") \
    T(SOI_MSG_INSIDE_UTF8, "{1} enthält Text, der kein gültiges UTF-8 ist (bei 0x{2}): Senden Sie Text als UTF-8 ohne überlange Kodierungen oder Surrogate.") \
    T(SOI_MSG_JSON_UTF8, "Der Rumpf enthält eine Zeichenkette, die kein gültiges UTF-8 ist (bei 0x{1}): Senden Sie JSON als UTF-8 ohne überlange Kodierungen oder Surrogate.") \
    T(SOI_MSG_PATCH_MEMBER_UTF8, "Operation {1} des JSON-Patches: \"{2}\" ist kein gültiges UTF-8 (bei 0x{3}): Senden Sie Text als UTF-8 ohne überlange Kodierungen oder Surrogate.") \
    T(SOI_MSG_PATCH_NAME_UTF8, "Operation {1} des JSON-Patches hat einen Member-Namen, der kein gültiges UTF-8 ist (bei 0x{2}).") \
    T(SOI_MSG_XML_UTF8, "Der XML-Rumpf ist an Byte-Position {1} kein gültiges UTF-8 (bei 0x{2}): Senden Sie Text als UTF-8 ohne überlange Kodierungen oder Surrogate.") \
    T(SOI_MSG_XML_ENCODING, "Die XML-Deklaration nennt die Kodierung \"{1}\"; senden Sie XML als UTF-8 (encoding=\"utf-8\" oder keine Angabe).") \
    T(SOI_MSG_XML_DECL_LONG, "Die XML-Deklaration ist länger als {1} Byte; senden Sie eine kurze wie <?xml version=\"1.0\" encoding=\"utf-8\"?> oder keine.") \
    /* multipart/form-data: the Content-Type's boundary */ \
    T(SOI_MSG_MULTIPART_TYPE, "Der Content-Type \"{1}\" ist nicht multipart/form-data.") \
    T(SOI_MSG_MULTIPART_NO_BOUNDARY, "Dem Content-Type multipart/form-data fehlt der Parameter boundary.") \
    T(SOI_MSG_MULTIPART_BOUNDARY_TWICE, "Der Content-Type multipart/form-data gibt den Parameter boundary mehr als einmal an.") \
    T(SOI_MSG_MULTIPART_BOUNDARY_EMPTY, "Der Parameter boundary des Content-Type multipart/form-data ist leer.") \
    T(SOI_MSG_MULTIPART_BOUNDARY_LONG, "Der Parameter boundary des Content-Type multipart/form-data hat {1} Zeichen; höchstens {2} werden akzeptiert (RFC 2046).") \
    T(SOI_MSG_MULTIPART_BOUNDARY_CHAR, "Der Parameter boundary des Content-Type multipart/form-data enthält das Byte 0x{1}, das kein zulässiges boundary-Zeichen ist (RFC 2046: Buchstaben, Ziffern, Leerzeichen und '()+_,-./:=?).") \
    T(SOI_MSG_MULTIPART_BOUNDARY_SPACE, "Der Parameter boundary des Content-Type multipart/form-data endet mit einem Leerzeichen, was RFC 2046 nicht erlaubt.") \
    /* multipart/form-data: the body */ \
    T(SOI_MSG_MULTIPART_NO_DELIMITER, "Der multipart/form-data-Rumpf enthält keine Begrenzerzeile \"--{1}\".") \
    T(SOI_MSG_MULTIPART_NO_PART, "Der multipart/form-data-Rumpf enthält keinen Teil: Sein erster Begrenzer ist der Schlussbegrenzer \"--{1}--\".") \
    T(SOI_MSG_MULTIPART_NO_CLOSE, "Der multipart/form-data-Rumpf endet ohne seinen Schlussbegrenzer \"--{1}--\".") \
    T(SOI_MSG_MULTIPART_PADDING, "Eine Begrenzerzeile \"--{1}\" des multipart/form-data-Rumpfs hat nach dem boundary-Wert mehr als {2} Leerzeichen oder Tabulatoren.") \
    T(SOI_MSG_MULTIPART_PARTS, "Der multipart/form-data-Rumpf hat mehr als {1} Teile.") \
    T(SOI_MSG_MULTIPART_HEADERS_END, "Der multipart/form-data-Rumpf endet in den Headern von Teil {1}, ohne seinen Schlussbegrenzer.") \
    T(SOI_MSG_MULTIPART_HEADERS_LONG, "Die Header von Teil {1} des multipart/form-data-Rumpfs sind größer als {2} Bytes.") \
    T(SOI_MSG_MULTIPART_HEADER_DELIMITER, "Teil {1} des multipart/form-data-Rumpfs hat einen Begrenzer zwischen seinen Headern: Eine Leerzeile muss sie abschließen.") \
    T(SOI_MSG_MULTIPART_HEADER_CRLF, "Teil {1} des multipart/form-data-Rumpfs hat eine Headerzeile mit einem einzelnen CR oder LF: Headerzeilen enden mit CR LF.") \
    T(SOI_MSG_MULTIPART_HEADER_FOLDED, "Teil {1} des multipart/form-data-Rumpfs hat eine Headerzeile, die mit einem Leerzeichen oder Tabulator beginnt (eine gefaltete Zeile); das wird abgewiesen.") \
    T(SOI_MSG_MULTIPART_HEADER_SYNTAX, "Teil {1} des multipart/form-data-Rumpfs hat die Headerzeile \"{2}\", die nicht aus einem Namen, einem Doppelpunkt und einem Wert aus sichtbaren Zeichen besteht.") \
    T(SOI_MSG_MULTIPART_HEADER_TWICE, "Teil {1} des multipart/form-data-Rumpfs gibt den Header {2} mehr als einmal an.") \
    T(SOI_MSG_MULTIPART_DISPOSITION, "Teil {1} des multipart/form-data-Rumpfs hat die Content-Disposition \"{2}\"; RFC 7578 schreibt form-data vor.") \
    T(SOI_MSG_MULTIPART_DISPOSITION_SYNTAX, "Die Content-Disposition von Teil {1} des multipart/form-data-Rumpfs kann bei \"{2}\" nicht gelesen werden.") \
    T(SOI_MSG_MULTIPART_TOO_LARGE, "Teil {1} des multipart/form-data-Rumpfs ist größer als die hier akzeptierten {2} Bytes.")
/* clang-format on */

#endif
