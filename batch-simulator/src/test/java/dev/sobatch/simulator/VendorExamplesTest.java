package dev.sobatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.soap.SoapVersion;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Posts every request example of the vendor's documentation, exactly as printed (SOAP 1.2 namespace,
 * headers directly under Envelope), and validates the answer's headers and body against the WSDL's schema.
 */
class VendorExamplesTest {
    static final String EXAMPLE_TICKET = "7T:1234abcxyzExample==";
    static final String EXAMPLE_TOKEN = "1234567-1234-9876";
    private static final Pattern REQUEST = Pattern.compile("## (\\w+) Request\\s+```xml\\s*(.*?)```", Pattern.DOTALL);

    @RegisterExtension
    static final BatchSimulatorExtension EXT = new BatchSimulatorExtension(SimulatorConfig.builder()
            .ticket(EXAMPLE_TICKET).online(EXAMPLE_TOKEN).build());

    private static Path reference;
    private static Schema schema;

    @BeforeAll
    static void reference() throws Exception {
        String dir = System.getProperty("sobatch.reference.dir");
        Path candidate = dir == null ? null : Path.of(dir);
        Assumptions.assumeTrue(candidate != null && Files.isDirectory(candidate.resolve("batch-operations")),
                "vendor reference not found (system property sobatch.reference.dir=" + dir
                        + "); the vendor example tests are skipped");
        reference = candidate;
        schema = WsdlSchema.load(reference.resolve("Services88-Batch.wsdl"));
    }

    @TestFactory
    Stream<DynamicTest> everyVendorExampleRequestGetsASchemaValidAnswer() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(reference.resolve("batch-operations"))) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
        }
        assertThat(files).hasSize(15);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            Matcher m = REQUEST.matcher(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(m.find()).as("request example in " + file.getFileName()).isTrue();
            String operation = m.group(1);
            byte[] request = m.group(2).trim().getBytes(StandardCharsets.UTF_8);
            tests.add(DynamicTest.dynamicTest(operation, () -> check(operation, request)));
        }
        return tests.stream();
    }

    private static void check(String operation, byte[] request) throws Exception {
        HttpResponse<byte[]> r = SoapHttp.postRaw(EXT.simulator().batchServiceUrl(),
                "application/soap+xml; charset=utf-8", null, request);
        assertThat(r.statusCode()).as(SoapHttp.text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(SoapVersion.SOAP_12.responseContentType());

        Document doc = WsdlSchema.parse(r.body());
        String env = SoapVersion.SOAP_12.envelopeNamespace();
        Element envelope = doc.getDocumentElement();
        assertThat(envelope.getNamespaceURI()).isEqualTo(env);
        Element header = child(envelope, env, "Header");
        Element body = child(envelope, env, "Body");
        Validator validator = schema.newValidator();
        for (Element h : children(header)) {
            validator.validate(new DOMSource(h));
        }
        List<Element> payload = children(body);
        assertThat(payload).hasSize(1);
        assertThat(payload.get(0).getLocalName()).isEqualTo(operation + "Response");
        validator.validate(new DOMSource(payload.get(0)));

        Element succeeded = child(header, dev.sobatch.model.Namespaces.SERVICES88, "Succeeded");
        // The examples use Id 0, which no task has; only updating it is an application error.
        assertThat(succeeded.getTextContent()).isEqualTo("UpdateBatchTask".equals(operation) ? "false" : "true");
        RecordedRequest rec = EXT.simulator().requests().stream().filter(q -> operation.equals(q.operation()))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(rec.ticketMatches(EXAMPLE_TICKET)).isTrue();
        assertThat(rec.applicationTokenMatches(EXAMPLE_TOKEN)).isTrue();
    }

    private static Element child(Element parent, String ns, String name) {
        for (Element e : children(parent)) {
            if (ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }

    private static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                list.add((Element) n);
            }
        }
        return list;
    }
}
