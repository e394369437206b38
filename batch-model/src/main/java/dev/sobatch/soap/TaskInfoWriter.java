package dev.sobatch.soap;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.DotNetDateTimeAdapter;
import dev.sobatch.model.Namespaces;
import dev.sobatch.model.StringDictionary;
import dev.sobatch.model.StringPair;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.model.message.TaskInfoRequest;
import dev.sobatch.model.message.UpdateBatchTask;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;

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
    static void write(Utf8XmlWriter w, QName element, Object payload) throws XMLStreamException {
        w.writeStartElement("", element.getLocalPart(), TNS);
        // the declarations JAXB puts on the root it marshals: every namespace its context knows
        w.writeNamespace("a", Namespaces.ARRAYS);
        w.writeNamespace(XSI_PREFIX, Namespaces.XSI);
        w.writeDefaultNamespace(TNS);
        BatchTaskInfo t = ((TaskInfoRequest) payload).batchTaskInfo();
        if (t == null) {
            w.writeMarkup(Tag.BATCH_TASK_INFO.nil);
        } else {
            w.writeMarkup(Tag.BATCH_TASK_INFO.open);
            task(w, t);
            w.writeMarkup(Tag.BATCH_TASK_INFO.close);
        }
        w.writeEndElement();
    }

    private static void task(Utf8XmlWriter w, BatchTaskInfo t) throws XMLStreamException {
        text(w, Tag.ID, Integer.toString(t.id()));
        nillable(w, Tag.NAME, t.name());
        text(w, Tag.ASSOCIATE_ID, Integer.toString(t.associateId()));
        text(w, Tag.DETAILS_TABLE, Short.toString(t.detailsTable()));
        text(w, Tag.DETAILS_RECORD, Integer.toString(t.detailsRecord()));
        text(w, Tag.IS_SYSTEM_TASK, Boolean.toString(t.isSystemTask()));
        text(w, Tag.IS_INTERNAL_TASK, Boolean.toString(t.isInternalTask()));
        parameters(w, t.parameters());
        optional(w, Tag.LAST_STARTED, date(t.lastStarted()));
        optional(w, Tag.CREATED, date(t.created()));
        text(w, Tag.START_COUNT, Integer.toString(t.startCount()));
        nillable(w, Tag.DATABASE_SERIAL_NUMBER, t.databaseSerialNumber());
        nillable(w, Tag.CONTEXT, t.context());
        nillable(w, Tag.RESULT, t.result());
        optional(w, Tag.STATE, t.stateText());
        nillable(w, Tag.DESCRIPTION, t.description());
        nillable(w, Tag.RESPONSE, t.response());
        nillable(w, Tag.REQUEST, t.request());
        nillable(w, Tag.PROGRESS_DESCRIPTION, t.progressDescription());
        text(w, Tag.PROGRESS_PERCENT, Short.toString(t.progressPercent()));
        nillable(w, Tag.FILE_NAME, t.fileName());
        optional(w, Tag.CANCELLATION_BEHAVIOUR, t.cancellationBehaviourText());
    }

    private static void parameters(Utf8XmlWriter w, StringDictionary parameters) throws XMLStreamException {
        w.writeMarkup(Tag.PARAMETER_OBJECT.open);
        for (StringPair p : parameters.pairs()) {
            if (p != null) { // as JAXB, which leaves a null item of a list that is not nillable out
                w.writeMarkup(Tag.STRING_KEY_VALUE_PAIR.open);
                nillable(w, Tag.KEY, p.key());
                nillable(w, Tag.VALUE, p.value());
                w.writeMarkup(Tag.STRING_KEY_VALUE_PAIR.close);
            }
        }
        w.writeMarkup(Tag.PARAMETER_OBJECT.close);
    }

    private static String date(OffsetDateTime value) {
        return value == null ? null : DATES.marshal(value);
    }

    private static void text(Utf8XmlWriter w, Tag tag, String value) throws XMLStreamException {
        w.writeMarkup(tag.open);
        w.writeCharacters(value);
        w.writeMarkup(tag.close);
    }

    private static void optional(Utf8XmlWriter w, Tag tag, String value) throws XMLStreamException {
        if (value != null) {
            text(w, tag, value);
        }
    }

    private static void nillable(Utf8XmlWriter w, Tag tag, String value) throws XMLStreamException {
        if (value == null) {
            w.writeMarkup(tag.nil);
        } else {
            text(w, tag, value);
        }
    }

    /**
     * An element of the payload (default namespace, no prefix), its markup encoded once: writing names
     * character by character was half of a StartBatchJob's encoding.
     */
    private enum Tag {
        BATCH_TASK_INFO("BatchTaskInfo"), ID("Id"), NAME("Name"), ASSOCIATE_ID("AssociateId"),
        DETAILS_TABLE("DetailsTable"), DETAILS_RECORD("DetailsRecord"), IS_SYSTEM_TASK("IsSystemTask"),
        IS_INTERNAL_TASK("IsInternalTask"), PARAMETER_OBJECT("ParameterObject"),
        STRING_KEY_VALUE_PAIR("StringKeyValuePair"), KEY("Key"), VALUE("Value"), LAST_STARTED("LastStarted"),
        CREATED("Created"), START_COUNT("StartCount"), DATABASE_SERIAL_NUMBER("DatabaseSerialNumber"),
        CONTEXT("Context"), RESULT("Result"), STATE("State"), DESCRIPTION("Description"), RESPONSE("Response"),
        REQUEST("Request"), PROGRESS_DESCRIPTION("ProgressDescription"), PROGRESS_PERCENT("ProgressPercent"),
        FILE_NAME("FileName"), CANCELLATION_BEHAVIOUR("CancellationBehaviour");

        final byte[] open;
        final byte[] close;
        /** The element with {@code xsi:nil="true"}, written as JAXB writes it (start and end tag). */
        final byte[] nil;

        Tag(String name) {
            this.open = ascii("<" + name + ">");
            this.close = ascii("</" + name + ">");
            this.nil = ascii("<" + name + " " + XSI_PREFIX + ":nil=\"true\"></" + name + ">");
        }

        private static byte[] ascii(String markup) {
            return markup.getBytes(StandardCharsets.US_ASCII);
        }
    }
}
