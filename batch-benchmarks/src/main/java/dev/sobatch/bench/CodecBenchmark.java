package dev.sobatch.bench;

import dev.sobatch.model.message.BatchTaskInfoListResponse;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Codec micro-benchmarks (run with {@code -prof gc} for B/op). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CodecBenchmark {
    private final SoapCodec codec = SoapCodec.defaults();
    private final StartBatchJob request = Payloads.startRequest();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    private final byte[] startResponse = Payloads.startResponseBytes();
    /** 16 answers with different seven-digit ids. */
    private final byte[][] startResponses = Payloads.startResponsesWithIds(16);
    private int next;

    /** A GetBatchTaskInfosByState response; its parameter multiplies only the benchmark that uses it. */
    @State(Scope.Benchmark)
    public static class TaskList {
        /** Tasks in the response: 100 is the headline figure, 10 and 1,000 show how decoding scales. */
        @Param({"100"})
        public int tasks;
        byte[] bytes;

        @Setup
        public void setUp() {
            bytes = Payloads.taskListResponseBytes(tasks);
        }
    }

    /** Writes the StartBatchJob request envelope into a reused buffer, as a client writing into a pooled buffer. */
    @Benchmark
    public int encodeStartBatchJob() {
        out.reset();
        codec.encodeRequest(SoapVersion.SOAP_11, BatchOperation.START_BATCH_JOB, Payloads.HEADERS, request, out);
        return out.size();
    }

    /**
     * Parses the StartBatchJobResponse in full, as the first answer of an operation is (the stream form never
     * answers from a kept answer): the figure the codec target is about.
     */
    @Benchmark
    public int decodeStartBatchJobResponse() {
        return codec.decodeResponse(BatchOperation.START_BATCH_JOB, new ByteArrayInputStream(startResponse))
                .payload(IntResponse.class).value();
    }

    /**
     * Decodes StartBatchJobResponses that differ only in their ids, as a client's answers do: after the first,
     * each repeats the kept answer but for its id and is not parsed again.
     */
    @Benchmark
    public int decodeRepeatedStartBatchJobResponse() {
        byte[] body = startResponses[next++ & (startResponses.length - 1)];
        return codec.decodeResponse(BatchOperation.START_BATCH_JOB, body).payload(IntResponse.class).value();
    }

    /** One client call's codec work at its dearest: encode the request and parse the response in full. */
    @Benchmark
    public int encodeAndDecodeStartBatchJob() {
        return encodeStartBatchJob() + decodeStartBatchJobResponse();
    }

    @Benchmark
    public int decodeTaskList(TaskList list) {
        return codec.decodeResponse(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, list.bytes)
                .payload(BatchTaskInfoListResponse.class).value().size();
    }
}
