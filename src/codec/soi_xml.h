/* application/xml and text/xml: a BlobEntity as XML, parsed as it arrives
 * with apr-xml (expat). Any root name and namespace is accepted; children
 * are matched by local name without regard to case; i:nil="true" is null;
 * an element with child elements is an object. A DOCTYPE (and so any entity
 * declaration) is refused, and so is a document that is not strict UTF-8,
 * with a message naming the element the bytes are in (whatever encoding the
 * XML declaration names). */
#ifndef SOI_XML_H
#define SOI_XML_H

#include "core/soi_sink.h"
#include "core/soi_entity.h"

soi_sink soi_xml_entity_decoder(apr_pool_t *pool, soi_entity *into);

#endif
