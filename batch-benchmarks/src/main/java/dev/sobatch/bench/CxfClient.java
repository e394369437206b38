package dev.sobatch.bench;

import dev.sobatch.bench.cxf.generated.Batch;
import dev.sobatch.bench.cxf.generated.SoCredentials;
import dev.sobatch.bench.cxf.generated.SoExceptionInfo;
import dev.sobatch.bench.cxf.generated.BatchTaskInfo;
import dev.sobatch.bench.cxf.generated.WcfBatchService;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Holder;
import java.net.URL;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPTransportFactory;

/**
 * Contender (d): an Apache CXF JAX-WS client generated from the WSDL (extended SOAP headers, so the token,
 * credentials and time zone are method parameters), one port proxy per thread. Which HTTP conduit it uses
 * is fixed per JVM by {@code -Dorg.apache.cxf.transport.http.forceURLConnection}; the constructor checks
 * that the JVM got the conduit the contender's name promises.
 */
final class CxfClient implements Contender.Blocking {
    private final WcfBatchService service;
    private final String address;
    private final BatchTaskInfo task = CxfPayloads.task();
    private final SoCredentials credentials = CxfPayloads.credentials();
    private final ThreadLocal<Batch> ports;

    CxfClient(String baseUrl, boolean urlConnection) {
        if (HTTPTransportFactory.isForceURLConnectionConduit() != urlConnection) {
            throw new IllegalStateException("run with -Dorg.apache.cxf.transport.http.forceURLConnection="
                    + urlConnection);
        }
        URL wsdl = CxfClient.class.getResource("/wsdl/StartBatchJob.wsdl");
        this.service = new WcfBatchService(wsdl);
        this.address = baseUrl + Payloads.SERVICE_PATH;
        this.ports = ThreadLocal.withInitial(this::newPort);
        String conduit = ClientProxy.getClient(ports.get()).getConduit().getClass().getSimpleName();
        boolean isUrl = conduit.startsWith("URLConnection");
        if (isUrl != urlConnection) {
            throw new IllegalStateException("unexpected CXF conduit " + conduit);
        }
        System.err.println("CXF conduit: " + conduit);
    }

    private Batch newPort() {
        Batch port = service.getBasicHttpBindingBatch();
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
        return port;
    }

    @Override
    public void call() {
        Holder<SoExceptionInfo> exceptionInfo = new Holder<>();
        Holder<Boolean> succeeded = new Holder<>();
        Integer id = ports.get().startBatchJob(task, Payloads.APPLICATION_TOKEN, credentials, null,
                exceptionInfo, succeeded);
        if (!Boolean.TRUE.equals(succeeded.value) || exceptionInfo.value != null) {
            throw new IllegalStateException("the service did not report success");
        }
        Contender.expect(id);
    }
}
