package dev.sobatch.bench;

import org.openjdk.jmh.annotations.Fork;

/** The codec with the JDK's built-in StAX implementation (the SDK's default). */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g",
        "-Djavax.xml.stream.XMLInputFactory=com.sun.xml.internal.stream.XMLInputFactoryImpl",
        "-Djavax.xml.stream.XMLOutputFactory=com.sun.xml.internal.stream.XMLOutputFactoryImpl"})
public class CodecBenchmark extends CodecBenchmarks {
}
