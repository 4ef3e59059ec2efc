/* The message catalogue in Swedish: one entry per id of SOI_MESSAGES, in
 * its order, with the English text's {0}..{4} slots. See soi_catalogue.h. */
#ifndef SOI_CATALOGUE_SV_H
#define SOI_CATALOGUE_SV_H

/* clang-format off */
#define SOI_CATALOGUE_SV(T) \
    /* Route and method */ \
    T(SOI_MSG_NO_ROUTE, "Resursen finns inte. Den här servern svarar på {1} under sin monteringspunkt.") \
    T(SOI_MSG_BAD_CONTACT_ID, "Kontakt-id:t i sökvägen måste vara ett heltal från 1 till 2147483647, inte \"{1}\".") \
    T(SOI_MSG_METHOD, "Metoden {1} stöds inte här; den här resursen stöder {2}.") \
    /* Media types */ \
    T(SOI_MSG_NOT_ACCEPTABLE, "Ingen av medietyperna i Accept (\"{1}\") kan levereras; den här resursen svarar med {2}.") \
    T(SOI_MSG_CONTENT_TYPE_MALFORMED, "Huvudet Content-Type \"{1}\" är inte en medietyp som application/json.") \
    T(SOI_MSG_CHARSET, "Teckenuppsättningen \"{1}\" godtas inte: skicka innehållet som UTF-8 (charset=utf-8, eller ingen charset).") \
    T(SOI_MSG_NO_CONTENT_TYPE, "Begäran saknar Content-Type; {1} tar emot {2} (charset utf-8).") \
    T(SOI_MSG_CONTENT_TYPE, "Content-Type \"{1}\" godtas inte här; {2} tar emot {3} (charset utf-8).") \
    /* The body as a whole */ \
    T(SOI_MSG_BODY_EMPTY, "Begärans innehåll är tomt: skicka en BlobEntity eller en patch.") \
    T(SOI_MSG_IMAGE_EMPTY, "Begärans innehåll är tomt: skicka bildens byte.") \
    T(SOI_MSG_BODY_TOO_LARGE, "Begärans innehåll är större än de {1} byte som godtas här.") \
    T(SOI_MSG_BODY_TOO_LARGE_CHUNKED, "Begärans innehåll är större än de {1} byte som godtas här, eller så är en rad med chunk-storlek i dess chunked-kodning för lång.") \
    T(SOI_MSG_BODY_FRAMING, "Begärans innehåll kunde inte läsas: dess inramning (Content-Length eller chunked-kodning) är felaktig.") \
    T(SOI_MSG_BODY_CODING, "Begärans innehåll kunde inte läsas: dess överföringskodning är okänd här; skicka det med Content-Length eller chunked.") \
    T(SOI_MSG_BODY_UNREAD, "Begärans innehåll kunde inte läsas: klienten slutade skicka, eller så är inramningen felaktig.") \
    /* Preconditions */ \
    T(SOI_MSG_BAD_ETAG_LIST, "Huvudet {1} \"{2}\" är varken \"*\" eller en lista med entitetstaggar som \"abc\".") \
    T(SOI_MSG_PRECONDITION, "Bilden är inte i det tillstånd som begärans förhandsvillkor (If-Match, If-Unmodified-Since, If-None-Match) förväntar sig; ingenting har ändrats. Läs den igen och försök på nytt med dess aktuella ETag.") \
    /* Credentials */ \
    T(SOI_MSG_AUTH_REQUIRED, "Autentisering krävs; den här resursen godtar {1}.") \
    T(SOI_MSG_AUTH_SCHEME, "Det här Authorization-schemat godtas inte här; använd {1}.") \
    T(SOI_MSG_AUTH_BASIC_MALFORMED, "Inloggningsuppgifterna för Basic måste vara base64-kodningen av user:password i UTF-8, utan styrtecken i användarnamnet.") \
    T(SOI_MSG_AUTH_REFUSED, "Användarnamnet eller lösenordet är fel, eller så är medarbetaren inte aktiv.") \
    T(SOI_MSG_AUTH_TOKEN_MALFORMED, "Inloggningsuppgifterna för {1} måste vara ett token som 7T:... med högst 512 tecken (bokstäver, siffror och -._~+/=:).") \
    T(SOI_MSG_AUTH_TICKET_REFUSED, "Tokenet för {1} är okänt, har gått ut eller har återkallats, eller så är medarbetaren som det tillhör inte aktiv.") \
    T(SOI_MSG_AUTH_COOKIE_REFUSED, "Sessionscookien SOTICKET innehåller ingen giltig biljett: den är okänd, har gått ut eller har återkallats, eller så är medarbetaren som den tillhör inte aktiv.") \
    T(SOI_MSG_APP_MALFORMED, "Huvudet SO-AppToken måste vara ett token med högst 512 tecken (bokstäver, siffror och -._~+/=:).") \
    T(SOI_MSG_APP_REFUSED, "Applikationstokenet (SO-AppToken) är okänt eller har återkallats.") \
    T(SOI_MSG_APP_REQUIRED, "Den här servern kräver ett applikationstoken vid inloggning med {1}: skicka huvudet SO-AppToken för en registrerad applikation.") \
    T(SOI_MSG_XSRF, "En cookie-session måste skicka sitt XSRF-värde (huvudet X-XSRF-TOKEN eller fältet XSRF_TOKEN i ett formulär) för att ändra något; det saknas eller är fel.") \
    T(SOI_MSG_APACHE_USER, "Användaren \"{1}\" som servern autentiserade är inte en aktiv medarbetare.") \
    /* Rights */ \
    T(SOI_MSG_NEEDS_SELECT, "För att läsa en bild krävs rättigheten Select; den här medarbetaren har: {1}.") \
    T(SOI_MSG_NEEDS_UPDATE, "För att ändra en bild krävs rättigheten Update; den här medarbetaren har: {1}.") \
    T(SOI_MSG_NEEDS_INSERT, "För att skapa en bild krävs rättigheten Insert; den här medarbetaren har: {1}.") \
    T(SOI_MSG_NEEDS_WRITE, "För att ändra en bild krävs rättigheten Update (Insert för att skapa en); den här medarbetaren har: {1}.") \
    /* The stored picture */ \
    T(SOI_MSG_NO_CONTACT, "Kontakten {1} finns inte eller är borttagen.") \
    T(SOI_MSG_BLOB_CONFLICT, "BlobId {1} är inte bilden till kontakten {2}, vars bild har BlobId {3}; skicka det BlobId-värdet eller 0.") \
    T(SOI_MSG_BLOBSIZE_MISMATCH, "BlobSize {1} är inte bildens längd i byte, {2}; skicka BlobSize {2} eller lagra andra byte med PUT /v1/Contact/{3}/Image.") \
    T(SOI_MSG_NO_IMAGE, "Kontakten {1} har inga bilddata; lagra dem med PUT /v1/Contact/{1}/Image.") \
    T(SOI_MSG_RANGE, "Ingen del av intervallet \"{1}\" ligger inom bildens {2} byte.") \
    T(SOI_MSG_IMAGE_MAGIC, "Innehållet är inte av typen {1}: en bilds första byte måste stämma med dess Content-Type ({0}).") \
    T(SOI_PH_BYTES_ARE, "detta är {1}") \
    T(SOI_PH_BYTES_NO_PICTURE, "detta är ingen bild som den här servern tar emot") \
    T(SOI_MSG_IMAGE_UNKNOWN, "Innehållet är ingen bild som den här servern tar emot: en bild börjar med signaturen för {1}.") \
    T(SOI_MSG_MULTIPART_EMPTY, "Fildelen av multipart/form-data-innehållet är tom: lägg bildens byte i den.") \
    T(SOI_MSG_MULTIPART_PART_TYPE, "Fildelen av multipart/form-data-innehållet har Content-Type \"{1}\"; en bild där har typen {2}, eller application/octet-stream (eller ingen Content-Type) för att typen ska avgöras av innehållet.") \
    T(SOI_MSG_NEEDS_DELETE, "För att ta bort en bild krävs rättigheten Delete; den här medarbetaren har: {1}.") \
    T(SOI_MSG_BLOB_CONFLICT_NONE, "BlobId {1} är inte bilden till kontakten {2}, som ännu inte har någon bild; skicka BlobId 0 för att skapa en.") \
    T(SOI_MSG_CULTURE, "Huvudet SO-Culture \"{1}\" är ingen kulturkod som sv eller nb-NO (ett språk, eventuellt med skript och region).") \
    T(SOI_MSG_TIMEZONE, "Huvudet SO-TimeZone \"{1}\" anger ingen tidszon som är känd här: skicka en SuperOffice-zonkod som NO eller US-NY, eller dess id som 261, eventuellt följt av \", includeTZOffset\".") \
    /* The server's own failures */ \
    T(SOI_MSG_SERVER, "Servern kunde inte slutföra begäran; detaljerna finns i dess fellogg.") \
    T(SOI_MSG_UNAVAILABLE, "Databasen är inte tillgänglig för tillfället; försök igen senare.") \
    T(SOI_MSG_BUSY, "Databasen svarade inte i tid (tidsgränsen för en SQL-sats eller ett lås överskreds); försök igen senare.") \
    /* What a decoder met where a value of another type was expected */ \
    T(SOI_PH_NULL, "värdet null") \
    T(SOI_PH_BOOL, "ett booleskt värde") \
    T(SOI_PH_NUMBER, "ett tal") \
    T(SOI_PH_STRING, "en sträng") \
    T(SOI_PH_OBJECT, "ett objekt") \
    T(SOI_PH_ARRAY, "en array") \
    T(SOI_PH_TEXT, "textinnehåll") \
    T(SOI_PH_QUOTED, "\"{1}\"") \
    /* A property's value, by the property's type */ \
    T(SOI_MSG_NOT_ID, "{1} måste vara ett heltal (bildens BlobId eller 0), inte {0}.") \
    T(SOI_MSG_NOT_SIZE, "{1} måste vara ett heltal från 0 till 2147483647, inte {0}.") \
    T(SOI_MSG_NOT_STRING, "{1} måste vara en sträng på högst 254 tecken, eller null, inte {0}.") \
    T(SOI_MSG_NOT_BOOL, "{1} måste vara true eller false, inte {0}.") \
    T(SOI_MSG_NOT_DATE, "{1} måste vara datum och tid enligt ISO 8601, till exempel 2020-03-20T01:49:50.7296610Z, eller null, inte {0}.") \
    T(SOI_MSG_NOT_ASSOCIATE, "{1} måste vara ett Associate-objekt eller null, inte {0}.") \
    T(SOI_MSG_NOT_OBJECT, "{1} måste vara ett objekt eller null, inte {0}.") \
    T(SOI_MSG_STRING_NUL, "{1} innehåller U+0000, som inte godtas i text.") \
    T(SOI_MSG_STRING_CONTROL, "{1} innehåller styrtecknet U+{2}, som inte godtas i text.") \
    T(SOI_MSG_STRING_UTF8, "{1} är inte giltig UTF-8 (nära 0x{2}): skicka text som UTF-8 utan överlånga former eller surrogat.") \
    T(SOI_MSG_STRING_SURROGATE, "{1} är inte giltig UTF-8: värdet innehåller ett oparat surrogat som escape-sekvens (\\uD800 till \\uDFFF).") \
    T(SOI_MSG_STRING_LONG, "{1} har {2} tecken; högst {3} godtas.") \
    T(SOI_MSG_DUPLICATE, "{1} anges mer än en gång.") \
    /* JSON */ \
    T(SOI_MSG_JSON_SYNTAX, "Innehållet är inte giltig JSON: {1} nära byte {2}.") \
    T(SOI_MSG_JSON_DEPTH, "Innehållet nästlar objekt och arrayer djupare än {1} nivåer.") \
    T(SOI_MSG_JSON_NOT_OBJECT, "Innehållet måste vara ett JSON-objekt med egenskaper hos BlobEntity, till exempel {\"Description\": \"...\"}.") \
    T(SOI_MSG_MERGE_UNKNOWN, "Merge-patchen anger \"{1}\", som inte är en egenskap hos BlobEntity.") \
    T(SOI_MSG_MERGE_READONLY, "Merge-patchen anger {1}, som inte kan ändras; det kan däremot {2}.") \
    /* XML */ \
    T(SOI_MSG_XML_SYNTAX, "Innehållet är inte välformad XML: {1}.") \
    T(SOI_MSG_XML_DOCTYPE, "XML med en DOCTYPE- eller entitetsdeklaration avvisas; skicka enbart elementet BlobEntity.") \
    T(SOI_MSG_XML_NUL, "XML-innehållet innehåller NUL-byte; skicka det som UTF-8.") \
    T(SOI_MSG_XML_DEPTH, "Innehållet nästlar element djupare än {1} nivåer.") \
    /* Forms */ \
    T(SOI_MSG_FORM_ESCAPE, "Formulärfältet \"{1}\" innehåller en felaktig procentkodning.") \
    T(SOI_MSG_FORM_TWICE, "Formuläret anger \"{1}\" mer än en gång.") \
    T(SOI_MSG_FORM_XSRF_NUL, "Formulärets XSRF_TOKEN innehåller U+0000.") \
    /* JSON Patch: reading it */ \
    T(SOI_MSG_PATCH_NOT_ARRAY, "En JSON-patch är en array av operationer som [{\"op\": \"replace\", \"path\": \"/Description\", \"value\": \"...\"}].") \
    T(SOI_MSG_PATCH_OP_NOT_OBJECT, "Operation {1} i JSON-patchen är inte ett objekt.") \
    T(SOI_MSG_PATCH_MEMBER_NOT_STRING, "Operation {1} i JSON-patchen: \"{2}\" måste vara en sträng.") \
    T(SOI_MSG_PATCH_MEMBER_NUL, "Operation {1} i JSON-patchen: \"{2}\" innehåller U+0000.") \
    T(SOI_MSG_PATCH_MEMBER_TWICE, "Operation {1} i JSON-patchen anger \"{2}\" två gånger.") \
    T(SOI_MSG_PATCH_NO_OP, "Operation {1} i JSON-patchen saknar \"op\".") \
    T(SOI_MSG_PATCH_NO_MEMBER, "Operation {1} i JSON-patchen ({2}) saknar \"{3}\".") \
    T(SOI_MSG_PATCH_BAD_OP, "Operation {1} i JSON-patchen har op-värdet \"{2}\"; giltiga värden är add, remove, replace, move, copy och test.") \
    /* JSON Patch: applying it */ \
    T(SOI_MSG_PATCH_INTO, "Operation {1} i JSON-patchen pekar in i \"{2}\"; de egenskaper hos BlobEntity som kan patchas har inga medlemmar.") \
    T(SOI_MSG_PATCH_UNKNOWN, "Operation {1} i JSON-patchen anger \"{2}\", som inte är en egenskap hos BlobEntity.") \
    T(SOI_MSG_PATCH_NOT_WRITABLE, "Operation {1} i JSON-patchen anger {2}, som inte kan ändras; det kan däremot {3}.") \
    T(SOI_MSG_PATCH_NOT_READABLE, "Operation {1} i JSON-patchen anger {2}, som inte kan patchas; det kan däremot {3}.") \
    T(SOI_MSG_PATCH_VALUE, "Operation {1} i JSON-patchen: {0}") \
    T(SOI_MSG_PATCH_KIND, "Operation {1} i JSON-patchen flyttar eller kopierar {2} till {3}, som har en annan sorts värde.") \
    T(SOI_MSG_PATCH_TEST, "Operation {1} i JSON-patchen (test) misslyckades: {2} har inte det angivna värdet; ingenting har ändrats.") \
    /* Text that is not UTF-8, wherever a body holds it */ \
    T(SOI_MSG_NAME_UTF8, "Ett egenskapsnamn är inte giltig UTF-8 (nära 0x{1}): skicka text som UTF-8 utan överlånga former eller surrogat.") \
    T(SOI_MSG_INSIDE_UTF8, "{1} innehåller text som inte är giltig UTF-8 (nära 0x{2}): skicka text som UTF-8 utan överlånga former eller surrogat.") \
    T(SOI_MSG_JSON_UTF8, "Innehållet har en sträng som inte är giltig UTF-8 (nära 0x{1}): skicka JSON som UTF-8 utan överlånga former eller surrogat.") \
    T(SOI_MSG_PATCH_MEMBER_UTF8, "Operation {1} i JSON-patchen: \"{2}\" är inte giltig UTF-8 (nära 0x{3}): skicka text som UTF-8 utan överlånga former eller surrogat.") \
    T(SOI_MSG_PATCH_NAME_UTF8, "Operation {1} i JSON-patchen har ett medlemsnamn som inte är giltig UTF-8 (nära 0x{2}).") \
    T(SOI_MSG_XML_UTF8, "XML-innehållet är inte giltig UTF-8 vid byteposition {1} (nära 0x{2}): skicka text som UTF-8 utan överlånga former eller surrogat.") \
    T(SOI_MSG_XML_ENCODING, "XML-deklarationen anger kodningen \"{1}\"; skicka XML som UTF-8 (encoding=\"utf-8\", eller ingen).") \
    T(SOI_MSG_XML_DECL_LONG, "XML-deklarationen är längre än {1} byte; skicka en kort, till exempel <?xml version=\"1.0\" encoding=\"utf-8\"?>, eller ingen.") \
    /* multipart/form-data: the Content-Type's boundary */ \
    T(SOI_MSG_MULTIPART_TYPE, "Content-Type \"{1}\" är inte multipart/form-data.") \
    T(SOI_MSG_MULTIPART_NO_BOUNDARY, "Content-Type multipart/form-data saknar parametern boundary.") \
    T(SOI_MSG_MULTIPART_BOUNDARY_TWICE, "Content-Type multipart/form-data anger parametern boundary mer än en gång.") \
    T(SOI_MSG_MULTIPART_BOUNDARY_EMPTY, "Parametern boundary i Content-Type multipart/form-data är tom.") \
    T(SOI_MSG_MULTIPART_BOUNDARY_LONG, "Parametern boundary i Content-Type multipart/form-data har {1} tecken; högst {2} godtas (RFC 2046).") \
    T(SOI_MSG_MULTIPART_BOUNDARY_CHAR, "Parametern boundary i Content-Type multipart/form-data innehåller byten 0x{1}, som inte är ett tillåtet boundary-tecken (RFC 2046: bokstäver, siffror, mellanslag och '()+_,-./:=?).") \
    T(SOI_MSG_MULTIPART_BOUNDARY_SPACE, "Parametern boundary i Content-Type multipart/form-data slutar med ett mellanslag, vilket RFC 2046 inte tillåter.") \
    /* multipart/form-data: the body */ \
    T(SOI_MSG_MULTIPART_NO_DELIMITER, "I multipart/form-data-innehållet finns ingen avgränsarrad \"--{1}\".") \
    T(SOI_MSG_MULTIPART_NO_PART, "I multipart/form-data-innehållet finns ingen del: den första avgränsaren är slutavgränsaren \"--{1}--\".") \
    T(SOI_MSG_MULTIPART_NO_CLOSE, "Slutavgränsaren \"--{1}--\" saknas i slutet av multipart/form-data-innehållet.") \
    T(SOI_MSG_MULTIPART_PADDING, "En avgränsarrad \"--{1}\" i multipart/form-data-innehållet har fler än {2} mellanslag eller tabbar efter boundary-strängen.") \
    T(SOI_MSG_MULTIPART_PARTS, "I multipart/form-data-innehållet finns fler än {1} delar.") \
    T(SOI_MSG_MULTIPART_HEADERS_END, "Mitt i huvudena för del {1} tar multipart/form-data-innehållet slut, utan slutavgränsare.") \
    T(SOI_MSG_MULTIPART_HEADERS_LONG, "Huvudena i del {1} av multipart/form-data-innehållet är större än {2} byte.") \
    T(SOI_MSG_MULTIPART_HEADER_DELIMITER, "Del {1} av multipart/form-data-innehållet har en avgränsare bland sina huvuden: en tom rad måste avsluta dem.") \
    T(SOI_MSG_MULTIPART_HEADER_CRLF, "Del {1} av multipart/form-data-innehållet har en huvudrad med ett ensamt CR eller LF: huvudrader slutar med CR LF.") \
    T(SOI_MSG_MULTIPART_HEADER_FOLDED, "Del {1} av multipart/form-data-innehållet har en huvudrad som börjar med ett mellanslag eller en tabb (en vikt rad), vilket avvisas.") \
    T(SOI_MSG_MULTIPART_HEADER_SYNTAX, "Del {1} av multipart/form-data-innehållet har huvudraden \"{2}\", som inte består av ett namn, ett kolon och ett värde av synliga tecken.") \
    T(SOI_MSG_MULTIPART_HEADER_TWICE, "Del {1} av multipart/form-data-innehållet anger huvudet {2} mer än en gång.") \
    T(SOI_MSG_MULTIPART_DISPOSITION, "Del {1} av multipart/form-data-innehållet har Content-Disposition \"{2}\"; RFC 7578 föreskriver form-data.") \
    T(SOI_MSG_MULTIPART_DISPOSITION_SYNTAX, "Content-Disposition för del {1} av multipart/form-data-innehållet kan inte läsas vid \"{2}\".") \
    T(SOI_MSG_MULTIPART_TOO_LARGE, "Del {1} av multipart/form-data-innehållet är större än de {2} byte som godtas här.")
/* clang-format on */

#endif
