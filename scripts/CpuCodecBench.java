// Codec CPU time per call, measured by thread CPU time (ThreadMXBean) rather than wall time, so that other
// processes on a busy machine disturb it far less than JMH's wall-clock figures. Not part of the build.
// Run: java -Xms1g -Xmx1g \
//   -cp batch-benchmarks/target/classes:$(cat batch-benchmarks/target/bench-classpath.txt) scripts/CpuCodecBench.java label
// See docs/BENCHMARKS.md.
import dev.sobatch.bench.Payloads;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.soap.*;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

public class CpuCodecBench {
    static final SoapCodec codec = SoapCodec.defaults();
    static final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    static final byte[] resp = Payloads.startResponseBytes();
    static final dev.sobatch.model.message.StartBatchJob req = Payloads.startRequest();
    static int sink;
    static int decode() { return codec.decodeResponse(BatchOperation.START_BATCH_JOB, resp).payload(IntResponse.class).value(); }
    static int encode() { out.reset(); codec.encodeRequest(SoapVersion.SOAP_11, BatchOperation.START_BATCH_JOB, Payloads.HEADERS, req, out); return out.size(); }
    public static void main(String[] a) {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (String which : new String[] {"decode", "encode+decode", "decode", "encode+decode"}) {
            boolean both = which.startsWith("encode");
            long end = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < end) for (int i = 0; i < 1000; i++) sink += both ? encode() + decode() : decode();
            double[] cpu = new double[15]; double[] bytes = new double[15];
            for (int w = 0; w < cpu.length; w++) {
                long c0 = mx.getCurrentThreadCpuTime(), b0 = mx.getThreadAllocatedBytes(tid); int n = 0;
                long stop = System.nanoTime() + 400_000_000L;
                while (System.nanoTime() < stop) { for (int i = 0; i < 200; i++) sink += both ? encode() + decode() : decode(); n += 200; }
                cpu[w] = (mx.getCurrentThreadCpuTime() - c0) / (double) n; bytes[w] = (mx.getThreadAllocatedBytes(tid) - b0) / (double) n;
            }
            Arrays.sort(cpu); Arrays.sort(bytes);
            System.out.printf("%s %-14s cpu ns/op min %6.0f p25 %6.0f med %6.0f   B/op %6.0f%n", a[0], which, cpu[0], cpu[3], cpu[7], bytes[7]);
        }
    }
}
