package dev.sobatch.reliability.hostile;

import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapDecodingException;
import dev.sobatch.soap.SoapOperation;
import dev.sobatch.soap.SoapRequest;
import dev.sobatch.soap.SoapResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one decode of hostile bytes and accepts only the documented outcomes: a usable result, or a
 * {@link SoapDecodingException} with a reason and a message. Anything else
 * (NPE, ClassCastException, StackOverflowError, a raw JAXB or StAX exception, a decode running past the
 * hang bound) fails with the input attached.
 */
final class DecodeOutcome {
    /** Far above any real decode (well under a millisecond); only a hang gets near it. */
    static final long HANG_BOUND_SECONDS = 20;

    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "hostile-decode", 1 << 20);
        t.setDaemon(true);
        return t;
    });

    private DecodeOutcome() {
    }

    /** The response, or the decoding exception; fails the test on anything else. */
    static Object response(SoapCodec codec, SoapOperation operation, byte[] input) {
        return guarded(input, () -> {
            SoapResponse response = codec.decodeResponse(operation, new ByteArrayInputStream(input));
            if (response.isFault()) {
                response.fault().orElseThrow().toString();
            } else {
                Object payload = response.payload(operation.responseType());
                String.valueOf(payload);
            }
            String.valueOf(response.headers());
            response.toString();
            return response;
        });
    }

    /** The request, or the decoding exception; fails the test on anything else. */
    static Object request(SoapCodec codec, byte[] input) {
        return guarded(input, () -> {
            SoapRequest request = codec.decodeRequest(new ByteArrayInputStream(input));
            Object payload = request.payload(request.operation().requestType());
            String.valueOf(payload);
            String headers = String.valueOf(request.headers());
            if (headers.contains(Envelopes.TICKET) || headers.contains(Envelopes.APP_TOKEN)) {
                throw new AssertionError("RequestHeaders.toString() shows a secret: " + headers);
            }
            return request;
        });
    }

    private static Object guarded(byte[] input, Callable<Object> decode) {
        Future<Object> future = WORKER.submit(() -> {
            try {
                return decode.call();
            } catch (SoapDecodingException e) {
                return e;
            }
        });
        try {
            Object outcome = future.get(HANG_BOUND_SECONDS, TimeUnit.SECONDS);
            if (outcome instanceof SoapDecodingException e) {
                check(e, input);
            }
            return outcome;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("decode did not finish within " + HANG_BOUND_SECONDS + " s (hang) for input "
                    + show(input));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError("undocumented outcome " + cause + " for input " + show(input), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void check(SoapDecodingException e, byte[] input) {
        if (e.reason() == null || e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("SoapDecodingException without reason or message: " + e + " for input "
                    + show(input), e);
        }
    }

    static String show(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        return s.length() <= 2000 ? "[" + s + "]" : "[" + s.substring(0, 2000) + "... (" + input.length + " bytes)]";
    }
}
