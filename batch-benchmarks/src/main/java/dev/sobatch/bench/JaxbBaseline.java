package dev.sobatch.bench;

import dev.sobatch.bench.baseline.Envelope;
import dev.sobatch.bench.cxf.generated.ObjectFactory;
import dev.sobatch.bench.cxf.generated.StartBatchJobResponse;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Contender (e), the straightforward reactive baseline: Reactor Netty, one cached {@link JAXBContext}, a new
 * Marshaller and Unmarshaller per call, and the whole envelope (headers included) mapped by JAXB.
 */
final class JaxbBaseline implements Contender.Async {
    private static final ObjectFactory FACTORY = new ObjectFactory();
    private final JAXBContext context;
    private final ConnectionProvider provider;
    private final HttpClient client;

    JaxbBaseline(String baseUrl, int maxConnections) throws JAXBException {
        this.context = JAXBContext.newInstance(Envelope.class, ObjectFactory.class);
        this.provider = Harness.provider("jaxb", maxConnections);
        this.client = HttpClient.create(provider)
                .baseUrl(baseUrl)
                .headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "text/xml; charset=utf-8")
                        .set("SOAPAction", Payloads.START_ACTION));
    }

    @Override
    public Mono<?> call() {
        return Mono.fromCallable(this::encode)
                .flatMap(body -> client.post()
                        .uri(Payloads.SERVICE_PATH)
                        .send(Mono.just(Unpooled.wrappedBuffer(body)))
                        .responseSingle((res, in) -> in.asInputStream().map(this::decode)));
    }

    private byte[] encode() throws JAXBException {
        Envelope env = new Envelope();
        env.header.entries.add(FACTORY.createApplicationToken(Payloads.APPLICATION_TOKEN));
        env.header.entries.add(FACTORY.createCredentials(CxfPayloads.credentials()));
        env.body.entries.add(CxfPayloads.startRequest());
        Marshaller m = context.createMarshaller();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        m.marshal(env, out);
        return out.toByteArray();
    }

    private int decode(InputStream in) {
        try (in) {
            Envelope env = (Envelope) context.createUnmarshaller().unmarshal(in);
            Boolean succeeded = null;
            for (Object h : env.header.entries) {
                if (h instanceof JAXBElement<?> e && "Succeeded".equals(e.getName().getLocalPart())) {
                    succeeded = (Boolean) e.getValue();
                }
            }
            if (!Boolean.TRUE.equals(succeeded)) {
                throw new IllegalStateException("the service did not report success");
            }
            StartBatchJobResponse response = (StartBatchJobResponse) env.body.entries.get(0);
            Contender.expect(response.getResponse());
            return response.getResponse();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the response", e);
        }
    }

    @Override
    public void close() {
        provider.disposeLater().block();
    }
}
