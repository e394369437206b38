package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sobatch.model.message.BooleanResponse;
import dev.sobatch.model.message.EmptyResponse;
import dev.sobatch.model.message.IntResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The StAX fast path for the fixed-shape answers gives what JAXB gives for the same element: each case is
 * decoded by the codec and, separately, unmarshalled by JAXB, and the outcomes (value, or a conversion
 * error) are compared.
 */
class SmallPayloadsTest {
    private static final String TNS = dev.sobatch.model.Namespaces.SERVICES88;
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final SoapCodec codec = SoapCodec.defaults();
    /** The codec as it was before the fast path: every payload through JAXB. */
    private static final SoapCodec JAXB_ONLY = new SoapCodec(SoapCodec.DEFAULT_MAX_INPUT_BYTES, false);

    static List<String> intContents() {
        return List.of("42", " 42 ", "\n\t42\r\n", "+42", "-42", "0", "007", "2147483647", "-2147483648",
                "2147483648", "99999999999", "", " ", "4 2", "forty-two", "1e3", "0x10", "4.0", "--5",
                "\u0664\u0662", "<![CDATA[42]]>", " <![CDATA[4]]>2 ", "4<!-- c -->2", "42<?pi x?>", "&#52;2",
                "4<x>9</x>2", "<x/>42", "42<x/>", "x<y/>42", " <y/>42", "42<y/>x", "42<y/> ");
    }

    static List<String> booleanContents() {
        return List.of("true", "false", "1", "0", " true ", "\nfalse\t", "TRUE", "True", "yes", "", " ", "tru",
                "truex", "t", "2", "<![CDATA[true]]>", "tr<![CDATA[ue]]>", "true<x/>", "<x/>false", "true<x/> ",
                "maybe<x/>true", " f", "f ", "fa", "fals", "1 ", " 0\n", "2", "x", "t<x/>true",
                "true<x/>f");
    }

    /** Wrappers around one or more Response elements: %s is the Response element's content. */
    static List<String> wrappers() {
        return List.of("<Response>%s</Response>",
                "<Unknown>1</Unknown><Response>%s</Response>",
                "<Response>%s</Response><Unknown><Deep>2</Deep></Unknown>",
                "text<Response>%s</Response>more",
                "<!-- c --><Response a='1' xmlns:o='urn:o' o:b='2'>%s</Response>",
                "<Response>0</Response><Response>%s</Response>",
                "<o:Response xmlns:o='urn:other'>1</o:Response><Response>%s</Response>",
                "<Response>%s</Response><o:Response xmlns:o='urn:other'>1</o:Response>");
    }

    static List<String> nilAndMissing() {
        return List.of("", "<Unknown/>", "<o:Response xmlns:o='urn:other'>1</o:Response>",
                "<Response xmlns:i='" + XSI + "' i:nil='true'/>",
                "<Response xmlns:i='" + XSI + "' i:nil=' 1 '>7</Response>",
                "<Response xmlns:i='" + XSI + "' i:nil='false'>1</Response>",
                "<Response>1</Response><Response xmlns:i='" + XSI + "' i:nil='true'/>",
                "<Response xmlns:i='" + XSI + "' i:nil='true'/><Response>1</Response>");
    }

    @ParameterizedTest
    @MethodSource("intContents")
    void anIntAnswerReadsAsJaxbReadsIt(String content) throws Exception {
        for (String wrapper : wrappers()) {
            assertSameAsJaxb(BatchOperation.START_BATCH_JOB, String.format(wrapper, content));
        }
    }

    @ParameterizedTest
    @MethodSource("booleanContents")
    void aBooleanAnswerReadsAsJaxbReadsIt(String content) throws Exception {
        for (String wrapper : wrappers()) {
            assertSameAsJaxb(BatchOperation.STOP_BATCH_JOB, String.format(wrapper, content));
        }
    }

    @ParameterizedTest
    @MethodSource("nilAndMissing")
    void aNilOrMissingResponseReadsAsJaxbReadsIt(String content) throws Exception {
        assertSameAsJaxb(BatchOperation.START_BATCH_JOB, content);
        assertSameAsJaxb(BatchOperation.STOP_BATCH_JOB, content.replace(">1<", ">true<").replace(">7<", ">false<"));
    }

    @Test
    void anEmptyAnswerIgnoresWhateverItHolds() throws Exception {
        for (String content : List.of("", "text", "<Response>1</Response>", "<a><b/></a><!-- c -->")) {
            assertSameAsJaxb(BatchOperation.DELETE_BATCH_TASK, content);
            assertThat(decode(BatchOperation.DELETE_BATCH_TASKS, content).payload(EmptyResponse.class))
                    .isEqualTo(EmptyResponse.instance());
        }
    }

