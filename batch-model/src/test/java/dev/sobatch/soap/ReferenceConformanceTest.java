package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.SoExtraInfo;
import dev.sobatch.model.SoTimeZone;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Conformance with the vendor's files in {@code ../shared/reference} (system property
 * {@code sobatch.reference.dir}): every documented example decodes, and what the codec writes validates
 * against the schemas of {@code Services88-Batch.wsdl}. Skipped, with a message, where the folder is absent.
 */
class ReferenceConformanceTest {
    private static final Pattern XML_BLOCK = Pattern.compile(
            "## (\\w+) (Request|Response)\\s*```xml\\s*(.*?)```", Pattern.DOTALL);
    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    private static Schema schema;
    private final SoapCodec codec = SoapCodec.defaults();

    /** An example as documented: operation, direction and the envelope text. */
    record Example(String file, String operation, boolean request, String xml) {
        @Override
        public String toString() {
            return file + ": " + operation + (request ? " request" : " response");
        }
    }

    /**
     * The folder the build names, else (an IDE run) {@code ../shared/reference} next to the project root, as
     * the root pom defines it.
     */
    static Path referenceDir() {
        String configured = System.getProperty("sobatch.reference.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (isProjectRoot(p)) {
                return p.resolve("../shared/reference").normalize();
            }
        }
        return dir.resolve("../shared/reference").normalize();
    }

    private static boolean isProjectRoot(Path dir) {
        try {
            Path pom = dir.resolve("pom.xml");
            return Files.isRegularFile(pom)
                    && Files.readString(pom).contains("<artifactId>sobatch-parent</artifactId>")
                    && !Files.readString(pom).contains("<parent>");
        } catch (IOException e) {
            return false;
        }
    }

    static boolean referencePresent() {
        return Files.isRegularFile(referenceDir().resolve("Services88-Batch.wsdl"));
    }

    static void assumeReference() {
        org.junit.jupiter.api.Assumptions.assumeTrue(referencePresent(),
                () -> "SKIPPED: vendor reference conformance tests need the folder " + referenceDir()
                        + " (set -Dsobatch.reference.dir); it does not exist here, so the WSDL schema and"
                        + " example checks are skipped. The fixture-based tests still cover the codec.");
    }

    static Stream<Example> examples() throws IOException {
        if (!referencePresent()) {
            // one placeholder so the skip shows up in the report with its reason
            return Stream.of(new Example("(reference folder missing)", "", true, ""));
        }
        Path dir = referenceDir();
        List<Path> files = new ArrayList<>();
        files.add(dir.resolve("StartBatchJob.md"));
        try (Stream<Path> ops = Files.list(dir.resolve("batch-operations"))) {
            ops.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Example> examples = new ArrayList<>();
        for (Path file : files) {
            Matcher m = XML_BLOCK.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                examples.add(new Example(dir.relativize(file).toString(), m.group(1), "Request".equals(m.group(2)),
                        m.group(3).trim()));
            }
        }
        return examples.stream();
    }

    @Test
    void everyOperationHasADocumentedRequestAndResponseExample() throws IOException {
        assumeReference();
        List<Example> all = examples().toList();
        for (BatchOperation op : BatchOperation.values()) {
            assertThat(all).as(op.operationName())
                    .anyMatch(e -> e.operation().equals(op.operationName()) && e.request())
                    .anyMatch(e -> e.operation().equals(op.operationName()) && !e.request());
        }
        assertThat(all).hasSize(2 * BatchOperation.values().length + 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyDocumentedExampleDecodes(Example example) {
        assumeReference();
        BatchOperation op = BatchOperation.forName(example.operation()).orElseThrow();
        byte[] xml = example.xml().getBytes(StandardCharsets.UTF_8);

        if (example.request()) {
            SoapRequest request = codec.decodeRequest(new ByteArrayInputStream(xml));
            assertThat(request.operation()).isEqualTo(op);
            assertThat(request.version()).isEqualTo(SoapVersion.SOAP_12);
            assertThat(request.payload()).isInstanceOf(op.requestType());
            assertThat(request.headers().ticket()).isEqualTo("7T:1234abcxyzExample==");
            assertThat(request.headers().applicationToken()).isEqualTo("1234567-1234-9876");
        } else {
            SoapResponse response = codec.decodeResponse(op, xml);
            assertThat(response.isFault()).isFalse();
            assertThat(response.payload(op.responseType())).isInstanceOf(op.responseType());
        }
    }

    @ParameterizedTest
    @EnumSource(BatchOperation.class)
    void encodedSoap11RequestHeadersAndBodyValidateAgainstTheWsdlSchemas(BatchOperation op) throws Exception {
        assumeReference();
        byte[] wire = codec.encodeRequest(SoapVersion.SOAP_11, op, TestData.headersWithTimeZone(),
                TestData.request(op));

        List<Element> validated = validateHeadersAndBody(wire);

        assertThat(validated).extracting(Element::getLocalName)
                .containsExactly("ApplicationToken", "Credentials", "TimeZone", op.operationName());
    }

    @ParameterizedTest
    @EnumSource(BatchOperation.class)
    void encodedSoap11ResponseHeadersAndBodyValidateAgainstTheWsdlSchemas(BatchOperation op) throws Exception {
        assumeReference();
        ResponseHeaders headers = ResponseHeaders.success().withTimeZone(SoTimeZone.of(7, "NOOSL"))
                .withExtraInfo(SoExtraInfo.of(Map.of("server", "so-42")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encodeResponse(SoapVersion.SOAP_11, op, headers, TestData.response(op), out);

        List<Element> validated = validateHeadersAndBody(out.toByteArray());

        assertThat(validated).extracting(Element::getLocalName)
                .containsExactly("ExceptionInfo", "ExtraInfo", "Succeeded", "TimeZone", op.operationName() + "Response");
    }

    @Test
    void anEncodedFailureHeaderWithNestedExceptionsValidatesAgainstTheWsdlSchemas() throws Exception {
        assumeReference();
        SoExceptionInfo info = SoExceptionInfo.builder().message("outer").exceptionType("SoException")
                .innerException(SoExceptionInfo.builder().message("inner").build())
                .parameters(Map.of("Id", "4711")).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encodeResponse(SoapVersion.SOAP_11, BatchOperation.GET_BATCH_TASK_INFO, ResponseHeaders.failure(info),
                dev.sobatch.model.message.BatchTaskInfoResponse.of(null), out);

        assertThat(validateHeadersAndBody(out.toByteArray())).hasSize(5);
    }

    @Test
    void theSchemaCheckIsRealAndRejectsAnElementOutOfOrder() throws Exception {
        assumeReference();
        String wrong = "<StartBatchJob xmlns=\"" + dev.sobatch.model.Namespaces.SERVICES88 + "\"><BatchTaskInfo>"
                + "<Name>X</Name><Id>1</Id></BatchTaskInfo></StartBatchJob>";
        Validator validator = schema().newValidator();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> validator.validate(
                new StreamSource(new java.io.StringReader(wrong)))).isInstanceOf(org.xml.sax.SAXException.class);
    }

    /** Validates each header element and the body's payload element on its own; returns them in order. */
    private List<Element> validateHeadersAndBody(byte[] wire) throws Exception {
        Element envelope = WireFormatTest.parse(wire).getDocumentElement();
        List<Element> parts = WireFormatTest.children(envelope);
        List<Element> elements = new ArrayList<>(WireFormatTest.children(parts.get(0)));
        elements.addAll(WireFormatTest.children(parts.get(1)));
        Validator validator = schema().newValidator();
        for (Element e : elements) {
            assertThatCode(() -> validator.validate(new DOMSource(e)))
                    .as("%s validates against the WSDL schema", e.getLocalName()).doesNotThrowAnyException();
        }
        return elements;
    }

    @BeforeAll
    static void loadSchema() throws Exception {
        if (referencePresent()) {
            schema = compileWsdlSchemas(referenceDir().resolve("Services88-Batch.wsdl"));
        }
    }

    private static Schema schema() {
        return schema;
    }

    /**
     * Compiles the three {@code xs:schema} elements inside {@code wsdl:types}. Each is copied into a document
     * of its own with the namespace declarations it inherits from {@code wsdl:definitions}; imports (which name
     * a namespace only) are answered from those copies, so nothing is ever fetched.
     */
    static Schema compileWsdlSchemas(Path wsdl) throws Exception {
        Document doc = WireFormatTest.parse(Files.readAllBytes(wsdl));
        Map<String, byte[]> byNamespace = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (Element types : WireFormatTest.children(doc.getDocumentElement())) {
            if (!"types".equals(types.getLocalName())) {
                continue;
            }
            for (Element s : WireFormatTest.children(types)) {
                if (XS.equals(s.getNamespaceURI()) && "schema".equals(s.getLocalName())) {
                    byNamespace.put(s.getAttribute("targetNamespace"), standalone(s));
                    order.add(s.getAttribute("targetNamespace"));
                }
            }
        }
        assertThat(order).hasSize(3);
        SchemaFactory factory = SchemaFactory.newInstance(XS);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setResourceResolver(new InlineSchemas(byNamespace));
        return factory.newSchema(new StreamSource(new ByteArrayInputStream(byNamespace.get(order.get(0))),
                "inline:" + order.get(0)));
    }

    private static byte[] standalone(Element schemaElement) throws Exception {
        Element copy = (Element) schemaElement.cloneNode(true);
        for (Node n = schemaElement.getParentNode(); n instanceof Element ancestor; n = n.getParentNode()) {
            NamedNodeMap attrs = ancestor.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
                        && !copy.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getLocalName())) {
                    copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getName(), a.getValue());
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.transform(new DOMSource(copy), new StreamResult(out));
        return out.toByteArray();
    }

    /** Serves the WSDL's inline schemas by namespace; refuses everything else. */
    private record InlineSchemas(Map<String, byte[]> byNamespace) implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespaceURI, String publicId, String systemId,
                String baseURI) {
            byte[] schema = byNamespace.get(namespaceURI);
            if (schema == null) {
                throw new IllegalStateException("no inline schema for " + namespaceURI + " (" + systemId + ")");
            }
            return new BytesInput(schema, "inline:" + namespaceURI, baseURI);
        }
    }

    private record BytesInput(byte[] bytes, String systemId, String baseUri) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public InputStream getByteStream() { return new ByteArrayInputStream(bytes); }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return baseUri; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
