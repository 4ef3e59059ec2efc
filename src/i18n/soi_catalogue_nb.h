/* The message catalogue in Norwegian Bokmål: one entry per id of
 * SOI_MESSAGES, in its order, with the English text's {0}..{4} slots. See
 * soi_catalogue.h. */
#ifndef SOI_CATALOGUE_NB_H
#define SOI_CATALOGUE_NB_H

/* clang-format off */
#define SOI_CATALOGUE_NB(T) \
    /* Route and method */ \
    T(SOI_MSG_NO_ROUTE, "Ressursen finnes ikke. Denne serveren svarer på {1} under monteringspunktet sitt.") \
    T(SOI_MSG_BAD_CONTACT_ID, "Kontakt-ID-en i stien må være et heltall fra 1 til 2147483647, ikke \"{1}\".") \
    T(SOI_MSG_METHOD, "Metoden {1} støttes ikke her; denne ressursen støtter {2}.") \
    /* Media types */ \
    T(SOI_MSG_NOT_ACCEPTABLE, "Ingen av medietypene i Accept (\"{1}\") kan leveres; denne ressursen svarer med {2}.") \
    T(SOI_MSG_CONTENT_TYPE_MALFORMED, "Hodet Content-Type \"{1}\" er ikke en medietype som application/json.") \
    T(SOI_MSG_CHARSET, "Tegnsettet \"{1}\" godtas ikke: send innholdet som UTF-8 (charset=utf-8, eller uten charset).") \
    T(SOI_MSG_NO_CONTENT_TYPE, "Forespørselen mangler Content-Type; {1} tar imot {2} (charset utf-8).") \
    T(SOI_MSG_CONTENT_TYPE, "Content-Type \"{1}\" godtas ikke her; {2} tar imot {3} (charset utf-8).") \
    /* The body as a whole */ \
    T(SOI_MSG_BODY_EMPTY, "Innholdet i forespørselen er tomt: send en BlobEntity eller en patch.") \
    T(SOI_MSG_IMAGE_EMPTY, "Innholdet i forespørselen er tomt: send bildets byte.") \
    T(SOI_MSG_BODY_TOO_LARGE, "Innholdet i forespørselen er større enn de {1} bytene som godtas her.") \
    T(SOI_MSG_BODY_TOO_LARGE_CHUNKED, "Innholdet i forespørselen er større enn de {1} bytene som godtas her, eller en linje med chunk-størrelse i chunked-kodingen er for lang.") \
    T(SOI_MSG_BODY_FRAMING, "Innholdet i forespørselen kunne ikke leses: rammingen (Content-Length eller chunked-koding) er ugyldig.") \
    T(SOI_MSG_BODY_CODING, "Innholdet i forespørselen kunne ikke leses: overføringskodingen er ukjent her; send det med Content-Length eller chunked.") \
    T(SOI_MSG_BODY_UNREAD, "Innholdet i forespørselen kunne ikke leses: klienten sluttet å sende, eller rammingen er ugyldig.") \
    /* Preconditions */ \
    T(SOI_MSG_BAD_ETAG_LIST, "Hodet {1} \"{2}\" er verken \"*\" eller en liste med entitetstagger som \"abc\".") \
    T(SOI_MSG_PRECONDITION, "Bildet er ikke i den tilstanden som forespørselens forhåndsbetingelser (If-Match, If-Unmodified-Since, If-None-Match) forventer; ingenting er endret. Les det på nytt, og prøv igjen med gjeldende ETag.") \
    /* Credentials */ \
    T(SOI_MSG_AUTH_REQUIRED, "Autentisering kreves; denne ressursen godtar {1}.") \
    T(SOI_MSG_AUTH_SCHEME, "Dette Authorization-skjemaet godtas ikke her; bruk {1}.") \
    T(SOI_MSG_AUTH_BASIC_MALFORMED, "Påloggingsinformasjonen for Basic må være base64-kodingen av user:password i UTF-8, uten kontrolltegn i brukernavnet.") \
    T(SOI_MSG_AUTH_REFUSED, "Brukernavnet eller passordet er feil, eller medarbeideren er ikke aktiv.") \
    T(SOI_MSG_AUTH_TOKEN_MALFORMED, "Påloggingsinformasjonen for {1} må være et token som 7T:... med høyst 512 tegn (bokstaver, sifre og -._~+/=:).") \
    T(SOI_MSG_AUTH_TICKET_REFUSED, "Tokenet for {1} er ukjent, utløpt eller tilbakekalt, eller medarbeideren det tilhører, er ikke aktiv.") \
    T(SOI_MSG_AUTH_COOKIE_REFUSED, "Sesjonscookien SOTICKET inneholder ingen gyldig billett: den er ukjent, utløpt eller tilbakekalt, eller medarbeideren den tilhører, er ikke aktiv.") \
    T(SOI_MSG_APP_MALFORMED, "Hodet SO-AppToken må være et token med høyst 512 tegn (bokstaver, sifre og -._~+/=:).") \
    T(SOI_MSG_APP_REFUSED, "Applikasjonstokenet (SO-AppToken) er ukjent eller tilbakekalt.") \
    T(SOI_MSG_APP_REQUIRED, "Denne serveren krever et applikasjonstoken ved pålogging med {1}: send hodet SO-AppToken for en registrert applikasjon.") \
    T(SOI_MSG_XSRF, "En cookie-sesjon må sende XSRF-verdien sin (hodet X-XSRF-TOKEN eller feltet XSRF_TOKEN i et skjema) for å endre noe; den mangler eller er feil.") \
    T(SOI_MSG_APACHE_USER, "Brukeren \"{1}\" som serveren autentiserte, er ikke en aktiv medarbeider.") \
    /* Rights */ \
    T(SOI_MSG_NEEDS_SELECT, "Å lese et bilde krever rettigheten Select; denne medarbeideren har: {1}.") \
    T(SOI_MSG_NEEDS_UPDATE, "Å endre et bilde krever rettigheten Update; denne medarbeideren har: {1}.") \
    T(SOI_MSG_NEEDS_INSERT, "Å opprette et bilde krever rettigheten Insert; denne medarbeideren har: {1}.") \
    T(SOI_MSG_NEEDS_WRITE, "Å endre et bilde krever rettigheten Update (Insert for å opprette et); denne medarbeideren har: {1}.") \
    /* The stored picture */ \
    T(SOI_MSG_NO_CONTACT, "Kontakten {1} finnes ikke eller er slettet.") \
    T(SOI_MSG_BLOB_CONFLICT, "BlobId {1} er ikke bildet til kontakten {2}, som har bildet med BlobId {3}; send den BlobId-en eller 0.") \
    T(SOI_MSG_BLOBSIZE_MISMATCH, "BlobSize {1} er ikke bildets lengde i byte, {2}; send BlobSize {2}, eller lagre andre byte med PUT /v1/Contact/{3}/Image.") \
    T(SOI_MSG_NO_IMAGE, "Kontakten {1} har ingen bildedata; lagre dem med PUT /v1/Contact/{1}/Image.") \
    T(SOI_MSG_RANGE, "Ingen del av området \"{1}\" ligger innenfor bildets {2} byte.") \
    T(SOI_MSG_IMAGE_MAGIC, "Innholdet er ikke av typen {1}: de første bytene i et bilde må samsvare med Content-Type ({0}).") \
    T(SOI_PH_BYTES_ARE, "dette er {1}") \
    T(SOI_PH_BYTES_NO_PICTURE, "dette er ikke et bilde denne serveren tar imot") \
    T(SOI_MSG_IMAGE_UNKNOWN, "Innholdet er ikke et bilde som denne serveren tar imot: et bilde begynner med signaturen til {1}.") \
    T(SOI_MSG_MULTIPART_EMPTY, "Fildelen av multipart/form-data-innholdet er tom: legg bildets byte i den.") \
    T(SOI_MSG_MULTIPART_PART_TYPE, "Fildelen av multipart/form-data-innholdet har Content-Type \"{1}\"; et bilde der har typen {2}, eller application/octet-stream (eller ingen Content-Type) for at typen skal avgjøres ut fra bytene.") \
    T(SOI_MSG_NEEDS_DELETE, "Å slette et bilde krever rettigheten Delete; denne medarbeideren har: {1}.") \
    T(SOI_MSG_BLOB_CONFLICT_NONE, "BlobId {1} er ikke bildet til kontakten {2}, som ennå ikke har noe bilde; send BlobId 0 for å opprette et.") \
    T(SOI_MSG_CULTURE, "Hodet SO-Culture \"{1}\" er ingen kulturkode som sv eller nb-NO (et språk, eventuelt med skript og region).") \
    T(SOI_MSG_TIMEZONE, "Hodet SO-TimeZone \"{1}\" angir ingen tidssone som er kjent her: send en SuperOffice-sonekode som NO eller US-NY, eller dens id som 261, eventuelt etterfulgt av \", includeTZOffset\".") \
    /* The server's own failures */ \
    T(SOI_MSG_SERVER, "Serveren kunne ikke fullføre forespørselen; detaljene står i feilloggen dens.") \
    T(SOI_MSG_UNAVAILABLE, "Databasen er ikke tilgjengelig for øyeblikket; prøv igjen senere.") \
    T(SOI_MSG_BUSY, "Databasen svarte ikke i tide (tidsgrensen for en SQL-setning eller en lås ble overskredet); prøv igjen senere.") \
    /* What a decoder met where a value of another type was expected */ \
    T(SOI_PH_NULL, "verdien null") \
    T(SOI_PH_BOOL, "en boolsk verdi") \
    T(SOI_PH_NUMBER, "et tall") \
    T(SOI_PH_STRING, "en streng") \
    T(SOI_PH_OBJECT, "et objekt") \
    T(SOI_PH_ARRAY, "en array") \
    T(SOI_PH_TEXT, "tekst") \
    T(SOI_PH_QUOTED, "\"{1}\"") \
    /* A property's value, by the property's type */ \
    T(SOI_MSG_NOT_ID, "{1} må være et heltall (bildets BlobId eller 0), ikke {0}.") \
    T(SOI_MSG_NOT_SIZE, "{1} må være et heltall fra 0 til 2147483647, ikke {0}.") \
    T(SOI_MSG_NOT_STRING, "{1} må være en streng på høyst 254 tegn, eller null, ikke {0}.") \
    T(SOI_MSG_NOT_BOOL, "{1} må være true eller false, ikke {0}.") \
    T(SOI_MSG_NOT_DATE, "{1} må være dato og klokkeslett etter ISO 8601, for eksempel 2020-03-20T01:49:50.7296610Z, eller null, ikke {0}.") \
    T(SOI_MSG_NOT_ASSOCIATE, "{1} må være et Associate-objekt eller null, ikke {0}.") \
    T(SOI_MSG_NOT_OBJECT, "{1} må være et objekt eller null, ikke {0}.") \
    T(SOI_MSG_STRING_NUL, "{1} inneholder U+0000, som ikke godtas i tekst.") \
    T(SOI_MSG_STRING_CONTROL, "{1} inneholder kontrolltegnet U+{2}, som ikke godtas i tekst.") \
    T(SOI_MSG_STRING_UTF8, "{1} er ikke gyldig UTF-8 (nær 0x{2}): send tekst som UTF-8 uten overlange former eller surrogater.") \
    T(SOI_MSG_STRING_SURROGATE, "{1} er ikke gyldig UTF-8: verdien inneholder et uparet surrogat som escape-sekvens (\\uD800 til \\uDFFF).") \
    T(SOI_MSG_STRING_LONG, "{1} har {2} tegn; høyst {3} godtas.") \
    T(SOI_MSG_DUPLICATE, "{1} er oppgitt mer enn én gang.") \
    /* JSON */ \
    T(SOI_MSG_JSON_SYNTAX, "Innholdet er ikke gyldig JSON: {1} nær byte {2}.") \
    T(SOI_MSG_JSON_DEPTH, "Innholdet nøster objekter og arrayer dypere enn {1} nivåer.") \
    T(SOI_MSG_JSON_NOT_OBJECT, "Innholdet må være et JSON-objekt med egenskaper fra BlobEntity, for eksempel {\"Description\": \"...\"}.") \
    T(SOI_MSG_MERGE_UNKNOWN, "Merge-patchen angir \"{1}\", som ikke er en egenskap ved BlobEntity.") \
    T(SOI_MSG_MERGE_READONLY, "Merge-patchen angir {1}, som ikke kan endres; det kan derimot {2}.") \
    /* XML */ \
    T(SOI_MSG_XML_SYNTAX, "Innholdet er ikke velformet XML: {1}.") \
    T(SOI_MSG_XML_DOCTYPE, "XML med en DOCTYPE- eller entitetsdeklarasjon avvises; send bare elementet BlobEntity.") \
    T(SOI_MSG_XML_NUL, "XML-innholdet inneholder NUL-byte; send det som UTF-8.") \
    T(SOI_MSG_XML_DEPTH, "Innholdet nøster elementer dypere enn {1} nivåer.") \
    /* Forms */ \
    T(SOI_MSG_FORM_ESCAPE, "Skjemafeltet \"{1}\" inneholder en ugyldig prosentkoding.") \
    T(SOI_MSG_FORM_TWICE, "Skjemaet oppgir \"{1}\" mer enn én gang.") \
    T(SOI_MSG_FORM_XSRF_NUL, "Skjemaets XSRF_TOKEN inneholder U+0000.") \
    /* JSON Patch: reading it */ \
    T(SOI_MSG_PATCH_NOT_ARRAY, "En JSON-patch er en array av operasjoner som [{\"op\": \"replace\", \"path\": \"/Description\", \"value\": \"...\"}].") \
    T(SOI_MSG_PATCH_OP_NOT_OBJECT, "Operasjon {1} i JSON-patchen er ikke et objekt.") \
    T(SOI_MSG_PATCH_MEMBER_NOT_STRING, "Operasjon {1} i JSON-patchen: \"{2}\" må være en streng.") \
    T(SOI_MSG_PATCH_MEMBER_NUL, "Operasjon {1} i JSON-patchen: \"{2}\" inneholder U+0000.") \
    T(SOI_MSG_PATCH_MEMBER_TWICE, "Operasjon {1} i JSON-patchen oppgir \"{2}\" to ganger.") \
    T(SOI_MSG_PATCH_NO_OP, "Operasjon {1} i JSON-patchen mangler \"op\".") \
    T(SOI_MSG_PATCH_NO_MEMBER, "Operasjon {1} i JSON-patchen ({2}) mangler \"{3}\".") \
    T(SOI_MSG_PATCH_BAD_OP, "Operasjon {1} i JSON-patchen har op-verdien \"{2}\"; gyldige verdier er add, remove, replace, move, copy og test.") \
    /* JSON Patch: applying it */ \
    T(SOI_MSG_PATCH_INTO, "Operasjon {1} i JSON-patchen peker inn i \"{2}\"; egenskapene ved BlobEntity som kan patches, har ingen medlemmer.") \
    T(SOI_MSG_PATCH_UNKNOWN, "Operasjon {1} i JSON-patchen angir \"{2}\", som ikke er en egenskap ved BlobEntity.") \
    T(SOI_MSG_PATCH_NOT_WRITABLE, "Operasjon {1} i JSON-patchen angir {2}, som ikke kan endres; det kan derimot {3}.") \
    T(SOI_MSG_PATCH_NOT_READABLE, "Operasjon {1} i JSON-patchen angir {2}, som ikke kan patches; det kan derimot {3}.") \
    T(SOI_MSG_PATCH_VALUE, "Operasjon {1} i JSON-patchen: {0}") \
    T(SOI_MSG_PATCH_KIND, "Operasjon {1} i JSON-patchen flytter eller kopierer {2} til {3}, som har en annen type verdi.") \
    T(SOI_MSG_PATCH_TEST, "Operasjon {1} i JSON-patchen (test) mislyktes: {2} har ikke den angitte verdien; ingenting er endret.") \
    /* Text that is not UTF-8, wherever a body holds it */ \
    T(SOI_MSG_NAME_UTF8, "Et egenskapsnavn er ikke gyldig UTF-8 (nær 0x{1}): send tekst som UTF-8 uten overlange former eller surrogater.") \
    T(SOI_MSG_INSIDE_UTF8, "{1} inneholder tekst som ikke er gyldig UTF-8 (nær 0x{2}): send tekst som UTF-8 uten overlange former eller surrogater.") \
    T(SOI_MSG_JSON_UTF8, "Innholdet har en streng som ikke er gyldig UTF-8 (nær 0x{1}): send JSON som UTF-8 uten overlange former eller surrogater.") \
    T(SOI_MSG_PATCH_MEMBER_UTF8, "Operasjon {1} i JSON-patchen: \"{2}\" er ikke gyldig UTF-8 (nær 0x{3}): send tekst som UTF-8 uten overlange former eller surrogater.") \
    T(SOI_MSG_PATCH_NAME_UTF8, "Operasjon {1} i JSON-patchen har et medlemsnavn som ikke er gyldig UTF-8 (nær 0x{2}).") \
    T(SOI_MSG_XML_UTF8, "XML-innholdet er ikke gyldig UTF-8 ved byteposisjon {1} (nær 0x{2}): send tekst som UTF-8 uten overlange former eller surrogater.") \
    T(SOI_MSG_XML_ENCODING, "XML-deklarasjonen angir kodingen \"{1}\"; send XML som UTF-8 (encoding=\"utf-8\", eller ingen).") \
    T(SOI_MSG_XML_DECL_LONG, "XML-deklarasjonen er lengre enn {1} byte; send en kort, for eksempel <?xml version=\"1.0\" encoding=\"utf-8\"?>, eller ingen.") \
    /* multipart/form-data: the Content-Type's boundary */ \
    T(SOI_MSG_MULTIPART_TYPE, "Content-Type \"{1}\" er ikke multipart/form-data.") \
    T(SOI_MSG_MULTIPART_NO_BOUNDARY, "Content-Type multipart/form-data mangler parameteren boundary.") \
    T(SOI_MSG_MULTIPART_BOUNDARY_TWICE, "Content-Type multipart/form-data oppgir parameteren boundary mer enn én gang.") \
    T(SOI_MSG_MULTIPART_BOUNDARY_EMPTY, "Parameteren boundary i Content-Type multipart/form-data er tom.") \
    T(SOI_MSG_MULTIPART_BOUNDARY_LONG, "Parameteren boundary i Content-Type multipart/form-data har {1} tegn; høyst {2} godtas (RFC 2046).") \
    T(SOI_MSG_MULTIPART_BOUNDARY_CHAR, "Parameteren boundary i Content-Type multipart/form-data inneholder byten 0x{1}, som ikke er et gyldig boundary-tegn (RFC 2046: bokstaver, sifre, mellomrom og '()+_,-./:=?).") \
    T(SOI_MSG_MULTIPART_BOUNDARY_SPACE, "Parameteren boundary i Content-Type multipart/form-data slutter med et mellomrom, noe RFC 2046 ikke tillater.") \
    /* multipart/form-data: the body */ \
    T(SOI_MSG_MULTIPART_NO_DELIMITER, "I multipart/form-data-innholdet finnes ingen skillelinje \"--{1}\".") \
    T(SOI_MSG_MULTIPART_NO_PART, "I multipart/form-data-innholdet finnes ingen del: den første skillelinjen er sluttlinjen \"--{1}--\".") \
    T(SOI_MSG_MULTIPART_NO_CLOSE, "Sluttlinjen \"--{1}--\" mangler på slutten av multipart/form-data-innholdet.") \
    T(SOI_MSG_MULTIPART_PADDING, "En skillelinje \"--{1}\" i multipart/form-data-innholdet har mer enn {2} mellomrom eller tabulatorer etter boundary-strengen.") \
    T(SOI_MSG_MULTIPART_PARTS, "I multipart/form-data-innholdet finnes mer enn {1} deler.") \
    T(SOI_MSG_MULTIPART_HEADERS_END, "Midt i hodene til del {1} tar multipart/form-data-innholdet slutt, uten sluttlinje.") \
    T(SOI_MSG_MULTIPART_HEADERS_LONG, "Hodene i del {1} av multipart/form-data-innholdet er større enn {2} byte.") \
    T(SOI_MSG_MULTIPART_HEADER_DELIMITER, "Del {1} av multipart/form-data-innholdet har en skillelinje blant hodene sine: en tom linje må avslutte dem.") \
    T(SOI_MSG_MULTIPART_HEADER_CRLF, "Del {1} av multipart/form-data-innholdet har en hodelinje med en enslig CR eller LF: hodelinjer slutter med CR LF.") \
    T(SOI_MSG_MULTIPART_HEADER_FOLDED, "Del {1} av multipart/form-data-innholdet har en hodelinje som begynner med mellomrom eller tabulator (en foldet linje), noe som avvises.") \
    T(SOI_MSG_MULTIPART_HEADER_SYNTAX, "Del {1} av multipart/form-data-innholdet har hodelinjen \"{2}\", som ikke består av et navn, et kolon og en verdi av synlige tegn.") \
    T(SOI_MSG_MULTIPART_HEADER_TWICE, "Del {1} av multipart/form-data-innholdet oppgir hodet {2} mer enn én gang.") \
    T(SOI_MSG_MULTIPART_DISPOSITION, "Del {1} av multipart/form-data-innholdet har Content-Disposition \"{2}\"; RFC 7578 krever form-data.") \
    T(SOI_MSG_MULTIPART_DISPOSITION_SYNTAX, "Content-Disposition for del {1} av multipart/form-data-innholdet kan ikke leses ved \"{2}\".") \
    T(SOI_MSG_MULTIPART_TOO_LARGE, "Del {1} av multipart/form-data-innholdet er større enn de {2} bytene som godtas her.")
/* clang-format on */

#endif
