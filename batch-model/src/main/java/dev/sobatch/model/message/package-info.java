/**
 * The body elements of each Services88 operation: one request class per Batch.svc operation, and a few
 * response shapes shared by operations whose answers look alike (the codec names the element per
 * operation). Also the SoPrincipal AuthenticateUsernamePassword request and its answer.
 */
@XmlSchema(namespace = Namespaces.SERVICES88, elementFormDefault = XmlNsForm.QUALIFIED,
        xmlns = {
                @XmlNs(prefix = "", namespaceURI = Namespaces.SERVICES88),
                @XmlNs(prefix = "a", namespaceURI = Namespaces.ARRAYS),
                @XmlNs(prefix = "i", namespaceURI = Namespaces.XSI)})
@XmlAccessorType(XmlAccessType.FIELD)
package dev.sobatch.model.message;

import dev.sobatch.model.Namespaces;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
