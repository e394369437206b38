package dev.sobatch.soap;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.DotNetDateTimeAdapter;
import dev.sobatch.model.Namespaces;
import dev.sobatch.model.StringDictionary;
import dev.sobatch.model.StringPair;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.model.message.TaskInfoRequest;
import dev.sobatch.model.message.UpdateBatchTask;
import java.time.OffsetDateTime;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the StartBatchJob and UpdateBatchTask payloads straight to the writer: JAXB's marshaller cost three
 * quarters of encoding a StartBatchJob request. The output is byte for byte what JAXB writes for the same
 * payload ({@code TaskInfoWriterTest} compares the two): the namespaces JAXB declares on the payload root,
 * the Carrier base's fields first and then {@code BatchTaskInfo}'s propOrder, {@code xsi:nil} for null
 * nillable fields, nothing for null non-nillable ones, dates through {@link DotNetDateTimeAdapter}.
 *
 * <p>Only what a normal task carries is written here; {@link #handles} turns away the rest, which JAXB
 * then writes: a task with the Carrier's {@code TableRight} or {@code FieldProperties} set (read from a
 * server, rarely sent back), and a task whose {@code ParameterObject} is nil (read from the wire: its getter
 * cannot tell nil from empty, but answers the shared {@link StringDictionary#empty()} only then).
 */
final class TaskInfoWriter {
    private static final String TNS = Namespaces.SERVICES88;
    private static final String XSI_PREFIX = "xsi";
    /** Stateless; JAXB would use one of its own, with the same result. */
    private static final DotNetDateTimeAdapter DATES = new DotNetDateTimeAdapter();

    private TaskInfoWriter() {
    }

    /** Whether {@link #write} writes this payload of the body element {@code element}. */
    static boolean handles(QName element, Object payload) {
        if (!(payload instanceof StartBatchJob || payload instanceof UpdateBatchTask)
                || !TNS.equals(element.getNamespaceURI())) {
            return false;
        }
        BatchTaskInfo t = ((TaskInfoRequest) payload).batchTaskInfo();
        return t == null || t.tableRight() == null && t.fieldProperties() == null
                && t.parameters() != StringDictionary.empty();
    }

    /** Writes the payload element, which {@link #handles} accepted. */
    static void write(XMLStreamWriter w, QName element, Object payload) throws XMLStreamException {
        w.writeStartElement("", element.getLocalPart(), TNS);
        // the declarations JAXB puts on the root it marshals: every namespace its context knows
        w.writeNamespace("a", Namespaces.ARRAYS);
        w.writeNamespace(XSI_PREFIX, Namespaces.XSI);
        w.writeDefaultNamespace(TNS);
        BatchTaskInfo t = ((TaskInfoRequest) payload).batchTaskInfo();
        if (t == null) {
            nil(w, "BatchTaskInfo");
        } else {
            start(w, "BatchTaskInfo");
            task(w, t);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void task(XMLStreamWriter w, BatchTaskInfo t) throws XMLStreamException {
        text(w, "Id", Integer.toString(t.id()));
        nillable(w, "Name", t.name());
        text(w, "AssociateId", Integer.toString(t.associateId()));
        text(w, "DetailsTable", Short.toString(t.detailsTable()));
        text(w, "DetailsRecord", Integer.toString(t.detailsRecord()));
        text(w, "IsSystemTask", Boolean.toString(t.isSystemTask()));
        text(w, "IsInternalTask", Boolean.toString(t.isInternalTask()));
        parameters(w, t.parameters());
        optional(w, "LastStarted", date(t.lastStarted()));
        optional(w, "Created", date(t.created()));
        text(w, "StartCount", Integer.toString(t.startCount()));
        nillable(w, "DatabaseSerialNumber", t.databaseSerialNumber());
        nillable(w, "Context", t.context());
        nillable(w, "Result", t.result());
        optional(w, "State", t.stateText());
        nillable(w, "Description", t.description());
        nillable(w, "Response", t.response());
        nillable(w, "Request", t.request());
        nillable(w, "ProgressDescription", t.progressDescription());
        text(w, "ProgressPercent", Short.toString(t.progressPercent()));
        nillable(w, "FileName", t.fileName());
        optional(w, "CancellationBehaviour", t.cancellationBehaviourText());
    }

    private static void parameters(XMLStreamWriter w, StringDictionary parameters) throws XMLStreamException {
        start(w, "ParameterObject");
        for (StringPair p : parameters.pairs()) {
            if (p != null) { // as JAXB, which leaves a null item of a list that is not nillable out
                start(w, "StringKeyValuePair");
                nillable(w, "Key", p.key());
                nillable(w, "Value", p.value());
                w.writeEndElement();
            }
        }
        w.writeEndElement();
    }

    private static String date(OffsetDateTime value) {
        return value == null ? null : DATES.marshal(value);
    }

    private static void start(XMLStreamWriter w, String name) throws XMLStreamException {
        w.writeStartElement("", name, TNS);
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        start(w, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void optional(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value != null) {
            text(w, name, value);
        }
    }

    private static void nillable(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value == null) {
            nil(w, name);
        } else {
            text(w, name, value);
        }
    }

    private static void nil(XMLStreamWriter w, String name) throws XMLStreamException {
        start(w, name);
        w.writeAttribute(XSI_PREFIX, Namespaces.XSI, "nil", "true");
        w.writeEndElement();
    }
}
