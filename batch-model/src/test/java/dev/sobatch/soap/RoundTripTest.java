package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.SoExtraInfo;
import dev.sobatch.model.SoTimeZone;
import dev.sobatch.model.message.AuthenticateResponse;
import dev.sobatch.model.message.AuthenticateUsernamePassword;
import dev.sobatch.model.message.BatchTaskInfoListResponse;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
    private final SoapCodec codec = SoapCodec.defaults();

    static Stream<Arguments> operationsAndVersions() {
        return Stream.of(BatchOperation.values())
                .flatMap(op -> Stream.of(SoapVersion.values()).map(v -> Arguments.of(op, v)));
    }

    @ParameterizedTest(name = "{0} request over SOAP {1}")
    @MethodSource("operationsAndVersions")
    void everyRequestDecodesToWhatWasEncoded(BatchOperation op, SoapVersion version) {
        Object payload = TestData.request(op);
        RequestHeaders headers = TestData.headersWithTimeZone();

        byte[] wire = codec.encodeRequest(version, op, headers, payload);
        SoapRequest decoded = codec.decodeRequest(new ByteArrayInputStream(wire));

        assertThat(decoded.version()).isEqualTo(version);
        assertThat(decoded.operation()).isEqualTo(op);
        assertThat(decoded.headers()).isEqualTo(headers);
        assertThat(decoded.payload()).isInstanceOf(op.requestType()).isEqualTo(payload);
    }

    @ParameterizedTest(name = "{0} response over SOAP {1}")
    @MethodSource("operationsAndVersions")
    void everyResponseDecodesToWhatWasEncoded(BatchOperation op, SoapVersion version) {
        Object payload = TestData.response(op);
        ResponseHeaders headers = ResponseHeaders.success().withTimeZone(SoTimeZone.of(7, "NOOSL"))
                .withExtraInfo(SoExtraInfo.of(Map.of("server", "so-42")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encodeResponse(version, op, headers, payload, out);
        SoapResponse decoded = codec.decodeResponse(op, out.toByteArray());

        assertThat(decoded.version()).isEqualTo(version);
        assertThat(decoded.isFault()).isFalse();
        assertThat(decoded.headers()).isEqualTo(headers);
        assertThat(decoded.headers().reportsFailure()).isFalse();
        assertThat(decoded.payload(op.responseType())).isEqualTo(payload);
    }

    @ParameterizedTest(name = "SOAP {0}")
    @EnumSource(SoapVersion.class)
    void anApplicationFailureInTheHeadersRoundTripsWithItsInnerExceptionAndParameters(SoapVersion version) {
        SoExceptionInfo inner = SoExceptionInfo.builder().message("no such row").exceptionType("SoNotFound").build();
        SoExceptionInfo info = SoExceptionInfo.builder().message("Update failed").friendlyText("Try again")
                .exceptionType("SoException").source("SoCore").stackTrace("   at X.Y()").innerException(inner)
                .parameters(Map.of("Id", "4711")).build();
        ResponseHeaders headers = ResponseHeaders.failure(info);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        codec.encodeResponse(version, BatchOperation.UPDATE_BATCH_TASK, headers, BatchTaskInfoResponse.of(null), out);
        SoapResponse decoded = codec.decodeResponse(BatchOperation.UPDATE_BATCH_TASK, out.toByteArray());

        assertThat(decoded.headers()).isEqualTo(headers);
        assertThat(decoded.headers().reportsFailure()).isTrue();
        assertThat(decoded.headers().exceptionInfo().innerException()).isEqualTo(inner);
        assertThat(decoded.payload(BatchTaskInfoResponse.class).value()).isNull();
    }

    @ParameterizedTest(name = "SOAP {0}")
    @EnumSource(SoapVersion.class)
    void faultsRoundTripWithCodeReasonAndDetail(SoapVersion version) {
        for (SoapFault fault : List.of(SoapFault.client("bad request <&>", "field Id"),
                SoapFault.server("internal error", null))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            codec.encodeFault(version, fault, null, out);

            SoapResponse decoded = codec.decodeResponse(BatchOperation.STOP_BATCH_JOB, out.toByteArray());

            assertThat(decoded.version()).isEqualTo(version);
            assertThat(decoded.isFault()).isTrue();
            assertThat(decoded.fault()).contains(fault);
            assertThat(decoded.fault().orElseThrow().codeText()).isEqualTo("s:" + fault.codeName(version));
        }
    }

    @Test
    void anEmptyTaskListAndANilTaskListBothReadAsEmpty() {
        for (SoapVersion version : SoapVersion.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            codec.encodeResponse(version, BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, ResponseHeaders.success(),
                    BatchTaskInfoListResponse.of(List.of()), out);

            SoapResponse decoded = codec.decodeResponse(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE,
                    out.toByteArray());

            assertThat(decoded.payload(BatchTaskInfoListResponse.class).value()).isEmpty();
        }
    }

    @Test
    void soPrincipalAuthenticationRoundTripsWithoutLosingTheTicket() {
        byte[] wire = codec.encodeRequest(SoapVersion.SOAP_11, SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD,
                RequestHeaders.of(TestData.APP_TOKEN, null), AuthenticateUsernamePassword.of("jdoe", "pw-SECRET"));
        SoapRequest request = codec.decodeRequest(new ByteArrayInputStream(wire));
        assertThat(request.operation()).isEqualTo(SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD);
        AuthenticateUsernamePassword auth = request.payload(AuthenticateUsernamePassword.class);
        assertThat(auth.userName()).isEqualTo("jdoe");
        assertThat(auth.password()).isEqualTo("pw-SECRET");
        assertThat(request.headers().ticket()).isNull();
        assertThat(auth.toString()).doesNotContain("pw-SECRET");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encodeResponse(SoapVersion.SOAP_11, SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD,
                ResponseHeaders.success(), AuthenticateResponse.succeeded(TestData.TICKET, 13, "jdoe"), out);
        AuthenticateResponse response = codec.decodeResponse(SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD,
                out.toByteArray()).payload(AuthenticateResponse.class);
        assertThat(response.authenticationSucceeded()).isTrue();
        assertThat(response.ticket()).isEqualTo(TestData.TICKET);
        assertThat(response.associateId()).isEqualTo(13);
        assertThat(response.associate()).isEqualTo("jdoe");
        assertThat(response.toString()).doesNotContain(TestData.TICKET);
    }
}
