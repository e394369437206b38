package dev.sobatch.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.reliability.hostile.Envelopes.Seed;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapDecodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Mutations of valid envelopes fed to one decode direction. About 10,000 cases per subclass; each must
 * end in a usable result or a {@link SoapDecodingException}, within the hang bound.
 */
abstract class HostileDecodeProperties {
    static final SoapCodec CODEC = SoapCodec.defaults();

    /** The valid envelopes to mutate. */
    abstract List<Seed> seedList();

    /** Decodes with the documented-outcome check; {@code operation} is the one the seed belongs to. */
    abstract Object decode(SoapCodec codec, BatchOperation operation, byte[] input);

    private Object decode(BatchOperation operation, byte[] input) {
        return decode(CODEC, operation, input);
    }

    /** Collects the outcome, so that the report shows (and coverage checks) what the mutations reach. */
    private static Object collect(Object outcome) {
        Statistics.label("outcome").collect(outcome instanceof SoapDecodingException e ? e.reason().name() : "decoded");
        return outcome;
    }

    /** Guards against mutations too weak to matter or too strong to leave anything decodable. */
    private static void coverBoth() {
        Statistics.label("outcome").coverage(c -> {
            c.check("decoded").count(n -> n > 0);
            c.check("MALFORMED").count(n -> n > 0);
        });
    }

    @Provide
    Arbitrary<Seed> seeds() {
        return Arbitraries.of(seedList());
    }

    @Provide
    Arbitrary<BatchOperation> operations() {
        return Arbitraries.of(BatchOperation.START_BATCH_JOB, BatchOperation.GET_BATCH_TASK_INFO,
                BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE);
    }

    @Provide
    Arbitrary<String> wrongValues() {
        return Arbitraries.oneOf(Arbitraries.of(Mutator.WRONG_VALUES), Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.integers().map(String::valueOf), Arbitraries.longs().map(String::valueOf));
    }

    @Property(tries = 1000)
    void truncationAtAnyOffsetEndsInADocumentedOutcome(@ForAll("seeds") Seed seed,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double fraction) {
        byte[] cut = java.util.Arrays.copyOf(seed.bytes(), (int) (seed.bytes().length * fraction));
        Object outcome = collect(decode(seed.operation(), cut));
        if (cut.length < seed.text().indexOf("Body>")) {
            assertThat(outcome).as("no body yet, cannot be a response").isInstanceOf(SoapDecodingException.class);
        }
    }