    @Test
    void whitespaceAroundTheNumberIsIgnored() {
        assertThat(decode(BatchOperation.START_BATCH_JOB, "<Response>\n  4711 \t</Response>")
                .payload(IntResponse.class).value()).isEqualTo(4711);
    }

    @Test
    void aCdataNumberIsRead() {
        assertThat(decode(BatchOperation.START_BATCH_JOB, "<Response><![CDATA[4711]]></Response>")
                .payload(IntResponse.class).value()).isEqualTo(4711);
    }

    @Test
    void unknownSiblingsBeforeAndAfterTheResponseAreSkipped() {
        String content = "<Before><x>1</x></Before><Response>4711</Response><After i='2'>3</After>";
        SoapResponse response = decode(BatchOperation.START_BATCH_JOB, content);
        assertThat(response.payload(IntResponse.class).value()).isEqualTo(4711);
        assertThat(response.headers().succeeded()).isTrue();
    }

    @Test
    void aNilResponseReadsAsItsEmptyTextAsJaxbReadsIt() {
        // Response is not nillable in the binding: JAXB ignores xsi:nil and converts the empty text
        String nil = "<Response xmlns:i='" + XSI + "' i:nil='true'/>";
        assertThat(decode(BatchOperation.START_BATCH_JOB, nil).payload(IntResponse.class).value()).isEqualTo(0);
        assertThat(decode(BatchOperation.STOP_BATCH_JOB, nil).payload(BooleanResponse.class).value()).isNull();
    }

    @Test
    void aMissingResponseIsANullValue() {
        assertThat(decode(BatchOperation.START_BATCH_JOB, "<Other>1</Other>").payload(IntResponse.class).value())
                .isNull();
        assertThat(decode(BatchOperation.STOP_BATCH_JOB, "").payload(BooleanResponse.class).value()).isNull();
    }

    @Test
    void aNonIntegerIsAnInvalidValueNamingTheValue() {
        SoapDecodingException e = catchThrowableOfType(SoapDecodingException.class,
                () -> decode(BatchOperation.START_BATCH_JOB, "<Response>forty-two</Response>"));
        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.INVALID_VALUE);
        assertThat(e.getMessage()).startsWith("invalid value:").contains("forty-two");
    }

    @Test
    void anUnknownBooleanWordReadsAsNullAsJaxbReadsIt() {
        assertThat(decode(BatchOperation.STOP_BATCH_JOB, "<Response>maybe</Response>").payload(BooleanResponse.class)
                .value()).isNull();
        assertThat(decode(BatchOperation.STOP_BATCH_JOB, "<Response> 1 </Response>").payload(BooleanResponse.class)
                .value()).isTrue();
    }

    @Test
    void aTruncatedAnswerIsMalformed() {
        String xml = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body>"
                + "<StartBatchJobResponse xmlns='" + TNS + "'><Response>47";
        SoapDecodingException e = catchThrowableOfType(SoapDecodingException.class,
                () -> codec.decodeResponse(BatchOperation.START_BATCH_JOB, xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.MALFORMED);
    }

    private static SoapResponse decode(BatchOperation op, String content) {
        return decode(codec, op, content);
    }

    private static SoapResponse decode(SoapCodec codec, BatchOperation op, String content) {
        String element = op.responseElement().getLocalPart();
        String xml = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Header>"
                + "<Succeeded xmlns='" + TNS + "'>true</Succeeded></s:Header><s:Body>"
                + "<" + element + " xmlns='" + TNS + "'>" + content + "</" + element + ">"
                + "<Trailing/></s:Body></s:Envelope>";
        return codec.decodeResponse(op, xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The codec's outcome equals JAXB's: the same payload, or the same error (reason and message). */
    private static void assertSameAsJaxb(BatchOperation op, String content) {
        Object expected;
        try {
            expected = decode(JAXB_ONLY, op, content).payload(Object.class);
        } catch (SoapDecodingException jaxbRefused) {
            SoapDecodingException e = catchThrowableOfType(SoapDecodingException.class, () -> decode(op, content));
            assertThat(e).as("JAXB refuses %s", content).isNotNull();
            assertThat(e.reason()).as(content).isEqualTo(jaxbRefused.reason());
            if (jaxbRefused.getMessage().contains("StringIndexOutOfBoundsException")) {
                // JAXB's boolean converter reads past a final lone 't' or 'f'; the fast path says why
                assertThat(e.getMessage()).as(content).startsWith("invalid value: Not a boolean:");
            } else {
                assertThat(e.getMessage()).as(content).isEqualTo(jaxbRefused.getMessage());
            }
            return;
        }
        assertThat(decode(op, content).payload(Object.class)).as(content).isEqualTo(expected);
    }
}
