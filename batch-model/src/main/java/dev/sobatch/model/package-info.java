/**
 * Carriers of the SuperOffice Services88 Batch contract: {@link dev.sobatch.model.BatchTaskInfo} and the
 * types it uses, bound with Jakarta XML Binding.
 *
 * <p>Carriers are built with builders and expose getters only; the XML binding fills their fields
 * directly. Readers are tolerant: elements a newer server adds are ignored, and enumeration values this
 * version does not know are kept as raw text.
 */
@XmlSchema(namespace = Namespaces.SERVICES88, elementFormDefault = XmlNsForm.QUALIFIED,
        xmlns = {
                @XmlNs(prefix = "", namespaceURI = Namespaces.SERVICES88),
                @XmlNs(prefix = "a", namespaceURI = Namespaces.ARRAYS),
                @XmlNs(prefix = "i", namespaceURI = Namespaces.XSI)})
@XmlAccessorType(XmlAccessType.FIELD)
package dev.sobatch.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