    @Property(tries = 1500)
    void flippedBytesEndInADocumentedOutcome(@ForAll("seeds") Seed seed,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 1 << 20) Integer> positions,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] b = seed.bytes().clone();
        for (int p : positions) {
            b[p % b.length] ^= (byte) xor;
        }
        collect(decode(seed.operation(), b));
        coverBoth();
    }

    @Property(tries = 2000)
    void deletedDuplicatedOrReorderedElementsEndInADocumentedOutcome(@ForAll("seeds") Seed seed,
            @ForAll @IntRange(min = 0, max = 3) int edit, @ForAll @IntRange(min = 0, max = 400) int index,
            @ForAll @IntRange(min = 0, max = 400) int target) {
        String xml = seed.text();
        String mutated = switch (edit) {
            case 0 -> XmlSurgery.delete(xml, index);
            case 1 -> XmlSurgery.duplicate(xml, index, 1 + target % 3);
            case 2 -> XmlSurgery.move(xml, index, target);
            default -> XmlSurgery.rename(xml, index, List.of("Fault", "Body", "Header", "Response", "Id", "Zz")
                    .get(target % 6));
        };
        collect(decode(seed.operation(), mutated.getBytes(StandardCharsets.UTF_8)));
        coverBoth();
    }

    @Property(tries = 1500)
    void valuesOfTheWrongTypeEndInADocumentedOutcome(@ForAll("seeds") Seed seed,
            @ForAll @IntRange(min = 0, max = 400) int index, @ForAll("wrongValues") String value,
            @ForAll @IntRange(min = 0, max = 9) int attribute) {
        String xml = XmlSurgery.replaceContent(seed.text(), index, value);
        if (attribute < Mutator.ATTRIBUTES.size() && attribute % 2 == 0) {
            xml = XmlSurgery.addAttribute(xml, index + attribute, Mutator.ATTRIBUTES.get(attribute));
        }
        collect(decode(seed.operation(), xml.getBytes(StandardCharsets.UTF_8)));
        coverBoth();
    }

    @Property(tries = 2000)
    void stackedRandomMutationsEndInADocumentedOutcome(@ForAll("seeds") Seed seed, @ForAll long randomSeed,
            @ForAll @IntRange(min = 1, max = 6) int count) {
        Random r = new Random(randomSeed);
        byte[] b = seed.bytes();
        Mutator.Kind[] kinds = Mutator.Kind.values();
        for (int i = 0; i < count; i++) {
            b = Mutator.apply(kinds[r.nextInt(kinds.length)], b, r);
        }
        collect(decode(seed.operation(), b));
        coverBoth();
    }

    @Property(tries = 800)
    void randomBytesAreRejected(@ForAll("operations") BatchOperation operation,
            @ForAll @Size(max = 2048) byte[] bytes) {
        Object outcome = decode(operation, bytes);
        assertThat(outcome).isInstanceOf(SoapDecodingException.class);
    }

    @Property(tries = 800)
    void tagSoupEndsInADocumentedOutcome(@ForAll("operations") BatchOperation operation,
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 1000) Integer> picks) {
        List<String> tokens = List.of("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">",
                "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">", "</s:Envelope>", "<s:Body>",
                "</s:Body>", "<s:Header>", "</s:Header>", "<s:Fault>", "</s:Fault>",
                "<StartBatchJobResponse xmlns=\"http://www.superoffice.net/ws/crm/NetServer/Services88\">",
                "</StartBatchJobResponse>",
                "<GetBatchTaskInfoResponse xmlns=\"http://www.superoffice.net/ws/crm/NetServer/Services88\">",
                "</GetBatchTaskInfoResponse>", "<Response>", "</Response>", "<Id>", "</Id>", "17", "x",
                "<Succeeded>", "</Succeeded>", "false", "<faultstring>", "</faultstring>", "<BatchTaskInfo>",
                "</BatchTaskInfo>", "<State>", "</State>", "Finished", "&amp;", "<![CDATA[", "]]>", "<!--", "-->");
        StringBuilder sb = new StringBuilder();
        for (int p : picks) {
            sb.append(tokens.get(p % tokens.size()));
        }
        decode(operation, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 150)
    void deepNestingIsRefusedWithoutExhaustingTheStack(@ForAll("seeds") Seed seed,
            @ForAll @IntRange(min = 0, max = 400) int index, @ForAll @IntRange(min = 1, max = 50_000) int depth) {
        byte[] b = XmlSurgery.nest(seed.text(), index, depth).getBytes(StandardCharsets.UTF_8);
        Object outcome = collect(decode(seed.operation(), b));
        if (depth > SoapCodec.MAX_DEPTH && b.length > seed.bytes().length) {
            // usually TOO_DEEP; MALFORMED where a text-only element meets the first nested tag
            assertThat(outcome).isInstanceOf(SoapDecodingException.class);
        }
    }

    @Property(tries = 30)
    void hugeStringsEndInADocumentedOutcome(@ForAll("seeds") Seed seed,
            @ForAll @IntRange(min = 0, max = 400) int index, @ForAll @IntRange(min = 1, max = 4_000_000) int size,
            @ForAll @IntRange(min = 0, max = 2) int shape) {
        String huge = switch (shape) {
            case 0 -> "A".repeat(size);
            case 1 -> "&amp;".repeat(size / 5 + 1);
            default -> "<x a=\"" + "b".repeat(size) + "\"/>";
        };
        decode(seed.operation(),
                XmlSurgery.replaceContent(seed.text(), index, huge).getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void envelopesOverTheLimitAreTooLarge(@ForAll("seeds") Seed seed,
            @ForAll @IntRange(min = 64, max = 4096) int limit, @ForAll @IntRange(min = 0, max = 400) int index) {
        SoapCodec small = SoapCodec.withMaxInputBytes(limit);
        String padded = XmlSurgery.replaceContent(seed.text(), index, "<!--" + "p".repeat(limit) + "-->");
        byte[] b = padded.getBytes(StandardCharsets.UTF_8);
        Object outcome = decode(small, seed.operation(), b);
        if (b.length > limit) {
            assertThat(outcome).isInstanceOfSatisfying(SoapDecodingException.class,
                    e -> assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.TOO_LARGE));
        }
    }

    @Property(tries = 300)
    void declarationsAndEntitiesAnywhereAreRefusedOrHarmless(@ForAll("seeds") Seed seed,
            @ForAll @IntRange(min = 0, max = 100_000) int offset,
            @ForAll @IntRange(min = 0, max = 100) int which) {
        String xml = seed.text();
        int at = offset % (xml.length() + 1);
        String evil = Mutator.MARKUP.get(which % Mutator.MARKUP.size());
        decode(seed.operation(),
                (xml.substring(0, at) + evil + xml.substring(at)).getBytes(StandardCharsets.UTF_8));
    }
}
