package dev.sobatch.soap;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small non-repairing {@link XMLStreamWriter} that writes UTF-8 straight into a byte buffer, for the
 * envelopes the codec writes and the payloads JAXB marshals into them. It writes exactly what the JDK's
 * writer writes for the calls the codec and JAXB make (start tags closed lazily, never self-closed;
 * {@code < & >} escaped in text, and {@code "} too in attribute values), without the JDK writer's per-instance
 * name table, namespace support and property copies, which cost more than the rest of an encode.
 * Namespace bookkeeping is the caller's, as in any non-repairing writer. Not thread-safe; one per encode.
 */
final class Utf8XmlWriter implements XMLStreamWriter {
    private static final int BUFFER = 1024;
    /** One idle writer per thread: its buffers (about 1.2 KiB) are reused rather than allocated per encode. */
    private static final ThreadLocal<Utf8XmlWriter> IDLE = new ThreadLocal<>();

    private OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private String[] prefixes = new String[16];
    private String[] locals = new String[16];
    private int depth;
    private boolean startTagOpen;

    Utf8XmlWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * This thread's idle writer (taken, so that a nested encode gets its own) or a new one, writing to
     * {@code out}. Give it back with {@link #recycle()} once the document was written in full.
     */
    static Utf8XmlWriter acquire(OutputStream out) {
        Utf8XmlWriter w = IDLE.get();
        if (w == null) {
            return new Utf8XmlWriter(out);
        }
        IDLE.set(null);
        w.out = out;
        return w;
    }

    /** Forgets the document (and the caller's stream) and keeps this writer as the thread's idle one. */
    void recycle() {
        out = null;
        pos = 0;
        java.util.Arrays.fill(prefixes, 0, Math.min(depth, prefixes.length), null);
        java.util.Arrays.fill(locals, 0, Math.min(depth, locals.length), null);
        depth = 0;
        startTagOpen = false;
        if (prefixes.length <= 64) { // an unusually deep document's arrays are not kept
            IDLE.set(this);
        }
    }

    // ------------------------------------------------------------------ elements

    @Override
    public void writeStartElement(String localName) throws XMLStreamException {
        writeStartElement("", localName, "");
    }

    @Override
    public void writeStartElement(String namespaceURI, String localName) throws XMLStreamException {
        writeStartElement("", localName, namespaceURI);
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        closeStartTag();
        if (depth == locals.length) {
            prefixes = java.util.Arrays.copyOf(prefixes, depth * 2);
            locals = java.util.Arrays.copyOf(locals, depth * 2);
        }
        String p = prefix == null ? "" : prefix;
        prefixes[depth] = p;
        locals[depth] = localName;
        depth++;
        ascii('<');
        name(p, localName);
        startTagOpen = true;
    }

    @Override
    public void writeEmptyElement(String localName) throws XMLStreamException {
        writeStartElement(localName);
        writeEndElement();
    }

    @Override
    public void writeEmptyElement(String namespaceURI, String localName) throws XMLStreamException {
        writeStartElement(namespaceURI, localName);
        writeEndElement();
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        writeStartElement(prefix, localName, namespaceURI);
        writeEndElement();
    }

    @Override
    public void writeEndElement() throws XMLStreamException {
        if (depth == 0) {
            throw new XMLStreamException("no element is open");
        }
        closeStartTag();
        depth--;
        ascii('<');
        ascii('/');
        name(prefixes[depth], locals[depth]);
        ascii('>');
        prefixes[depth] = null;
        locals[depth] = null;
    }

    @Override
    public void writeEndDocument() throws XMLStreamException {
        while (depth > 0) {
            writeEndElement();
        }
    }

    // ------------------------------------------------------------------ attributes and namespaces

    @Override
    public void writeAttribute(String localName, String value) throws XMLStreamException {
        writeAttribute("", "", localName, value);
    }

    @Override
    public void writeAttribute(String namespaceURI, String localName, String value) throws XMLStreamException {
        writeAttribute("", namespaceURI, localName, value);
    }

    @Override
    public void writeAttribute(String prefix, String namespaceURI, String localName, String value)
            throws XMLStreamException {
        requireStartTag();
        ascii(' ');
        name(prefix == null ? "" : prefix, localName);
        ascii('=');
        ascii('"');
        escaped(value, true);
        ascii('"');
    }

    @Override
    public void writeNamespace(String prefix, String namespaceURI) throws XMLStreamException {
        if (prefix == null || prefix.isEmpty() || "xmlns".equals(prefix)) {
            writeDefaultNamespace(namespaceURI);
            return;
        }
        requireStartTag();
        raw(" xmlns:");
        raw(prefix);
        ascii('=');
        ascii('"');
        escaped(namespaceURI, true);
        ascii('"');
    }

    @Override
    public void writeDefaultNamespace(String namespaceURI) throws XMLStreamException {
        requireStartTag();
        raw(" xmlns=\"");
        escaped(namespaceURI, true);
        ascii('"');
    }

    // ------------------------------------------------------------------ content

    @Override
    public void writeCharacters(String text) throws XMLStreamException {
        closeStartTag();
        escaped(text, false);
    }

    @Override
    public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
        closeStartTag();
        for (int i = start, end = start + len; i < end; i++) {
            char c = text[i];
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text[i + 1])) {
                codePoint(Character.toCodePoint(c, text[++i]));
            } else {
                character(c, false);
            }
        }
    }

    @Override
    public void writeComment(String data) throws XMLStreamException {
        closeStartTag();
        raw("<!--");
        raw(data);
        raw("-->");
    }

    @Override
    public void writeProcessingInstruction(String target) throws XMLStreamException {
        writeProcessingInstruction(target, null);
    }

    @Override
    public void writeProcessingInstruction(String target, String data) throws XMLStreamException {
        closeStartTag();
        raw("<?");
        raw(target);
        if (data != null) {
            ascii(' ');
            raw(data);
        }
        raw("?>");
    }

    @Override
    public void writeCData(String data) throws XMLStreamException {
        closeStartTag();
        raw("<![CDATA[");
        raw(data);
        raw("]]>");
    }

    @Override
    public void writeDTD(String dtd) throws XMLStreamException {
        throw new UnsupportedOperationException("the codec writes no DTDs");
    }

    @Override
    public void writeEntityRef(String name) throws XMLStreamException {
        closeStartTag();
        ascii('&');
        raw(name);
        ascii(';');
    }

    @Override
    public void writeStartDocument() throws XMLStreamException {
        writeStartDocument("UTF-8", "1.0");
    }

    @Override
    public void writeStartDocument(String version) throws XMLStreamException {
        writeStartDocument("UTF-8", version);
    }

    @Override
    public void writeStartDocument(String encoding, String version) throws XMLStreamException {
        raw("<?xml version=\"");
        raw(version);
        raw("\" encoding=\"");
        raw(encoding);
        raw("\"?>");
    }

    /**
     * Markup the caller encoded once (UTF-8): start and end tags of elements without prefix or attributes, or
     * whole elements. Closes an open start tag first. Not checked: the caller keeps it well-formed, and writes
     * end tags for the start tags it wrote this way (the writer's own element stack does not see them).
     */
    void writeMarkup(byte[] markup) throws XMLStreamException {
        closeStartTag();
        int n = markup.length;
        if (n > BUFFER - pos) {
            drain();
            if (n > BUFFER) {
                try {
                    out.write(markup);
                } catch (IOException e) {
                    throw new XMLStreamException(e);
                }
                return;
            }
        }
        System.arraycopy(markup, 0, buf, pos, n);
        pos += n;
    }

    // ------------------------------------------------------------------ namespace context: the caller's

    @Override
    public String getPrefix(String uri) {
        return null;
    }

    @Override
    public void setPrefix(String prefix, String uri) {
        // non-repairing: prefixes are written by the caller
    }

    @Override
    public void setDefaultNamespace(String uri) {
        // non-repairing: namespaces are written by the caller
    }

    @Override
    public void setNamespaceContext(NamespaceContext context) {
        // non-repairing: namespaces are written by the caller
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        return null;
    }

    @Override
    public Object getProperty(String name) {
        throw new IllegalArgumentException("no properties: " + name);
    }

    // ------------------------------------------------------------------ output

    @Override
    public void flush() throws XMLStreamException {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new XMLStreamException(e);
        }
    }

    /** Flushes; never closes the caller's stream (as the JDK's writer does not). */
    @Override
    public void close() throws XMLStreamException {
        flush();
    }

    private void requireStartTag() throws XMLStreamException {
        if (!startTagOpen) {
            throw new XMLStreamException("attributes and namespaces belong right after a start tag");
        }
    }

    private void closeStartTag() throws XMLStreamException {
        if (startTagOpen) {
            startTagOpen = false;
            ascii('>');
        }
    }

    private void name(String prefix, String local) throws XMLStreamException {
        if (!prefix.isEmpty()) {
            raw(prefix);
            ascii(':');
        }
        raw(local);
    }

    private void escaped(String s, boolean attribute) throws XMLStreamException {
        int n = s.length();
        int i = 0;
        if (n <= BUFFER - pos) { // the common case: plain ASCII copied in one loop, up to the first other char
            int p = pos;
            for (char c; i < n && (c = s.charAt(i)) < 0x80 && c != '<' && c != '&' && c != '>' && c != '"'; i++) {
                buf[p++] = (byte) c;
            }
            pos = p;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                codePoint(Character.toCodePoint(c, s.charAt(++i)));
            } else {
                character(c, attribute);
            }
        }
    }

    private void character(char c, boolean attribute) throws XMLStreamException {
        switch (c) {
            case '<':
                raw("&lt;");
                return;
            case '&':
                raw("&amp;");
                return;
            case '>':
                raw("&gt;");
                return;
            case '"':
                if (attribute) {
                    raw("&quot;");
                    return;
                }
                ascii(c);
                return;
            default:
                if (c < 0x80) {
                    ascii(c);
                } else {
                    codePoint(Character.isSurrogate(c) ? '?' : c);
                }
        }
    }

    /** Markup and names, written as they are (UTF-8 encoded). */
    private void raw(String s) throws XMLStreamException {
        int n = s.length();
        int i = 0;
        if (n <= BUFFER - pos) { // as in escaped(): ASCII in one loop
            int p = pos;
            for (char c; i < n && (c = s.charAt(i)) < 0x80; i++) {
                buf[p++] = (byte) c;
            }
            pos = p;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                ascii(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                codePoint(Character.toCodePoint(c, s.charAt(++i)));
            } else {
                codePoint(Character.isSurrogate(c) ? '?' : c);
            }
        }
    }

    private void ascii(char c) throws XMLStreamException {
        if (pos == BUFFER) {
            drain();
        }
        buf[pos++] = (byte) c;
    }

    private void codePoint(int cp) throws XMLStreamException {
        if (pos > BUFFER - 4) {
            drain();
        }
        if (cp < 0x80) {
            buf[pos++] = (byte) cp;
        } else if (cp < 0x800) {
            buf[pos++] = (byte) (0xC0 | cp >> 6);
            buf[pos++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            buf[pos++] = (byte) (0xE0 | cp >> 12);
            buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[pos++] = (byte) (0x80 | cp & 0x3F);
        } else {
            buf[pos++] = (byte) (0xF0 | cp >> 18);
            buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
            buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[pos++] = (byte) (0x80 | cp & 0x3F);
        }
    }

    private void drain() throws XMLStreamException {
        if (pos > 0) {
            try {
                out.write(buf, 0, pos);
            } catch (IOException e) {
                throw new XMLStreamException(e);
            }
            pos = 0;
        }
    }
}
