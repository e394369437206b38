package dev.sobatch.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * The XML Schema inside a WSDL's {@code wsdl:types}: each inline {@code xs:schema}, made standalone (with
 * the namespace declarations it inherits from the WSDL), resolvable by namespace from the others; no
 * external access at all.
 */
final class WsdlSchema {
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    private WsdlSchema() {
    }

    static Schema load(Path wsdl) throws IOException, SAXException, ParserConfigurationException {
        Document doc = secureBuilder().parse(Files.newInputStream(wsdl));
        NodeList schemas = doc.getElementsByTagNameNS(XSD, "schema");
        Map<String, String> byNamespace = new HashMap<>();
        List<StreamSource> sources = new ArrayList<>();
        for (int i = 0; i < schemas.getLength(); i++) {
            Element schema = (Element) schemas.item(i);
            String text = standalone(schema);
            byNamespace.put(schema.getAttribute("targetNamespace"), text);
            sources.add(new StreamSource(new java.io.StringReader(text)));
        }
        SchemaFactory factory = SchemaFactory.newInstance(XSD);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            String text = byNamespace.get(namespace);
            return text == null ? null : new InlineInput(namespace, text);
        });
        return factory.newSchema(sources.toArray(new StreamSource[0]));
    }

    static DocumentBuilder secureBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f.newDocumentBuilder();
    }

    static Document parse(byte[] xml) throws IOException, SAXException, ParserConfigurationException {
        return secureBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** The schema element as its own document, carrying every namespace declaration in scope. */
    private static String standalone(Element schema) {
        try {
            Document copy = secureBuilder().newDocument();
            Element root = (Element) copy.importNode(schema, true);
            copy.appendChild(root);
            for (Node n = schema.getParentNode(); n instanceof Element; n = n.getParentNode()) {
                NamedNodeMap attrs = n.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    Attr a = (Attr) attrs.item(i);
                    if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
                            && !root.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getLocalName())) {
                        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getName(), a.getValue());
                    }
                }
            }
            StringWriter out = new StringWriter();
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.transform(new DOMSource(copy), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot copy an inline schema", e);
        }
    }

    /** An inline schema handed to the schema loader in place of a network fetch. */
    private static final class InlineInput implements LSInput {
        private final String namespace;
        private final String text;

        InlineInput(String namespace, String text) {
            this.namespace = namespace;
            this.text = text;
        }

        @Override
        public java.io.Reader getCharacterStream() {
            return new java.io.StringReader(text);
        }

        @Override
        public void setCharacterStream(java.io.Reader characterStream) {
        }

        @Override
        public InputStream getByteStream() {
            return null;
        }

        @Override
        public void setByteStream(InputStream byteStream) {
        }

        @Override
        public String getStringData() {
            return text;
        }

        @Override
        public void setStringData(String stringData) {
        }

        @Override
        public String getSystemId() {
            return "inline:" + namespace;
        }

        @Override
        public void setSystemId(String systemId) {
        }

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public void setPublicId(String publicId) {
        }

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String baseURI) {
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
        }
    }
}
